import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_DOMAIN, createMailbox, createRolloutThread, OWNER, TIME_ZONE } from '../fixtures/client-threads';
import { gmailThreadUrl } from '../fixtures/gmail-page';
import { outlookConversationId, outlookMessageId } from '../fixtures/outlook-ids';
import { outlookThreadUrl } from '../fixtures/outlook-page';
import { createE2eWorld, type E2eWorld } from '../harness/e2e-world';
import { launchFirefoxWithExtension, type FirefoxSession } from '../harness/firefox-launch';
import { waitForFirefoxSidebar } from '../harness/firefox-ui';
import { SCREENSHOTS_DIR } from '../harness/paths';

const gmailThread = createRolloutThread({ thread: '19a4f7a2b3c4d5f1', messages: ['19a4f7a2b3c4d5f1', '19a4f7a2b3c4d5f2', '19a4f7a2b3c4d5f3', '19a4f7a2b3c4d5f4'] });
const outlookThread = createRolloutThread({ thread: outlookConversationId('fSrv9q'), messages: [1, 2, 3, 4].map((n) => outlookMessageId('fs', n)) }, 'outlook');
const mailbox = createMailbox([{ ...gmailThread, client: 'gmail' }, { ...outlookThread, client: 'outlook' }]);
const FACTS = ['ft-client', 'ft-source', 'ft-initiator', 'ft-lag-ours', 'ft-lag-theirs', 'ft-promises-thread'];

describe('Firefox (firefox-esr over WebDriver BiDi) connected to a real server', () => {
  let world: E2eWorld;
  let firefox: FirefoxSession;

  beforeAll(async () => {
    world = await createE2eWorld(mailbox);
    // The server URL and token reach the extension the way an administrator would set them: managed storage.
    firefox = await launchFirefoxWithExtension({
      fixturePort: world.fixtures.port,
      timeZone: TIME_ZONE,
      managedSettings: { serverUrl: world.api.url, token: world.token, addresses: [OWNER.address], timeZone: TIME_ZONE },
    });
  });

  afterAll(async () => {
    await firefox?.close();
    await world?.dispose();
  });

  for (const [host, url, thread, shot] of [
    ['Gmail', gmailThreadUrl(gmailThread), gmailThread, 'firefox-gmail-server.png'],
    ['Outlook', outlookThreadUrl(outlookThread, 'outlook.office365.com'), outlookThread, null],
  ] as const) {
    it(`${host}: the sidebar shows the server's mailbox-wide figures for the thread`, async () => {
      const page = await firefox.browser.newPage();
      await page.goto(url);
      const sidebar = await waitForFirefoxSidebar(page, thread.id, 'server', FACTS, 30_000);
      expect(sidebar.texts['ft-source']?.[0]).toBe('Whole mailbox (server)');
      expect(sidebar.texts['ft-client']).toEqual([CLIENT_DOMAIN]);
      expect(sidebar.texts['ft-initiator']).toEqual(['The client started this thread.']);
      // The server has every message (both were ingested as the mailbox sync would), so both reply times per side.
      expect(sidebar.texts['ft-lag-ours']?.[0]).toMatch(/^We reply in\s+4 working hours\s+6 working hours/);
      expect(sidebar.texts['ft-lag-theirs']?.[0]).toMatch(/^They reply in\s+7 working hours\s+7 working hours/);
      // This thread's two promises: the overdue one and the one the later reply kept.
      expect(sidebar.texts['ft-promises-thread']?.[0]).toMatch(/I will confirm the room booking by tomorrow[\s\S]*overdue/i);
      expect(sidebar.texts['ft-promises-thread']?.[0]).toContain("I'll send the revised statement of work by Thursday");
      if (shot) await page.screenshot({ path: path.join(SCREENSHOTS_DIR, shot) });
      await page.close();
    });
  }

  it('a touchpoint logged in the Firefox sidebar reaches the server', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(gmailThreadUrl(gmailThread));
    await waitForFirefoxSidebar(page, gmailThread.id, 'server', FACTS, 30_000);
    const note = 'Firefox: call with Marco about the kickoff agenda.';
    await page.evaluate(
      (tag, text) => {
        const root = document.querySelector(tag)!.shadowRoot!;
        const input = root.querySelector<HTMLTextAreaElement | HTMLInputElement>('[data-testid="ft-touchpoint-note"]')!;
        const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value')!.set!;
        setter.call(input, text);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        root.querySelector<HTMLButtonElement>('[data-testid="ft-log-call"]')!.click();
      },
      'followthrough-sidebar',
      note,
    );
    const deadline = Date.now() + 20_000;
    let calls: { summary?: string; kind: string }[] = [];
    while (Date.now() < deadline) {
      calls = (await world.client.get<{ touchpoints: { summary?: string; kind: string }[] }>(`/v1/touchpoints?counterpart=${CLIENT_DOMAIN}`)).touchpoints;
      if (calls.some((t) => t.summary === note)) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(calls.filter((t) => t.summary === note).map((t) => t.kind)).toEqual(['call']);
    await page.close();
  });
});
