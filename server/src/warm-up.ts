import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NormalizedMessageInput } from '@followthrough/shared';
import { createApp } from './app';
import type { ServerConfig } from './config';
import { createDb, migrate } from './db/index';
import { silentLogger } from './http/logger';
import { createUser } from './store/users';

/** A call the warm-up made; `messages` is the size of a batch it posted. */
export interface WarmUpCall {
  method: string;
  path: string;
  messages?: number;
}

/**
 * Runs the routes the extension calls on every open, once, against a throwaway database, before the
 * server listens. The first call of each path compiles its code (V8 compiles a function when it first
 * runs; zod compiles a schema's checks on first use), and on a fresh process those first requests held
 * the event loop for 100-200 ms each at real size (a thread summary 138 ms, reminders 197 ms, against
 * 4 ms warm), every time the server or one of its FT_WORKERS processes started. Messages are posted
 * both ways they are read: a batch (on the reader threads) and the one message the sidebar sends for the
 * open thread (in the process, below POOL_MIN_BATCH), whose first read held the loop for about 80 ms.
 * The user's database is not touched. Takes about a second; a failure here is logged by the caller and
 * the server starts anyway. Answers the calls it made, with the size of each batch posted.
 */
export async function warmUp(config: Pick<ServerConfig, 'corsOrigins' | 'bodyLimitBytes'>): Promise<WarmUpCall[]> {
  const made: WarmUpCall[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'followthrough-warm-up-'));
  const database = await createDb(`file:${join(dir, 'warm-up.db')}`);
  try {
    await migrate(database);
    const now = new Date();
    const { token } = await createUser(database.db, { email: ME, now });
    const app = createApp({
      database,
      clock: () => now,
      logger: silentLogger,
      config: { corsOrigins: config.corsOrigins, bodyLimitBytes: config.bodyLimitBytes, rateLimit: { burst: 1_000_000, perSecond: 1_000_000 } },
    });
    const call = async (method: string, path: string, body?: unknown) => {
      const posted = (body as { messages?: unknown[] } | undefined)?.messages;
      made.push({ method, path, ...(posted ? { messages: posted.length } : {}) });
      const res = await app.request(path, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (res.status >= 400) throw new Error(`warm-up: ${method} ${path} answered ${res.status}`);
      return (await res.json()) as unknown;
    };
    const ingested = (await call('POST', '/v1/messages', { messages: warmUpMailbox(now) })) as { threads: { threadId: string }[] };
    const thread = encodeURIComponent(ingested.threads[0]!.threadId);
    await call('POST', '/v1/messages', { messages: [openThreadMessage(now)] });
    await call('GET', '/v1/me');
    await call('GET', '/v1/me/settings');
    await call('GET', `/v1/threads/${thread}/summary`);
    await call('GET', '/v1/reminders');
    await call('GET', '/v1/counterparts?limit=20');
    await call('GET', `/v1/counterparts/${CLIENTS[0]}`);
    await call('GET', `/v1/counterparts/${CLIENTS[0]}/report`);
    await call('GET', '/v1/promises?status=open&limit=20');
    await call('POST', '/v1/touchpoints', { id: crypto.randomUUID(), counterpart: CLIENTS[0], kind: 'call', at: now.toISOString(), summary: 'Warm-up call' });
  } finally {
    database.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return made;
}

const ME = 'warm-up@followthrough.invalid';
const CLIENTS = ['client-one.invalid', 'client-two.invalid'];
const OURS = [
  "Thanks for the call. I'll send the revised proposal by Friday and we will book the kickoff next week.",
  'Attached is the signed contract. Let me know if anything is missing.',
  'Sorry for the delay: it is taking longer than planned, I will have the figures to you on Monday.',
];
const THEIRS = [
  'Could you send us the updated timeline? We need it before the board meets on Thursday.',
  'We are disappointed with how the rollout has gone, and frankly we are looking at other options.',
  'Thanks, that works for us. Can we schedule a review call?',
];

/** What the sidebar posts when a thread is opened: its latest message, here our reply with a promise. */
function openThreadMessage(now: Date): NormalizedMessageInput {
  const root = '<warm-up-0-0@followthrough.invalid>';
  return {
    id: '<warm-up-open-thread@followthrough.invalid>',
    from: ME,
    to: [`buyer@${CLIENTS[0]}`],
    date: new Date(now.getTime() - 3_600_000).toISOString(),
    subject: 'Re: Project 0',
    text: "Thanks, I'll send the updated timeline by Monday.",
    inReplyTo: root,
    references: [root],
  };
}

/** Enough mail (two clients, both sides, promises, requests and a risk) to take every path a batch takes, on the reader threads too. */
function warmUpMailbox(now: Date): NormalizedMessageInput[] {
  const out: NormalizedMessageInput[] = [];
  const start = now.getTime() - 40 * 86_400_000;
  for (let t = 0; t < 24; t++) {
    const client = CLIENTS[t % CLIENTS.length]!;
    const root = `<warm-up-${t}-0@followthrough.invalid>`;
    for (let m = 0; m < 3; m++) {
      const ours = (t + m) % 2 === 0;
      const id = m === 0 ? root : `<warm-up-${t}-${m}@followthrough.invalid>`;
      out.push({
        id,
        from: ours ? ME : `buyer@${client}`,
        to: [ours ? `buyer@${client}` : ME],
        date: new Date(start + (t * 3 + m) * 9 * 3_600_000).toISOString(),
        subject: m === 0 ? `Project ${t}` : `Re: Project ${t}`,
        text: (ours ? OURS : THEIRS)[(t + m) % 3]!,
        ...(m === 0 ? {} : { inReplyTo: root, references: [root] }),
      });
    }
  }
  return out;
}
