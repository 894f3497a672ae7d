import { describe, expect, it } from 'vitest';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFixture } from '../hosts/fixture-loader';
import { createGmailHost } from '../hosts/gmail/gmail-host';
import { createOutlookHost } from '../hosts/outlook/outlook-host';
import type { ThreadSnapshot } from '../hosts/mail-host';
import { DEFAULT_SETTINGS } from './settings';
import { analyzeSnapshot } from './local-analysis';

const hostsDir = join(dirname(fileURLToPath(import.meta.url)), '../hosts');
const settings = { ...DEFAULT_SETTINGS, timeZone: 'UTC', addresses: ['alex.morgan@ourco.example'] };
const NOW = new Date('2026-11-25T10:00:00Z');

function snapshot(host: 'gmail' | 'outlook', name: string): ThreadSnapshot {
  const { doc, url } = loadFixture(join(hostsDir, host, 'fixtures'), name);
  const read = (host === 'gmail' ? createGmailHost() : createOutlookHost()).readThread(doc, url);
  if (read.kind !== 'thread') throw new Error(`expected a thread, got ${read.kind}`);
  return read.snapshot;
}

function analyze(s: ThreadSnapshot) {
  const analysis = analyzeSnapshot(s, settings, { verdicts: {}, touchpoints: [] }, NOW);
  if (analysis.kind !== 'ok') throw new Error(`expected an analysis, got ${analysis.kind}`);
  return analysis;
}

describe('figures from a partly read thread', () => {
  it('does not measure a reply time across messages Gmail folded away', () => {
    const analysis = analyze(snapshot('gmail', '2026-12-thread-de-folded.html'));
    // Klaus (Mar 2) -> [2 folded] -> our Mar 5 reply: not a reply time we know. Mar 5 -> Klaus Mar 9 and
    // Klaus Mar 9 -> our Mar 9 reply are both after the fold.
    expect(analysis.coverage.folded).toBe(2);
    expect(analysis.coverage.droppedLags).toBe(1);
    expect(analysis.summary.lags.samples.map((s) => [s.responder, s.repliedAt])).toEqual([
      ['them', '2026-03-09T08:15:00.000Z'],
      ['us', '2026-03-09T14:40:00.000Z'],
    ]);
    // The first message is on the page: who started the thread is known.
    expect(analysis.summary.initiatedBy).toBe('them');
  });

  it('does not say who started the thread when the first message\'s sender is unread', () => {
    const analysis = analyze(snapshot('outlook', '2026-12-conversation-pt-partial.html'));
    expect(analysis.coverage).toMatchObject({ unreadMessages: 1, unreadSenders: 1, initiatorKnown: false, lastKnown: true });
    // Without the unread first message the engine would call Ana's reply the start: "them". It must not.
    expect(analysis.summary.initiatedBy).toBeNull();
    expect(analysis.summary.firstMessage).toBeNull();
    expect(analysis.summary.counterpart).toBe('adventure-works.example');
    // Our reply to Ana (Nov 16 13:25 -> Nov 17 10:05) is still measured: nothing unread lies between.
    expect(analysis.summary.lags.ours.count).toBe(1);
    // The health score leaves out initiation (it would say "we started 0 of 1") and is rescaled.
    const health = analysis.summary.counterpartSummary!.health;
    expect(health.components.map((c) => c.id)).not.toContain('initiation');
    const weight = health.components.reduce((sum, c) => sum + c.weight, 0);
    expect(health.score).toBe(Math.round((100 * health.components.reduce((sum, c) => sum + c.contribution, 0)) / weight));
  });

  it('keeps every figure when everything was read', () => {
    const analysis = analyze(snapshot('outlook', '2026-12-conversation-en.html'));
    expect(analysis.coverage).toMatchObject({ unreadMessages: 0, folded: 0, droppedLags: 0, initiatorKnown: true, lastKnown: true });
    expect(analysis.summary.initiatedBy).toBe('them');
    expect(analysis.summary.lags.ours.count + analysis.summary.lags.theirs.count).toBe(analysis.summary.lags.samples.length);
  });
});
