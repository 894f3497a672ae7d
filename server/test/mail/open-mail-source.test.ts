import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError, openMailSource, type MailItem } from '../../src/mail/index';
import { createTempDir } from './temp-files';

const dir = createTempDir('source');
afterAll(() => dir.remove());

const eml = (id: string, day: number) =>
  `From: Lena de Vries <lena@kestrelfoods.example>\nTo: maya@brightlane.example\nSubject: Check-in ${id}\nDate: ${day} Apr 2026 10:00:00 +0200\nMessage-ID: <${id}@kestrelfoods.example>\n\nHi Maya, thanks for the update.\n`;

async function rejection(promise: Promise<unknown>): Promise<InputError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('opening a mail source', () => {
  it('reads a folder of .eml files recursively, in a stable sorted order, ignoring other files', async () => {
    dir.write('inbox/2026/b.eml', eml('b', 2));
    dir.write('inbox/2026/a.EML', eml('a', 1));
    dir.write('inbox/c.eml', eml('c', 3));
    dir.write('inbox/notes.txt', 'not mail');
    const source = await openMailSource(`${dir.root}/inbox`);
    expect(source.format).toBe('eml-folder');
    const ids: string[] = [];
    for await (const item of source.items()) if (item.kind === 'message') ids.push(item.message.id);
    expect(ids).toEqual(['a@kestrelfoods.example', 'b@kestrelfoods.example', 'c@kestrelfoods.example']);
    expect(source.bytesRead()).toBe(source.totalBytes);
  });

  it('detects .eml content by its headers whatever the file is called', async () => {
    const source = await openMailSource(dir.write('message.txt', eml('x', 4)));
    expect(source.format).toBe('eml');
    const items: MailItem[] = [];
    for await (const item of source.items()) items.push(item);
    expect(items[0]?.kind).toBe('message');
  });

  it('refuses a missing file, an empty file, an unknown format and an empty folder, naming the path', async () => {
    const missing = await rejection(openMailSource(`${dir.root}/nope.mbox`));
    expect(missing.message).toBe(`${dir.root}/nope.mbox: no such file or folder`);
    const empty = await rejection(openMailSource(dir.write('empty.jsonl', '')));
    expect(empty.message).toMatch(/empty\.jsonl: the file is empty$/);
    const csv = await rejection(openMailSource(dir.write('export.csv', 'id,from,date\n1,a@b.example,2026-01-01\n')));
    expect(csv.message).toMatch(/export\.csv: unknown format: expected JSON Lines/);
    dir.write('nothing/readme.md', '# no mail here');
    const folder = await rejection(openMailSource(`${dir.root}/nothing`));
    expect(folder.message).toMatch(/nothing: this folder has no \.eml files/);
    const stdin = await rejection(openMailSource('-', { stdin: Readable.from([]) }));
    expect(stdin.where).toBe('stdin');
  });
});

describe('relative paths', () => {
  it('resolve against the folder the user ran the command in, and are reported as typed', async () => {
    dir.write('typed/inbox/a.eml', eml('rel', 5));
    const source = await openMailSource('inbox', { cwd: `${dir.root}/typed` });
    expect(source.label).toBe('inbox');
    const wheres: string[] = [];
    for await (const item of source.items()) wheres.push(item.where);
    expect(wheres).toEqual(['inbox/a.eml']);
    const missing = await rejection(openMailSource('inbox/none.mbox', { cwd: `${dir.root}/typed` }));
    expect(missing.message).toBe('inbox/none.mbox: no such file or folder');
  });
});
