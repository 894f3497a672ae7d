import { createHash } from 'node:crypto';
import {
  capReferences,
  cutText,
  isMessageRejectedError,
  LIMITS,
  messageInstant,
  normalizedMessageSchema,
  senderAddress,
  type MessageRejectionCode,
  type NormalizedMessage,
} from '@followthrough/shared';
import { fastMessage } from './fast-message';
import { KEPT_HEADERS } from './headers';
import { normalizeMessageId, parseMessageIdList } from './message-id';
import { parseAddressHeader } from './mime/addresses';
import { parseMailDate } from './mime/date';
import { decodeEncodedWords } from './mime/encoded-words';

export { isNormalizedHeader, KEPT_HEADERS } from './headers';

export type Conversion = { ok: true; message: NormalizedMessage } | { ok: false; code: MessageRejectionCode; problem: string };

/**
 * A message as any source hands it over: its headers (lower-cased names, raw values, encoded-words not yet
 * decoded) and its body text. The MIME parser builds one from mbox and .eml; the Gmail and Graph converters
 * from the provider's resource. Everything after this is one path.
 */
export interface MailParts {
  headers: Map<string, string[]>;
  text: string;
  attachments?: readonly string[];
}

/** What a provider knows besides the headers: used only where the headers say nothing usable. */
export interface ProviderFacts {
  /** The id when there is no Message-ID header ("gmail:<id>"). */
  id?: string;
  /** The provider's own thread ("gmail-thread:<id>", "graph-conv:<id>"). */
  threadId?: string;
  /** The provider's own timestamp (Gmail internalDate, Graph sentDateTime), for a missing or absurd Date header. */
  dateMs?: number;
}

const first = (mail: MailParts, name: string): string | undefined => mail.headers.get(name)?.[0];

function isoUtc(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const rejected = (code: MessageRejectionCode, problem: string): Conversion => ({ ok: false, code, problem });

/** The Date header as ISO with the sender's offset, else the provider's timestamp, else why neither will do. */
function dateOf(mail: MailParts, facts: ProviderFacts): { date: string } | { code: MessageRejectionCode; problem: string } {
  const raw = first(mail, 'date');
  const parsed = parseMailDate(raw);
  let problem: { code: MessageRejectionCode; problem: string } | null = null;
  if (parsed) {
    try {
      messageInstant({ date: parsed });
      return { date: parsed };
    } catch (error) {
      if (!isMessageRejectedError(error)) throw error;
      problem = { code: error.code, problem: `the Date header: ${error.reason}` };
    }
  } else {
    problem = raw === undefined ? { code: 'date_invalid', problem: 'no Date header' } : { code: 'date_invalid', problem: 'the Date header is not a valid RFC 5322 date' };
  }
  // The provider saw the message arrive: its clock beats a forged or broken header.
  if (facts.dateMs !== undefined && Number.isFinite(facts.dateMs)) {
    const date = isoUtc(facts.dateMs);
    try {
      messageInstant({ date });
      return { date };
    } catch (error) {
      if (!isMessageRejectedError(error)) throw error;
    }
  }
  return problem;
}

/**
 * A message from any source to the normalized message, or the reason it cannot be one (by header name only,
 * never its content): no usable sender (shared senderAddress decides, so every source agrees with the
 * engine), no date in 1970-2099 (shared messageInstant), or a field the model refuses.
 */
export function toNormalizedMessage(mail: MailParts, facts: ProviderFacts = {}): Conversion {
  const fromRaw = first(mail, 'from') ?? first(mail, 'sender');
  if (fromRaw === undefined) return rejected('sender_unusable', 'no From header');
  const from = parseAddressHeader(fromRaw)[0];
  if (!from) {
    try {
      senderAddress({ from: decodeEncodedWords(fromRaw.length > LIMITS.mailbox * 2 ? fromRaw.slice(0, LIMITS.mailbox * 2) : fromRaw) });
    } catch (error) {
      if (!isMessageRejectedError(error)) throw error;
      return rejected(error.code, error.reason);
    }
    return rejected('sender_unusable', 'the From header holds no usable e-mail address');
  }
  const dated = dateOf(mail, facts);
  if (!('date' in dated)) return rejected(dated.code, dated.problem);
  const { date } = dated;
  const subject = cutText(decodeEncodedWords(cutText(first(mail, 'subject') ?? '', LIMITS.subject * 4)).replace(/\s+/g, ' ').trim(), LIMITS.subject);
  const to = (mail.headers.get('to') ?? []).flatMap(parseAddressHeader).slice(0, LIMITS.recipients);
  const cc = (mail.headers.get('cc') ?? []).flatMap(parseAddressHeader).slice(0, LIMITS.recipients);

  let id = normalizeMessageId(first(mail, 'message-id')) ?? facts.id;
  if (!id) {
    // No Message-ID (drafts, some exports): derive a stable one so re-imports stay idempotent.
    const digest = createHash('sha256').update(`${from}\n${date}\n${subject}`).digest('hex').slice(0, 24);
    id = `${digest}@followthrough.generated`;
  }
  const inReplyTo = parseMessageIdList(first(mail, 'in-reply-to'))[0];
  const references = capReferences((mail.headers.get('references') ?? []).flatMap(parseMessageIdList));
  const threadId = facts.threadId ?? first(mail, 'x-gm-thrid')?.trim();

  const headers: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = first(mail, name);
    if (value !== undefined) headers[name] = cutText(decodeEncodedWords(cutText(value, LIMITS.headerValue * 4)), LIMITS.headerValue);
  }

  const candidate = {
    id,
    ...(threadId ? { threadId } : {}),
    from,
    to,
    ...(cc.length > 0 ? { cc } : {}),
    date,
    subject,
    // Trailing blank lines are transport residue (the mbox separator line, a final CRLF), not content.
    text: cutText(mail.text, LIMITS.text).trimEnd(),
    ...(inReplyTo ? { inReplyTo } : {}),
    ...(references.length > 0 ? { references } : {}),
    headers,
    ...(mail.attachments && mail.attachments.length > 0 ? { attachments: [...mail.attachments] } : {}),
  };
  const fast = fastMessage(candidate);
  if (fast) return { ok: true, message: fast };
  const parsed = normalizedMessageSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || '(message)';
    const code: MessageRejectionCode = /^(id|threadId|inReplyTo|references|from)/.test(field) ? 'field_too_long' : 'unreadable';
    return rejected(code, `field ${field}: ${issue?.message ?? 'invalid'}`);
  }
  return { ok: true, message: parsed.data };
}

/**
 * What the engine would refuse about an already-normalized message (JSON Lines, the API): no usable sender,
 * a date outside 1970-2099. The same shared checks extractMessageFacts makes, asked before a batch is
 * stored so one such message is skipped instead of costing the batch. Null when it is fine.
 */
export function screenMessage(message: Pick<NormalizedMessage, 'id' | 'from' | 'date'>): { code: MessageRejectionCode; problem: string } | null {
  try {
    senderAddress(message);
    messageInstant(message);
    return null;
  } catch (error) {
    if (!isMessageRejectedError(error)) throw error;
    return { code: error.code, problem: error.reason };
  }
}
