import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { analysisSettingsSchema, extractMessageFacts, type NormalizedMessage } from '@followthrough/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands/index';
import { runCli } from '../../src/cli/run-cli';
import { openMailSource, type MailItem } from '../../src/mail/index';
import { createUser } from '../../src/store/users';
import { createTestDb } from '../support/test-db';

/**
 * The hostile corpus (test/fixtures/hostile): one file per bug, each with what the readers must make of it
 * (manifest.json). Every file goes through the readers and the engine here, and through `followthrough
 * import` into a real database file; a new bug adds a file and an entry, and this test covers it.
 */
interface Expected {
  kind: 'message' | 'skipped' | 'notice';
  code?: string;
  id?: string;
  inReplyTo?: string;
  idMaxLength?: number;
  from?: string;
  to?: string[];
  date?: string;
  textIncludes?: string[];
  header?: Record<string, string>;
  automated?: boolean;
}
interface Entry {
  file: string;
  bug: string;
  items: Expected[];
}

const corpus = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/hostile');
const manifest = JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8')) as { files: Entry[] };
const settings = analysisSettingsSchema.parse({ me: ['maya@brightlane.example'], timeZone: 'Europe/Berlin' });

async function readAll(path: string): Promise<MailItem[]> {
  const items: MailItem[] = [];
  for await (const item of (await openMailSource(path)).items()) items.push(item);
  return items;
}

function check(message: NormalizedMessage, expected: Expected): void {
  if (expected.id !== undefined) expect(message.id).toBe(expected.id);
  if (expected.inReplyTo !== undefined) expect(message.inReplyTo).toBe(expected.inReplyTo);
  if (expected.idMaxLength !== undefined) expect(message.id.length).toBeLessThanOrEqual(expected.idMaxLength);
  if (expected.from !== undefined) expect(message.from).toBe(expected.from);
  if (expected.to !== undefined) expect(message.to).toEqual(expected.to);
  if (expected.date !== undefined) expect(message.date).toBe(expected.date);
  for (const text of expected.textIncludes ?? []) expect(message.text).toContain(text);
  for (const [name, value] of Object.entries(expected.header ?? {})) expect(message.headers?.[name]).toBe(value);
  // Whatever a reader lets through, the engine takes without throwing.
  const facts = extractMessageFacts(message, settings);
  if (expected.automated !== undefined) expect(facts.automated).toBe(expected.automated);
}

describe('the hostile corpus', () => {
  it('has an entry for every file and a file for every entry', () => {
    const files = readdirSync(corpus).filter((f) => f !== 'manifest.json').sort();
    expect(manifest.files.map((e) => e.file).sort()).toEqual(files);
  });

  it.each(manifest.files.map((e) => [e.file, e] as const))('%s', async (_file, entry) => {
    const items = await readAll(join(corpus, entry.file));
    expect(items.map((i) => (i.kind === 'malformed' ? 'skipped' : i.kind))).toEqual(entry.items.map((e) => e.kind));
    items.forEach((item, i) => {
      const expected = entry.items[i]!;
      if (item.kind === 'message') check(item.message, expected);
      if (item.kind === 'malformed') {
        expect(item.code).toBe(expected.code);
        // The reason names the field, never what the stranger wrote in it.
        expect(item.problem).not.toMatch(/MAILER-DAEMON|John Doe|root@|9999|unknown sender|iiiiiiii/);
      }
    });
  });
});

describe('followthrough import of the hostile corpus into a real database', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  const run = async (args: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await runCli(
      args,
      {
        stdout: { write: (s: string) => (stdout += s) },
        stderr: { write: (s: string) => (stderr += s) },
        stdin: Readable.from([]),
        env: { DATABASE_URL: db.url },
        stdoutIsTTY: false,
        stderrIsTTY: false,
        now: () => new Date(),
      },
      commands,
    );
    return { code, stdout, stderr };
  };
  beforeAll(async () => {
    db = await createTestDb();
    await createUser(db.database.db, { email: 'maya@brightlane.example', now: new Date() });
  });
  afterAll(() => db.cleanup());

  it('stores every good message of the .eml files and lists each skipped one with its reason', async () => {
    const folder = join(db.dir, 'eml');
    mkdirSync(folder);
    const emls = manifest.files.filter((e) => e.file.endsWith('.eml'));
    for (const e of emls) copyFileSync(join(corpus, e.file), join(folder, e.file));
    const result = await run(['import', folder, '--user', 'maya@brightlane.example']);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as { stored: number; skipped: number; skippedMessages: { where: string; code: string; reason: string }[] };
    const good = emls.filter((e) => e.items[0]!.kind === 'message').length;
    const bad = emls.filter((e) => e.items[0]!.kind === 'skipped');
    expect(summary.stored).toBe(good);
    expect(summary.skipped).toBe(bad.length);
    expect(summary.skippedMessages.map((s) => [s.where.split('/').pop(), s.code]).sort()).toEqual(bad.map((e) => [e.file, e.items[0]!.code]).sort());
    // Listed in the human summary too, with where and why.
    for (const e of bad) expect(result.stderr).toContain(`${e.file}: [${e.items[0]!.code}]`);
    const rows = await db.database.client.execute('SELECT count(*) AS n FROM messages');
    expect(Number(rows.rows[0]!.n)).toBe(good);
  });

  it('warns about the mbox that lost its first line and the one cut short, storing every message of both', async () => {
    const lost = await run(['import', join(corpus, 'lost-first-from.mbox'), '--user', 'maya@brightlane.example']);
    expect(lost.code).toBe(0);
    expect(lost.stderr).toMatch(/does not start with an mbox "From " line/);
    expect(JSON.parse(lost.stdout)).toMatchObject({ read: 6, notices: 1, skipped: 0 });
    const cut = await run(['import', join(corpus, 'cut-short.mbox'), '--user', 'maya@brightlane.example']);
    expect(cut.code).toBe(0);
    expect(cut.stderr).toMatch(/message 6 \(byte \d+\): the file looks cut short inside this message/);
    expect(JSON.parse(cut.stdout)).toMatchObject({ read: 6, notices: 1, skipped: 0 });
  });

  it('imports the good lines of a JSON Lines batch whose other lines are hostile', async () => {
    const result = await run(['import', join(corpus, 'jsonl-mixed.jsonl'), '--user', 'maya@brightlane.example']);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as { stored: number; skipped: number; skippedMessages: { where: string; code: string }[] };
    expect(summary).toMatchObject({ stored: 2, skipped: 4 });
    expect(summary.skippedMessages.map((s) => s.code)).toEqual(['date_out_of_range', 'sender_unusable', 'sender_unusable', 'field_too_long']);
    const ids = await db.database.client.execute("SELECT id FROM messages WHERE id IN ('bracketed@northwind.example', 'good@northwind.example')");
    expect(ids.rows).toHaveLength(2);
  });
});
