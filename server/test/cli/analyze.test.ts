import { analysisDocumentSchema } from '@followthrough/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { createTempDir } from '../mail/temp-files';
import { runFollowthrough, sampleMbox } from './cli-process';
import { conversationJsonl, ME, NOW } from './conversation';

const dir = createTempDir('cli');
afterAll(() => dir.remove());

describe('followthrough analyze (the real command)', () => {
  it('reads JSON Lines from stdin and prints one document that validates, with the lag and promises', async () => {
    const run = await runFollowthrough(['analyze', '-', '--me', ME, '--tz', 'Europe/Berlin', '--now', NOW, '--format', 'json'], {
      stdin: conversationJsonl,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const doc = analysisDocumentSchema.parse(JSON.parse(run.stdout));
    expect(doc.timeZone).toBe('Europe/Berlin');
    const northwind = doc.counterparts.find((c) => c.key === 'northwind.example');
    expect(northwind?.initiated).toMatchObject({ us: 0, them: 1 });
    // Monday 09:00 to 11:00 Berlin, inside working hours: 120 minutes both ways of counting.
    expect(northwind?.responseLag.ours).toMatchObject({ count: 1, medianMinutes: 120, medianBusinessMinutes: 120 });
    const byText = new Map(doc.promises.map((p) => [p.text, p]));
    expect(byText.get("I'll send you the revised quote by Thursday.")).toMatchObject({ status: 'kept', keptBy: 'b2@brightlane.example' });
    // Made Thursday 26 March, due Monday 30 March: after the daylight-saving change, so +02:00 in Berlin.
    const staffing = byText.get("I'll follow up with the staffing plan by Monday.");
    expect(staffing?.status).toBe('overdue');
    expect(new Date(staffing?.dueAt ?? '').toISOString().slice(0, 10)).toBe('2026-03-30');
  });

  it('prints the sample mailbox as text, worst health first, with the figures behind each score', async () => {
    const run = await runFollowthrough(
      ['analyze', sampleMbox, '--me', ME, '--tz', 'Europe/Berlin', '--now', '2026-04-20T09:00:00+02:00', '--format', 'text'],
      { env: { NO_COLOR: '1' } },
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toContain('\x1b[');
    const scores = [...run.stdout.matchAll(/^\s*(\d+)\/100 {2}(\S+)/gm)].map((m) => ({ score: Number(m[1]), key: m[2] }));
    expect(scores.map((s) => s.key).sort()).toEqual(
      ['aldercrest.example', 'kestrelfoods.example', 'muellerhaus.example', 'northwind.example', 'tom.alvarez.photo@gmail.com'],
    );
    expect(scores.map((s) => s.score)).toEqual([...scores.map((s) => s.score)].sort((a, b) => a - b));
    // The unhappy client is in the worst half, and its overdue promise and risks are spelled out.
    const northwind = run.stdout.slice(run.stdout.indexOf('northwind.example'));
    expect(scores.findIndex((s) => s.key === 'northwind.example')).toBeLessThan(2);
    expect(northwind).toMatch(/OVERDUE "I'll send you a revised timeline with the options by Thursday\." due Thu 19 Mar 2026/);
    expect(northwind).toContain('we started 1 of 5 conversations (20%, target 80%)');
    expect(northwind).toMatch(/dissatisfaction "I have to be frank: we are disappointed/);
    // The free-mail client is keyed by address and has been silent since February.
    expect(run.stdout).toMatch(/tom\.alvarez\.photo@gmail\.com[\s\S]*Last contact {2}Mon 2 Feb 2026 22:05 \(76 days ago\)/);
    // Our colleague and the newsletters are never clients.
    expect(run.stdout).not.toMatch(/brightlane\.example {2}|agencyweekly|harvest\.example/);
  });

  it('skips a malformed line with a warning naming file and line, counts it, and still analyses the rest', async () => {
    const lines = conversationJsonl.trimEnd().split('\n');
    lines.splice(1, 0, '{"id": "x", "from": "dana.okafor@northwind.example", "date": "yesterday", "text": "confidential"}');
    const path = dir.write('with-bad-line.jsonl', `${lines.join('\n')}\n`);
    const run = await runFollowthrough(['analyze', path, '--me', ME, '--now', NOW, '--tz', 'Europe/Berlin', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`warning: ${path}:2: field "date": Invalid ISO datetime; message skipped`);
    expect(run.stderr).toContain('Skipped 1 malformed message (see warnings above)');
    expect(run.stderr).not.toContain('confidential');
    const doc = analysisDocumentSchema.parse(JSON.parse(run.stdout));
    expect(doc.promises).toHaveLength(2);
  });

  it('exits 2 with a clear message naming the file for unusable input', async () => {
    const csv = dir.write('clients.csv', 'name,email\nDana,dana@northwind.example\n');
    const unknown = await runFollowthrough(['analyze', csv, '--me', ME]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(`followthrough analyze: ${csv}: unknown format`);
    expect(unknown.stdout).toBe('');

    const missing = await runFollowthrough(['analyze', 'no-such-mailbox.mbox', '--me', ME]);
    expect(missing).toMatchObject({ code: 2, stderr: 'followthrough analyze: no-such-mailbox.mbox: no such file or folder\n' });

  });
});
