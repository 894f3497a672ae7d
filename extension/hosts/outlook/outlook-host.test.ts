import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { loadFixture } from '../fixture-loader';
import { createOutlookHost } from './outlook-host';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const host = createOutlookHost();

function read(name: string) {
  const { doc, url } = loadFixture(dir, name);
  return { doc, url, result: host.readThread(doc, url) };
}

const CONVERSATION_ID = 'AAQkADk3NGJjZmQ0LTRmNTMtNDk4OC05ZTY0LWNjYmU2OTQ3ZjVhOQAQAKr5lQ8yXQ1Ot3+qvH8s2Zk=';

describe('outlook host driver', () => {
  it('reads the conversation in the reading pane with the Graph conversation id', () => {
    const { result } = read('2026-11-conversation.html');
    if (result.kind !== 'thread') throw new Error(`expected a thread, got ${result.kind}`);
    const { snapshot } = result;
    expect(snapshot.threadId).toBe(CONVERSATION_ID);
    expect(snapshot.subject).toBe('Fabrikam onboarding: data migration');
    expect(snapshot.account).toBe('alex.morgan@ourco.example');
    expect(snapshot.link).toBe(`https://outlook.office.com/mail/deeplink/read/${encodeURIComponent(CONVERSATION_ID)}`);
    expect(snapshot.messages.map((m) => [m.from?.address, m.sentAt, m.partial])).toEqual([
      ['tom.becker@fabrikam-foods.example', '2026-11-16T08:05:00.000Z', true],
      ['alex.morgan@ourco.example', '2026-11-16T14:20:00.000Z', false],
      ['tom.becker@fabrikam-foods.example', '2026-11-20T10:45:00.000Z', false],
    ]);
    const reply = snapshot.messages[1]!;
    expect(reply.to).toEqual([{ name: 'Tom Becker', address: 'tom.becker@fabrikam-foods.example' }]);
    expect(reply.cc).toEqual([{ name: 'Lena Vogel', address: 'lena.vogel@fabrikam-foods.example' }]);
    expect(reply.text).toContain('I will send you the rollback checklist by Wednesday.');
    // The "From: / Sent:" block and the quoted message under it are not visible text of this reply.
    expect(reply.text).not.toContain('Sent:');
    expect(reply.text).not.toContain('can you confirm the cut-over');
    expect(snapshot.messages[0]!.text).toBe('Hi Alex, can you confirm the cut-over weekend for the data migration?');
  });

  it('gives each message an id that is stable across reads and distinct within the thread', () => {
    const first = read('2026-11-conversation.html').result;
    const second = read('2026-11-conversation.html').result;
    if (first.kind !== 'thread' || second.kind !== 'thread') throw new Error('expected threads');
    const ids = first.snapshot.messages.map((m) => m.id);
    expect(new Set(ids).size).toBe(3);
    expect(second.snapshot.messages.map((m) => m.id)).toEqual(ids);
    // Made up, not Outlook's own ids: the snapshot says so, and the sidebar never pushes them.
    expect(first.snapshot.messageIdsAreStable).toBe(false);
    expect(first.snapshot.messages.map((m) => m.idFromProvider)).toEqual([false, false, false]);
  });

  it('reads a single message on outlook.live.com, falling back to the URL id', () => {
    const { result } = read('2026-11-single-message.html');
    if (result.kind !== 'thread') throw new Error('expected a thread');
    expect(result.snapshot.threadId).toBe('AQQkADAwATM0MDAAMS1iNWM2LWFmZTgtMDACLTAwCgAQAD7sYhZqUkJPq0f0Bv2zC9U=');
    expect(result.snapshot.messages[0]!.from).toEqual({ name: 'Marco Rossi', address: 'marco.rossi@gmail.com' });
    expect(result.snapshot.messages[0]!.text).toContain('why the October invoice lists two site visits');
  });

  it('reports no thread when the reading pane is empty', () => {
    expect(read('2026-11-inbox-empty-pane.html').result).toEqual({ kind: 'none' });
  });

  it('names the missing element on an unknown layout and keeps the conversation id', () => {
    expect(read('2026-11-unrecognized-layout.html').result).toEqual({
      kind: 'unrecognized',
      host: 'outlook',
      threadId: CONVERSATION_ID,
      subject: null,
      missing: [{ id: 'outlook.threadSubject', finds: 'the conversation subject' }],
    });
  });

  it('reads today\'s reading pane: Email message regions, collapsed headers, UniqueMessageBody, attachments', () => {
    const { result } = read('2026-12-conversation-en.html');
    if (result.kind !== 'thread') throw new Error(`expected a thread, got ${result.kind}`);
    const { snapshot } = result;
    expect(snapshot.threadId).toBe(CONVERSATION_ID);
    expect(snapshot.subject).toBe('Fabrikam onboarding: data migration');
    // The mailbox root in the folder tree carries the address.
    expect(snapshot.account).toBe('alex.morgan@ourco.example');
    expect(snapshot.messages.map((m) => [m.from?.address, m.sentAt, m.partial])).toEqual([
      ['tom.becker@fabrikam-foods.example', '2026-11-16T08:05:00.000Z', true],
      ['alex.morgan@ourco.example', '2026-11-16T14:20:00.000Z', false],
      ['tom.becker@fabrikam-foods.example', '2026-11-20T10:45:00.000Z', false],
    ]);
    const [collapsed, reply] = snapshot.messages;
    expect(collapsed!.text).toBe('Hi Alex, can you confirm the cut-over weekend for the data migration?');
    expect(reply!.to).toEqual([{ name: 'Tom Becker', address: 'tom.becker@fabrikam-foods.example' }]);
    expect(reply!.cc).toEqual([{ name: 'Lena Vogel', address: 'lena.vogel@fabrikam-foods.example' }]);
    expect(reply!.attachments).toEqual(['Rollback checklist v2.pdf']);
    expect(reply!.text).toContain('I will send you the rollback checklist by Wednesday.');
    expect(reply!.text).not.toContain('Sent:');
  });

  it('puts a newest-on-top German conversation in time order, with day-first dates from the page language', () => {
    const { result } = read('2026-12-conversation-de-newest-on-top.html');
    if (result.kind !== 'thread') throw new Error('expected a thread');
    expect(result.snapshot.messages.map((m) => [m.from?.address, m.sentAt, m.partial])).toEqual([
      ['hanna.schulz@contoso-bau.example', '2026-11-02T08:05:00.000Z', true],
      ['alex.morgan@ourco.example', '2026-11-03T16:10:00.000Z', true],
      ['hanna.schulz@contoso-bau.example', '2026-11-04T09:30:00.000Z', false],
    ]);
    expect(result.snapshot.messages[2]!.cc.map((a) => a.address)).toEqual(['sam.okafor@ourco.example']);
  });

  it('reads French on outlook.live.com, Italian collapsed headers and the Dutch popped-out window', () => {
    const live = read('2026-12-live-fr-ads.html').result;
    if (live.kind !== 'thread') throw new Error('expected a thread');
    expect(live.snapshot.account).toBe('alex.morgan@outlook.com');
    expect(live.snapshot.messages.map((m) => [m.from?.name, m.from?.address, m.sentAt])).toEqual([
      ['Marie Dubois', 'marie.dubois@gmail.com', '2026-11-16T08:05:00.000Z'],
      ['Alex Morgan', 'alex.morgan@outlook.com', '2026-11-16T14:20:00.000Z'],
    ]);
    const it = read('2026-12-collapsed-headers-it.html').result;
    if (it.kind !== 'thread') throw new Error('expected a thread');
    expect(it.snapshot.messages.map((m) => [m.from?.address, m.sentAt, m.partial])).toEqual([
      ['alex.morgan@ourco.example', '2026-11-09T10:00:00.000Z', true],
      ['giulia.romano@northwind-traders.example', '2026-11-10T15:30:00.000Z', true],
      ['alex.morgan@ourco.example', '2026-11-11T09:15:00.000Z', true],
      ['giulia.romano@northwind-traders.example', '2026-11-13T17:45:00.000Z', false],
    ]);
    const popout = read('2026-12-popout-nl.html').result;
    if (popout.kind !== 'thread') throw new Error('expected a thread');
    // No list in a popped-out window: the item id of the URL stands for the thread.
    expect(popout.snapshot.threadId).toBe('AAMkAGI2ZTM4NDhlLWQ3ZjgtNGM3Mi05ZmQ0LTg5NmNiYjQxYTQ0NQBGAAAAAAC7XkqVpop1AAA=');
    expect(popout.snapshot.messages.map((m) => [m.from?.address, m.sentAt])).toEqual([
      ['jan.devries@tailspin-toys.example', '2026-11-16T08:05:00.000Z'],
      ['alex.morgan@ourco.example', '2026-11-16T11:40:00.000Z'],
    ]);
  });

  it('leaves a sender shown by name only unread instead of taking a recipient for the sender', () => {
    const { result } = read('2026-12-conversation-pt-partial.html');
    if (result.kind !== 'thread') throw new Error('expected a thread');
    const [first, second] = result.snapshot.messages;
    expect(first!.from).toBeNull();
    expect(first!.unread).toEqual(['sender']);
    expect(first!.sentAt).toBe('2026-11-16T09:10:00.000Z');
    expect(second!.from?.address).toBe('ana.souza@adventure-works.example');
    expect(second!.unread).toEqual([]);
  });

  it('copies a layout report without mail content', () => {
    const { doc, url } = read('2026-12-conversation-en.html');
    const report = host.layoutReport(doc, url);
    expect(report).toContain('messageItem: 3 by strategy 1 of 5');
    expect(report).toContain('data-testid="SentReceivedSavedTime"');
    expect(report).not.toMatch(/Tom|tom\.becker|fabrikam|rollback|AAQk/i);
  });

  it('recognises conversation URLs on all three Outlook hosts', () => {
    const id = (href: string) => host.threadIdFromUrl(new URL(href));
    expect(id('https://outlook.office365.com/mail/inbox/id/AAQk%2Babc%3D')).toBe('AAQk+abc=');
    expect(id('https://outlook.live.com/mail/0/inbox/id/AQQkXYZ')).toBe('AQQkXYZ');
    expect(id('https://outlook.office.com/mail/deeplink/read/AAMkDeep%3D')).toBe('AAMkDeep=');
    expect(id('https://outlook.office.com/mail/inbox')).toBeNull();
    expect(id('https://outlook.office.com/calendar/view/week')).toBeNull();
  });

  it('inserts plain text into the open reply', () => {
    const { doc } = read('2026-11-conversation.html');
    expect(host.insertIntoReply(doc, 'Checklist attached.')).toBe(true);
    expect(doc.querySelector('div[contenteditable="true"]')!.textContent).toContain('Checklist attached.');
  });

  it('narrows the reading pane by the sidebar width while it is shown, and restores it', () => {
    const { doc } = read('2026-11-conversation.html');
    const pane = doc.querySelector<HTMLElement>('#ReadingPaneContainerId')!;
    const list = doc.querySelector<HTMLElement>('[role="main"]')!;
    const reservation = host.reserveSidebarSpace(doc, 308)!;
    expect(reservation.element).toBe(pane);
    expect(pane.style.getPropertyValue('margin-right')).toBe('308px');
    expect(list.getAttribute('style')).toBeNull();
    reservation.release();
    expect(pane.getAttribute('style') ?? '').toBe('');
  });
});
