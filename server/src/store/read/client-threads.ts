import type { InValue } from '@libsql/client';
import type { CounterpartThread } from '@followthrough/shared/contract';
import { mailAccountMessages, mailAccounts, threads } from '../../db/schema/index';
import { threadLink } from '../links';
import { names, str, strOrNull, type Executor } from '../sql';
import { decodeCursor, encodeCursor } from './promise-reads';

const T = names(threads);
const AM = names(mailAccountMessages);
const MA = names(mailAccounts);

/**
 * A client's conversations for the client page's timeline, latest contact first, a page at a time (the
 * (user, counterpart, last contact) index walks them in order), each with a link that opens it.
 */
export async function listClientThreads(
  db: Executor,
  userId: string,
  key: string,
  query: { limit: number; cursor?: string },
  userAddress: string,
): Promise<{ threads: CounterpartThread[]; total: number; nextCursor: string | null }> {
  const where = [`${T.userId} = ?1`, `${T.counterpart} = ?2`, `${T.lastContactAt} IS NOT NULL`];
  const args: InValue[] = [userId, key];
  const countWhere = where.join(' AND ');
  const after = decodeCursor(query.cursor, 2);
  if (after) {
    where.push(`(${T.lastContactAt} < ?3 OR (${T.lastContactAt} = ?3 AND ${T.threadId} > ?4))`);
    args.push(after[0]!, after[1]!);
  }
  const limitArg = `?${args.length + 1}`;
  const [rows, count] = await Promise.all([
    db.execute({
      sql: `SELECT ${T.threadId} AS thread_id, ${T.subject} AS subject, ${T.messageCount} AS message_count, ${T.initiatedBy} AS initiated_by,
              ${T.firstAt} AS first_at, ${T.lastContactAt} AS last_at, ${T.awaitingSide} AS awaiting_side, ${T.awaitingSince} AS awaiting_since,
              ${T.providedThreadId} AS provided, json_extract(${T.factsJson}, '$.lastMessage.messageId') AS message_id,
              (SELECT json_array(ma.${MA.provider}, am.${AM.providerId}, ma.${MA.email}) FROM ${AM.$} am JOIN ${MA.$} ma ON ma.${MA.id} = am.${AM.accountId}
                WHERE am.${AM.userId} = ?1 AND am.${AM.messageId} = json_extract(${T.factsJson}, '$.lastMessage.messageId') LIMIT 1) AS synced
            FROM ${T.$} WHERE ${where.join(' AND ')} ORDER BY ${T.lastContactAt} DESC, ${T.threadId} LIMIT ${limitArg}`,
      args: [...args, query.limit + 1],
    }),
    db.execute({ sql: `SELECT count(*) AS n FROM ${T.$} WHERE ${countWhere}`, args: [userId, key] }),
  ]);
  const page = rows.rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    threads: page.map((r) => {
      const synced = r.synced === null ? null : (JSON.parse(str(r.synced)) as [string, string, string]);
      const subject = str(r.subject);
      const side = strOrNull(r.awaiting_side);
      return {
        threadId: str(r.thread_id),
        subject,
        messageCount: Number(r.message_count),
        initiatedBy: strOrNull(r.initiated_by) as 'us' | 'them' | null,
        firstAt: strOrNull(r.first_at),
        lastContactAt: strOrNull(r.last_at),
        awaiting: side === 'us' || side === 'them' ? { side, since: str(r.awaiting_since) } : null,
        link: threadLink({
          providedThreadId: strOrNull(r.provided),
          messageId: strOrNull(r.message_id),
          subject,
          userAddress,
          synced: synced ? { provider: synced[0], providerMessageId: synced[1], mailbox: synced[2] } : null,
        }),
      };
    }),
    total: Number(count.rows[0]?.n ?? 0),
    nextCursor: rows.rows.length > query.limit && last ? encodeCursor([str(last.last_at), str(last.thread_id)]) : null,
  };
}
