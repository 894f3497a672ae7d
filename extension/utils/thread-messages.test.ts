import { describe, expect, it } from 'vitest';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PromiseRecord } from '@followthrough/shared/model';
import { loadFixture } from '../hosts/fixture-loader';
import { createGmailHost } from '../hosts/gmail/gmail-host';
import type { ThreadSnapshot } from '../hosts/mail-host';
import { DEFAULT_SETTINGS } from './settings';
import { analyzeSnapshot } from './local-analysis';
import { snapshotToMessages, uniquePromises } from './thread-messages';

const gmailDir = join(dirname(fileURLToPath(import.meta.url)), '../hosts/gmail/fixtures');

function gmailConversation(): ThreadSnapshot {
  const { doc, url } = loadFixture(gmailDir, '2026-11-thread-conversation.html');
  const read = createGmailHost().readThread(doc, url);
  if (read.kind !== 'thread') throw new Error(`expected a thread, got ${read.kind}`);
  return read.snapshot;
}

describe('snapshotToMessages', () => {
  it('addresses a collapsed message without recipients to everyone else in the thread', () => {
    const snapshot = gmailConversation();
    const { messages } = snapshotToMessages(snapshot);
    // Nov 2, 3:40 PM: our collapsed reply to Dana ("Thanks Dana, on it."). Gmail shows no "to" for it.
    const ourCollapsedReply = messages.find((m) => m.id === '1938c0a7d2b4e540')!;
    expect(snapshot.messages.find((m) => m.id === '1938c0a7d2b4e540')!.to).toEqual([]);
    expect(ourCollapsedReply.to).toEqual([
      '"Dana Lee" <dana.lee@northwind-logistics.example>',
      '"Sam Okafor" <sam.okafor@ourco.example>',
      '"Priya Shah" <priya.shah@northwind-logistics.example>',
    ]);
    // Expanded messages keep exactly the recipients the page shows.
    expect(messages.find((m) => m.id === '1938c0a7d2b4e542')!.to).toEqual([
      '"Dana Lee" <dana.lee@northwind-logistics.example>',
      '"Sam Okafor" <sam.okafor@ourco.example>',
    ]);
  });

  it('so our collapsed reply counts as a reply to the client in the local figures', () => {
    const analysis = analyzeSnapshot(gmailConversation(), { ...DEFAULT_SETTINGS, timeZone: 'UTC' }, { verdicts: {}, touchpoints: [] }, new Date('2026-11-16T10:00:00Z'));
    if (analysis.kind !== 'ok') throw new Error(`expected an analysis, got ${analysis.kind}`);
    // Both of our replies: Nov 2 10:04 -> 15:40 (collapsed) and Nov 10 09:12 -> 11:30 (expanded).
    expect(analysis.summary.lags.ours.count).toBe(2);
    expect(analysis.summary.lags.samples.filter((s) => s.responder === 'us').map((s) => s.replyMessageId)).toEqual(['1938c0a7d2b4e540', '1938c0a7d2b4e542']);
  });
});

describe('uniquePromises', () => {
  const promise = (id: string, messageId: string, text: string, madeAt: string): PromiseRecord => ({
    id,
    messageId,
    threadId: 't1',
    counterpart: 'northwind-logistics.example',
    text,
    madeAt,
    dueAt: '2026-11-19T17:00:00.000Z',
    dueIsDefault: false,
    status: 'open',
    keptBy: null,
  });

  it('shows a promise stored twice under two message ids once, and keeps distinct ones', () => {
    const synced = promise('p1', 'AAMkAGI2TG93AAA=', "I'll send the revised statement of work by Thursday.", '2026-11-16T10:30:00.000Z');
    const copy = promise('p2', 'owa-9f3c1a2b4d5e6f70', "I'll send the revised  statement of work by Thursday.", '2026-11-16T10:30:00Z');
    const other = promise('p3', 'AAMkAGI2TG94AAA=', 'I will confirm the room booking by tomorrow.', '2026-11-17T09:00:00.000Z');
    const sameTextLater = promise('p4', 'AAMkAGI2TG95AAA=', "I'll send the revised statement of work by Thursday.", '2026-11-18T09:00:00.000Z');
    expect(uniquePromises([synced, copy, other, sameTextLater]).map((p) => p.id)).toEqual(['p1', 'p3', 'p4']);
  });
});
