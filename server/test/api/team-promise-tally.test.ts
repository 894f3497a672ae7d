import type { NormalizedMessageInput } from '@followthrough/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, putSettings, type Client, type TestApp } from '../support/test-app';
import { createTestDb } from '../support/test-db';

/**
 * A member's promises on the manager's team page are read from stored counts and two seeks (not a walk of
 * every promise the member made), so they must be the sum of what each of the member's client pages says,
 * at any `now`: promises kept, kept late, overdue, open, and kept only by mail after `now` (open then).
 */

const KINDS = ['kept', 'late', 'overdue', 'open', 'kept after now'] as const;
/** A different document for each kind: a delivery keeps only the promise of what it delivers. */
const ITEMS = ['pricing sheet', 'rollout plan', 'test report', 'training schedule', 'security questionnaire'] as const;

/** One thread per kind of promise, for each client. */
function mailbox(clients: number): NormalizedMessageInput[] {
  const out: NormalizedMessageInput[] = [];
  for (let c = 0; c < clients; c++) {
    const them = `Cleo Client${c} <cleo@client${c}.example>`;
    KINDS.forEach((kind, k) => {
      if ((c + k) % 4 === 3) return; // not every client has every kind
      const subject = `Plan ${c}-${k}`;
      const ask = `ask-${c}-${k}@client${c}.example`;
      const promise = `promise-${c}-${k}@ours.example`;
      // The promise: sent on Monday 2 November, due "by Friday" (6 November), except the open one, due later.
      const due = kind === 'open' ? 'by the end of December' : 'by Friday';
      const item = ITEMS[k]!;
      out.push(
        { id: ask, from: them, to: ['ann@ours.example'], date: `2026-11-02T08:0${k}:00Z`, subject, text: `Could you send us the ${item}?` },
        { id: promise, from: 'Ann <ann@ours.example>', to: [them], date: `2026-11-02T10:0${k}:00Z`, subject: `Re: ${subject}`, inReplyTo: ask, references: [ask], text: `I'll send you the ${item} ${due}.` },
      );
      const deliveredAt = kind === 'kept' ? '2026-11-05T09:00:00Z' : kind === 'late' ? '2026-11-10T09:00:00Z' : kind === 'kept after now' ? '2026-11-25T09:00:00Z' : null;
      if (deliveredAt) {
        out.push({ id: `kept-${c}-${k}@ours.example`, from: 'Ann <ann@ours.example>', to: [them], date: deliveredAt, subject: `Re: ${subject}`, inReplyTo: promise, references: [ask, promise], text: `Attached is the ${item}.`, attachments: [`${item}.pdf`] });
      }
    });
  }
  return out;
}

type Tally = Record<string, number | string | null>;
const COUNTED = ['open', 'overdue', 'kept', 'keptLate', 'possiblyKept', 'done', 'dismissed'] as const;

let env: Awaited<ReturnType<typeof createTestDb>>;
let app: TestApp;
let ann: Client;
let orgId: string;

beforeAll(async () => {
  env = await createTestDb();
  app = createTestApp(env.database, { now: '2026-11-20T09:00:00Z' });
  ann = await app.addUser('ann@ours.example');
  await putSettings(ann, { internalDomains: ['ours.example'] });
  const mail = mailbox(6);
  expect((await ann.send('POST', '/v1/messages', { messages: mail })).body).toMatchObject({ accepted: mail.length, rejected: [] });
  orgId = (await ann.send('POST', '/v1/orgs', { name: 'Client team' })).body.id;
}, 60_000);

afterAll(() => env?.cleanup());

async function memberTally(): Promise<Tally> {
  const res = await ann.get(`/v1/orgs/${orgId}/team`);
  expect(res.status).toBe(200);
  return res.body.members.find((m: { email: string }) => m.email === 'ann@ours.example').promises;
}

async function summedClientTallies(): Promise<Record<string, number>> {
  const list = await ann.get('/v1/counterparts?limit=100');
  expect(list.status).toBe(200);
  const sum: Record<string, number> = Object.fromEntries(COUNTED.map((k) => [k, 0]));
  for (const client of list.body.counterparts as { promises: Tally }[]) for (const k of COUNTED) sum[k]! += Number(client.promises[k] ?? 0);
  return sum;
}

describe("a member's promises on the team page", () => {
  it("are the sum of the member's clients, at any now", async () => {
    // 20 November: the one kept on the 25th is still open (overdue: due the 6th); 1 December: kept late by then.
    for (const now of ['2026-11-20T09:00:00Z', '2026-12-01T09:00:00Z']) {
      app.setNow(now);
      const member = await memberTally();
      const clients = await summedClientTallies();
      expect(Object.fromEntries(COUNTED.map((k) => [k, member[k]])), now).toEqual(clients);
    }
    // The figures are not all zero: every kind is there, and the promise kept after the first `now` moved.
    app.setNow('2026-11-20T09:00:00Z');
    const before = await memberTally();
    app.setNow('2026-12-01T09:00:00Z');
    const after = await memberTally();
    expect(Number(before.possiblyKept) + Number(before.kept)).toBeGreaterThan(0);
    expect(Math.min(Number(before.kept), Number(before.keptLate), Number(before.overdue), Number(before.open))).toBeGreaterThan(0);
    expect(Number(after.keptLate)).toBeGreaterThan(Number(before.keptLate));
    expect(Number(after.overdue)).toBeLessThan(Number(before.overdue));
  });
});
