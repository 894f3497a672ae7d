import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { loadFixture } from '../fixture-loader';
import { createGmailHost } from './gmail-host';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const host = createGmailHost();

function read(name: string) {
  const { doc, url } = loadFixture(dir, name);
  return { doc, result: host.readThread(doc, url) };
}

describe('gmail host driver', () => {
  it('reads the open conversation: ids, subject, people, times and visible text', () => {
    const { result } = read('2026-11-thread-conversation.html');
    if (result.kind !== 'thread') throw new Error(`expected a thread, got ${result.kind}`);
    const { snapshot } = result;
    expect(snapshot.threadId).toBe('1938c0a7d2b4e53d');
    expect(snapshot.subject).toBe('Leeds depot rollout plan');
    expect(snapshot.account).toBe('alex.morgan@ourco.example');
    expect(snapshot.link).toBe('https://mail.google.com/mail/u/0/#all/1938c0a7d2b4e53d');
    expect(snapshot.messages.map((m) => [m.from?.address, m.sentAt, m.partial])).toEqual([
      ['dana.lee@northwind-logistics.example', '2026-11-02T10:04:00.000Z', true],
      ['alex.morgan@ourco.example', '2026-11-02T15:40:00.000Z', true],
      ['dana.lee@northwind-logistics.example', '2026-11-10T09:12:00.000Z', false],
      ['alex.morgan@ourco.example', '2026-11-10T11:30:00.000Z', false],
      ['dana.lee@northwind-logistics.example', '2026-11-12T16:55:00.000Z', false],
    ]);
    const [, , first, reply, last] = snapshot.messages;
    expect(first!.id).toBe('1938c0a7d2b4e541');
    // Gmail's own message ids: safe to send to a server that syncs the mailbox under the same ids.
    expect(snapshot.messageIdsAreStable).toBe(true);
    expect(reply!.to.map((a) => a.address)).toEqual(['dana.lee@northwind-logistics.example', 'sam.okafor@ourco.example']);
    expect(last!.to).toEqual([{ address: 'alex.morgan@ourco.example' }, { name: 'Priya Shah', address: 'priya.shah@northwind-logistics.example' }]);
    // Paragraphs become lines; quoted history Gmail folded away is not read.
    expect(reply!.text).toContain("Apologies, that is on us. I'll send the revised rollout plan by Thursday");
    expect(reply!.text).not.toContain('wrote:');
    expect(first!.text.split('\n')).toContain('Thanks,');
  });

  it('reads collapsed messages as partial: sender and snippet, nothing expanded', () => {
    const { doc, result } = read('2026-11-thread-conversation.html');
    if (result.kind !== 'thread') throw new Error('expected a thread');
    const collapsed = result.snapshot.messages.filter((m) => m.partial);
    expect(collapsed.map((m) => m.text)).toEqual([
      "Hi Alex, following Thursday's steering meeting, could you share the revised rollout plan for the Leeds depot?",
      "Thanks Dana, on it. We're pulling the numbers together with the warehouse team.",
    ]);
    // Reading changed nothing on the page.
    expect(doc.querySelectorAll('div.kv').length).toBe(2);
  });

  it('reads a single outbound message with both recipients', () => {
    const { result } = read('2026-11-thread-single-message.html');
    if (result.kind !== 'thread') throw new Error('expected a thread');
    expect(result.snapshot.threadId).toBe('193a44d1c9e07b12');
    expect(result.snapshot.messages).toHaveLength(1);
    expect(result.snapshot.messages[0]!.to.map((a) => a.address)).toEqual([
      'tom.becker@fabrikam-foods.example',
      'lena.vogel@fabrikam-foods.example',
    ]);
    expect(result.snapshot.messages[0]!.text).toContain("I'll send the slides by tomorrow.");
  });

  it('reports no thread on the inbox list', () => {
    expect(read('2026-11-inbox-list.html').result).toEqual({ kind: 'none' });
  });

  it('names the missing element on an unknown layout and keeps the thread id from the URL', () => {
    expect(read('2026-11-unrecognized-layout.html').result).toEqual({
      kind: 'unrecognized',
      host: 'gmail',
      threadId: 'FMfcgzQbfLxVHMNwqBzKhJqPZTvWrkDc',
      subject: null,
      missing: [{ id: 'gmail.threadSubject', finds: 'the conversation subject' }],
    });
  });

  it('keeps markup in a hostile subject and body as plain text', () => {
    const { result } = read('2026-11-thread-hostile.html');
    if (result.kind !== 'thread') throw new Error('expected a thread');
    expect(result.snapshot.subject).toBe('<script>alert("subject")</script> Invoice <b>overdue</b>');
    expect(result.snapshot.messages[0]!.from).toEqual({ name: '<img src=x onerror=alert(1)>', address: 'billing@contoso-supplies.example' });
    expect(result.snapshot.messages[0]!.text).toContain('<script>document.title="pwned"</script>');
  });

  it('reads a German thread: localized dates, the folded older messages and an attachment', () => {
    const { result } = read('2026-12-thread-de-folded.html');
    if (result.kind !== 'thread') throw new Error(`expected a thread, got ${result.kind}`);
    const { snapshot } = result;
    expect(snapshot.account).toBe('alex.morgan@ourco.example');
    expect(snapshot.messages.map((m) => [m.from?.address, m.sentAt, m.partial, m.unread])).toEqual([
      ['klaus.weber@alpenlogistik.example', '2026-03-02T09:00:00.000Z', true, []],
      ['alex.morgan@ourco.example', '2026-03-05T11:30:00.000Z', true, []],
      ['klaus.weber@alpenlogistik.example', '2026-03-09T08:15:00.000Z', false, []],
      ['alex.morgan@ourco.example', '2026-03-09T14:40:00.000Z', false, []],
    ]);
    // "2 ältere Nachrichten": two messages Gmail folded away, between the first message and the rest.
    expect(snapshot.foldedCount).toBe(2);
    expect(snapshot.foldedAfter).toBe(1);
    expect(snapshot.messages[3]!.attachments).toEqual(['Rollout Lager Süd v3.pdf']);
    expect(snapshot.messages[3]!.text).not.toContain('schrieb');
  });

  it('reads a Japanese thread (年月日 dates, 午後 afternoon times) and a Spanish one with every message expanded', () => {
    const ja = read('2026-12-thread-ja.html').result;
    if (ja.kind !== 'thread') throw new Error('expected a thread');
    expect(ja.snapshot.messages.map((m) => [m.from?.address, m.sentAt])).toEqual([
      ['alex.morgan@ourco.example', '2026-03-02T09:00:00.000Z'],
      ['yui.takahashi@sakura-shoji.example', '2026-03-03T16:30:00.000Z'],
      ['alex.morgan@ourco.example', '2026-03-04T10:05:00.000Z'],
    ]);
    const es = read('2026-12-thread-es-expanded.html').result;
    if (es.kind !== 'thread') throw new Error('expected a thread');
    expect(es.snapshot.messages.map((m) => [m.sentAt, m.partial])).toEqual([
      ['2026-03-03T09:05:00.000Z', false],
      ['2026-03-03T15:20:00.000Z', false],
      ['2026-03-06T10:40:00.000Z', false],
    ]);
    expect(es.snapshot.foldedCount).toBe(0);
  });

  it('inserts into a reply box labelled in Japanese', () => {
    const { doc } = read('2026-12-thread-ja.html');
    expect(host.insertIntoReply(doc, 'よろしくお願いします。')).toBe(true);
    expect(doc.querySelector('[aria-label="メッセージ本文"]')!.textContent).toContain('よろしくお願いします。');
  });

  it('copies a layout report with the structure and what was found, and no mail content', () => {
    const { doc, url } = loadFixture(dir, '2026-11-thread-conversation.html');
    const report = host.layoutReport(doc, url);
    expect(report).toContain('Followthrough layout report (Gmail)');
    expect(report).toContain('messageItem: 5 by strategy 1 of 3');
    expect(report).toContain('class="adn ads"');
    expect(report).not.toMatch(/Dana|dana|northwind|rollout plan|1938c0a7/i);
  });

  it('recognises thread URLs in every Gmail view', () => {
    const id = (hash: string) => host.threadIdFromUrl(new URL(`https://mail.google.com/mail/u/0/${hash}`));
    expect(id('#inbox/FMfcgzQbfLxVHMNwqBzKhJqPZTvWrkDc')).toBe('FMfcgzQbfLxVHMNwqBzKhJqPZTvWrkDc');
    expect(id('#label/Clients/1938c0a7d2b4e53d')).toBe('1938c0a7d2b4e53d');
    expect(id('#search/renewal/FMfcgzQbfLxVHMNwqBzKhJqPZTvWrkDc')).toBe('FMfcgzQbfLxVHMNwqBzKhJqPZTvWrkDc');
    expect(id('#inbox')).toBeNull();
    expect(id('#settings/general')).toBeNull();
  });

  it('inserts text into the open reply box as text, not markup', () => {
    const { doc } = read('2026-11-thread-conversation.html');
    expect(host.insertIntoReply(doc, 'Plan attached.\n<b>not bold</b>')).toBe(true);
    const box = doc.querySelector('div[aria-label="Message Body"]')!;
    expect(box.textContent).toContain('<b>not bold</b>');
    expect(box.querySelector('b')).toBeNull();
    const { doc: single } = read('2026-11-thread-single-message.html');
    expect(host.insertIntoReply(single, 'x')).toBe(false);
  });

  it('narrows the thread column by the sidebar width while it is shown, and restores it exactly', () => {
    const { doc } = read('2026-11-thread-conversation.html');
    const column = doc.querySelector<HTMLElement>('div.bkK')!;
    column.style.setProperty('margin-right', '16px');
    const reservation = host.reserveSidebarSpace(doc, 308)!;
    expect(reservation.element).toBe(column);
    expect(column.style.getPropertyValue('margin-right')).toBe('324px');
    expect(column.style.getPropertyPriority('margin-right')).toBe('important');
    // A second reservation is not stacked on the first.
    expect(host.reserveSidebarSpace(doc, 308)).toBeNull();
    reservation.release();
    expect(column.style.getPropertyValue('margin-right')).toBe('16px');
    expect(column.style.getPropertyPriority('margin-right')).toBe('');
    expect(column.hasAttribute('data-followthrough-reserved')).toBe(false);
  });
});
