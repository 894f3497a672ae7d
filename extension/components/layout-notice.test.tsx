import { describe, expect, it } from 'vitest';
import { act } from 'react';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFixture } from '../hosts/fixture-loader';
import { createGmailHost } from '../hosts/gmail/gmail-host';
import { createOutlookHost } from '../hosts/outlook/outlook-host';
import type { MailHost, ThreadReadResult } from '../hosts/mail-host';
import { DEFAULT_SETTINGS } from '../utils/settings';
import { inProcessEngine } from '../utils/in-process-engine';
import { reactTestRoot } from './react-test-root';
import { Sidebar, type SidebarDeps } from './sidebar';

const hostsDir = join(dirname(fileURLToPath(import.meta.url)), '../hosts');
const settings = { ...DEFAULT_SETTINGS, timeZone: 'UTC', addresses: ['alex.morgan@ourco.example'] };

const react = reactTestRoot();

function deps(copied: string[], report: () => string): SidebarDeps {
  return {
    fetchSummary: async () => ({ status: 'local-only' }),
    pushMessages: async () => undefined,
    logTouchpoint: async () => undefined,
    setVerdict: async () => undefined,
    fetchReport: async () => ({ status: 'local-only' }),
    insertIntoReply: () => false,
    copyText: async (text) => {
      copied.push(text);
      return true;
    },
    layoutReport: report,
    newId: () => '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    engine: inProcessEngine(),
  };
}

async function render(read: ThreadReadResult, hostLabel: string, sidebarDeps: SidebarDeps) {
  return react.mount(
    <Sidebar read={read} hostLabel={hostLabel} dark={false} settings={settings} local={{ verdicts: {}, touchpoints: [] }} deps={sidebarDeps} now={new Date('2026-11-25T10:00:00Z')} />,
  );
}

function fixture(host: MailHost, dir: string, name: string) {
  const loaded = loadFixture(join(hostsDir, dir, 'fixtures'), name);
  return { ...loaded, read: host.readThread(loaded.doc, loaded.url) };
}

const byId = (el: Element, id: string) => el.querySelector(`[data-testid="${id}"]`);

describe('saying so when blind', () => {
  it('names the missing part and copies the censored layout report, and nothing else, when asked', async () => {
    const host = createGmailHost();
    const { doc, url, read } = fixture(host, 'gmail', '2026-11-unrecognized-layout.html');
    const copied: string[] = [];
    const el = await render(read, 'Gmail', deps(copied, () => host.layoutReport(doc, url)));
    expect(byId(el, 'ft-sidebar')!.getAttribute('data-state')).toBe('unrecognized');
    expect(byId(el, 'ft-missing-parts')!.textContent).toBe('Not found on the page: the conversation subject.');
    // Nothing is copied (or sent) until the user asks.
    expect(copied).toEqual([]);
    await act(async () => {
      (byId(el, 'ft-copy-layout-report') as HTMLButtonElement).click();
    });
    expect(copied).toHaveLength(1);
    expect(copied[0]).toContain('Followthrough layout report (Gmail)');
    expect(copied[0]).toContain('threadSubject: not found (3 strategies tried)');
    expect(copied[0]).toMatch(/<div[^>]* role="main"/);
    expect(copied[0]).not.toMatch(/Fabrikam|Tom Becker|rollback checklist/i);
    expect(byId(el, 'ft-layout-report-status')!.textContent).toBe(' Copied.');
  });

  it('says which parts of a partly read thread were left out, and does not guess who started it', async () => {
    const { read } = fixture(createOutlookHost(), 'outlook', '2026-12-conversation-pt-partial.html');
    const el = await render(read, 'Outlook', deps([], () => ''));
    expect(byId(el, 'ft-sidebar')!.getAttribute('data-state')).toBe('ready');
    expect(byId(el, 'ft-unread')!.textContent).toBe('Could not read the sender of 1 message on this page: left out of the figures (not shown: who started the thread).');
    expect(byId(el, 'ft-initiator')!.textContent).toBe('Who started this thread could not be read from the page.');
    expect(byId(el, 'ft-initiated-share')).toBeNull();
  });

  it('says Gmail folded older messages away', async () => {
    const { read } = fixture(createGmailHost(), 'gmail', '2026-12-thread-de-folded.html');
    const el = await render(read, 'Gmail', deps([], () => ''));
    expect(byId(el, 'ft-folded')!.textContent).toContain('2 older messages are folded away by the mail client and not counted');
    expect(byId(el, 'ft-partial')!.textContent).toContain('2 collapsed messages');
  });

  it('never reports "only our own people" when the client\'s messages could not be read', async () => {
    const { read } = fixture(createOutlookHost(), 'outlook', '2026-12-conversation-pt-partial.html');
    if (read.kind !== 'thread') throw new Error('expected a thread');
    // Only a note between colleagues is readable; the client's messages have no readable sender.
    const messages = read.snapshot.messages.map((m) =>
      m.from?.address === 'alex.morgan@ourco.example'
        ? { ...m, to: [{ address: 'sam.okafor@ourco.example' }], cc: [], unread: [] }
        : { ...m, from: null, to: [], cc: [], unread: ['sender' as const] },
    );
    const el = await render({ kind: 'thread', snapshot: { ...read.snapshot, messages } }, 'Outlook', deps([], () => ''));
    expect(byId(el, 'ft-sidebar')!.getAttribute('data-state')).toBe('unrecognized');
    expect(byId(el, 'ft-missing-parts')!.textContent).toBe('Not found on the page: the sender of 2 of 3 messages.');
    expect(el.textContent).not.toContain('only our own people');
    expect(byId(el, 'ft-panel-health-panel')).toBeNull();
  });
});
