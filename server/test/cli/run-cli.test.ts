import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analysisDocumentSchema } from '@followthrough/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands/index';
import { runCli } from '../../src/cli/run-cli';
import { createTempDir } from '../mail/temp-files';
import { sampleMbox } from './cli-process';
import { conversationJsonl, ME, NOW } from './conversation';
import { createMemoryIo } from './memory-io';

const dir = createTempDir('run-cli');
afterAll(() => dir.remove());

async function run(args: string[], options: Parameters<typeof createMemoryIo>[0] = {}) {
  const memory = createMemoryIo(options);
  const code = await runCli(args, memory.io, commands);
  return { code, stdout: memory.stdout(), stderr: memory.stderr() };
}

describe('command registry', () => {
  it('lists every file in commands/ exactly once', async () => {
    const commandsDir = join(dirname(fileURLToPath(import.meta.url)), '../../src/cli/commands');
    const files = readdirSync(commandsDir).filter((f) => f.endsWith('.ts') && f !== 'index.ts' && !f.endsWith('.test.ts'));
    const names = commands.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const file of files) expect(names).toContain(file.replace(/\.ts$/, ''));
    const help = await run(['--help']);
    for (const name of names) expect(help.stdout).toContain(`  ${name}`);
  });
});

describe('command-line errors exit 2 with the reason and the usage', () => {
  it.each([
    [['analyze', sampleMbox, '--me', ME, '--tz', 'Mars/Olympus_Mons'], '--tz: "Mars/Olympus_Mons" is not an IANA time zone'],
    [['analyze', sampleMbox, '--me', ME, '--now', '20/04/2026'], '--now: "20/04/2026" is not an ISO 8601 date-time with an offset'],
    [['analyze', sampleMbox, '--me', ME, '--now', '2026-04-20T09:00:00'], 'is not an ISO 8601 date-time with an offset'],
    [['analyze', sampleMbox, '--me', ME, '--colour'], "Unknown option '--colour'"],
    [['analyze', sampleMbox], '--me is required'],
    [['analyze', sampleMbox, '--me', 'maya'], '--me: "maya" is not an e-mail address'],
    [['analyze', '--me', ME], 'missing <input>'],
    [['analyze', sampleMbox, '--me', ME, '--hours', '17:00-09:00'], '--hours: the end (09:00) must be after the start (17:00)'],
    [['analyze', sampleMbox, '--me', ME, '--workdays', 'mon-frei'], '--workdays: "frei" is not a weekday'],
    [['analyze', sampleMbox, '--me', ME, '--format', 'xml'], '--format: "xml" is not json or text'],
    [['report', sampleMbox, '--me', ME], '--counterpart is required'],
  ])('%j', async (args, message) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('Usage: followthrough');
    expect(result.stdout).toBe('');
  });

  it('an unknown command prints the list of commands', async () => {
    const result = await run(['analyse', sampleMbox]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown command "analyse"');
    expect(result.stderr).toContain('  analyze');
  });
});

describe('terminal behaviour', () => {
  const args = ['analyze', sampleMbox, '--me', ME, '--tz', 'Europe/Berlin', '--now', '2026-04-20T09:00:00+02:00'];

  it('on a terminal: text by default, in colour, with a progress bar on stderr that is cleared at the end', async () => {
    const result = await run(args, { tty: true });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('\x1b[31m');
    expect(result.stdout).toMatch(/\d+\/100/);
    const bar = result.stderr.split('\r\x1b[2K').find((line) => line.includes('%'));
    expect(bar).toMatch(/^\[#*\.*\] +\d+% +[\d.]+ kB \/ [\d.]+ kB +\d+ msgs +[\d,]+ msg\/s$/);
    expect(result.stderr.endsWith('\r\x1b[2K')).toBe(true);
  });

  it('NO_COLOR turns colour off even on a terminal', async () => {
    const result = await run(args, { tty: true, env: { NO_COLOR: '1' } });
    expect(result.stdout).toMatch(/\d+\/100/);
    expect(result.stdout).not.toContain('\x1b[');
  });

  it('piped: JSON by default and nothing at all on stderr', async () => {
    const result = await run(args);
    expect(result.stderr).toBe('');
    expect(analysisDocumentSchema.safeParse(JSON.parse(result.stdout)).success).toBe(true);
  });

  it('notes a Gmail "Sent" sender missing from --me (a forgotten alias)', async () => {
    const result = await run(['analyze', sampleMbox, '--me', 'maya.chen@brightlane.example', '--now', '2026-04-20T09:00:00+02:00']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/note: \d+ messages labelled Sent come from maya@brightlane\.example, which is not in --me/);
  });

  it('a file whose every message is malformed is unusable input', async () => {
    const path = dir.write('all-bad.jsonl', '{"id": 1}\n{"id": 2}\n');
    const result = await run(['analyze', path, '--me', ME]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`warning: ${path}:1: field "id"`);
    expect(result.stderr).toContain(`${path}: no usable messages: all 2 were malformed`);
  });
});

describe('followthrough report', () => {
  const base = ['report', sampleMbox, '--me', ME, '--tz', 'Europe/Berlin', '--now', '2026-04-20T09:00:00+02:00'];

  it('drafts the report for a client, ending with the question about other issues', async () => {
    const result = await run([...base, '--counterpart', 'northwind.example', '--since', '2026-03-01']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('northwind.example');
    expect(result.stdout).toContain("I'll send you a revised timeline with the options by Thursday.");
    expect(result.stdout).toContain('Could you confirm the go-live date for the reporting module?');
    expect(result.stdout.trimEnd().endsWith('Are there any other issues we should discuss?')).toBe(true);
  });

  it('as HTML, with mail text escaped', async () => {
    const result = await run([...base, '--counterpart', 'kestrelfoods.example', '--format', 'html']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/<[a-z]+[\s>]/);
    expect(result.stdout).toContain('Are there any other issues we should discuss?');
    expect(result.stdout).toContain('&#39;');
  });

  it('an unknown client exits 2 and lists the ones it found', async () => {
    const result = await run([...base, '--counterpart', 'northwind.com']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no client "northwind.com"');
    expect(result.stderr).toContain('aldercrest.example, kestrelfoods.example, muellerhaus.example, northwind.example, tom.alvarez.photo@gmail.com');
  });
});

describe('followthrough parse', () => {
  it('prints each normalized message with the visible text the engine reads', async () => {
    const result = await run(['parse', '-'], { stdin: conversationJsonl });
    expect(result.code).toBe(0);
    const messages = JSON.parse(result.stdout) as { id: string; visibleText: string }[];
    expect(messages.map((m) => m.id)).toEqual(['n1@northwind.example', 'b1@brightlane.example', 'b2@brightlane.example']);
    expect(messages[1]?.visibleText).toBe("Hi Dana,\n\nSure. I'll send you the revised quote by Thursday.");
  });

  it('reads the sample mbox: Outlook HTML mail becomes text, quoted history and signatures are not visible', async () => {
    const result = await run(['parse', sampleMbox]);
    expect(result.code).toBe(0);
    const messages = JSON.parse(result.stdout) as { subject: string; from: string; text: string; visibleText: string; date: string; threadId?: string }[];
    expect(messages).toHaveLength(56);
    const msa = messages.find((m) => m.subject === 'RE: Shortlist timing' && m.from.startsWith('Robert'));
    expect(msa?.text).toContain('From: Maya Chen <maya@brightlane.example>');
    expect(msa?.visibleText).toContain('Could you send over your MSA for our legal team to review?');
    expect(msa?.visibleText).not.toContain('Do you have an update on the shortlist timing?');
    expect(msa?.visibleText).not.toContain('+1 212 555 0187');
    expect(msa?.date).toBe('2026-04-08T10:30:00-04:00');
    expect(msa?.threadId).toMatch(/^\d+$/);
    const german = messages.find((m) => m.subject === 'Angebot für die Überarbeitung der Website');
    expect(german?.text).toContain('Viele Grüße');
  });
});

describe('settings from the command line', () => {
  it('working days may wrap the week and hours are honoured', async () => {
    const result = await run(
      ['analyze', '-', '--me', ME, '--tz', 'Asia/Dubai', '--now', NOW, '--workdays', 'sun-thu', '--hours', '8:00-16:00', '--format', 'json'],
      { stdin: conversationJsonl },
    );
    expect(result.code).toBe(0);
    const doc = analysisDocumentSchema.parse(JSON.parse(result.stdout));
    // Monday 08:00-10:00 UTC is 12:00-14:00 in Dubai: all inside 08:00-16:00 there.
    expect(doc.counterparts[0]?.responseLag.ours.medianBusinessMinutes).toBe(120);
  });
});
