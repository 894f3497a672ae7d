import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_DOMAIN, createMailbox, createRolloutThread } from '../fixtures/client-threads';
import { gmailThreadUrl } from '../fixtures/gmail-page';
import { createMailSites } from '../fixtures/mail-sites';
import { outlookConversationId, outlookMessageId } from '../fixtures/outlook-ids';
import { outlookThreadUrl } from '../fixtures/outlook-page';
import { launchFirefoxWithExtension, type FirefoxSession } from '../harness/firefox-launch';
import { startFixtureServer, type FixtureServer } from '../harness/fixture-server';
import { waitForFirefoxSidebar } from '../harness/firefox-ui';
import { MAIL_HOSTS } from '../harness/mail-origins';
import { SCREENSHOTS_DIR } from '../harness/paths';
import { createSelfSignedCertificate } from '../harness/tls-certificate';

const gmailThread = createRolloutThread({ thread: '19a4f7a2b3c4d501', messages: ['19a4f7a2b3c4d501', '19a4f7a2b3c4d502', '19a4f7a2b3c4d503', '19a4f7a2b3c4d504'] });
const outlookThread = createRolloutThread({ thread: outlookConversationId('fXk2mR'), messages: [1, 2, 3, 4].map((n) => outlookMessageId('fx', n)) }, 'outlook');
const mailbox = createMailbox([{ ...gmailThread, client: 'gmail' }, { ...outlookThread, client: 'outlook' }]);
const FACTS = ['ft-client', 'ft-source', 'ft-initiator', 'ft-lag-ours', 'ft-lag-theirs', 'ft-promise', 'ft-partial', 'ft-health-score'];

// Local-only: Firefox's BiDi cannot open the options page to connect a server (see harness/firefox-ui.ts).
describe('Firefox (firefox-esr over WebDriver BiDi) with the firefox-mv3 build, local-only mode', () => {
  let fixtures: FixtureServer;
  let firefox: FirefoxSession;

  beforeAll(async () => {
    fixtures = await startFixtureServer(createSelfSignedCertificate(MAIL_HOSTS), createMailSites(() => mailbox));
    firefox = await launchFirefoxWithExtension({ fixturePort: fixtures.port, timeZone: mailbox.timeZone });
  });

  afterAll(async () => {
    await firefox?.close();
    await fixtures?.close();
  });

  for (const [host, url, thread, shot] of [
    ['Gmail', gmailThreadUrl(gmailThread), gmailThread, 'firefox-gmail.png'],
    ['Outlook', outlookThreadUrl(outlookThread), outlookThread, 'firefox-outlook.png'],
  ] as const) {
    it(`${host}: the content script runs at the real origin and the sidebar renders the thread's figures`, async () => {
      const page = await firefox.browser.newPage();
      await page.goto(url);
      const sidebar = await waitForFirefoxSidebar(page, thread.id, 'local', FACTS);
      expect(sidebar.texts['ft-client']).toEqual([CLIENT_DOMAIN]);
      // Both look-alikes list a thread with the same client: by the second, this browser remembers two.
      expect(sidebar.texts['ft-source']).toEqual([host === 'Gmail' ? 'This thread, analysed on your computer' : 'The 2 threads with this client you opened, analysed in this browser']);
      expect(sidebar.texts['ft-initiator']).toEqual(['The client started this thread.']);
      // The same local figures as gmail-chromium.test.ts (local-only): our collapsed reply counts.
      expect(sidebar.texts['ft-lag-ours']?.[0]).toMatch(/^We reply in\s+4 working hours/);
      expect(sidebar.texts['ft-health-score']?.[0]).toMatch(/^70\b/);
      expect(sidebar.texts['ft-lag-theirs']?.[0]).toMatch(/^They reply in\s/);
      expect(sidebar.texts['ft-partial']?.[0]).toContain('2 collapsed messages');
      // The expanded last message's promise, overdue since last Wednesday, and the one our collapsed
      // reply's preview shows (kept by the later reply), as in Chromium's local-only test.
      // (In Outlook, the Gmail thread's open promise also shows, under "open with this client in other threads".)
      expect(sidebar.texts['ft-promise']).toHaveLength(host === 'Gmail' ? 2 : 3);
      expect(sidebar.texts['ft-promise']?.find((t) => t.includes('room booking'))).toMatch(/I will confirm the room booking by tomorrow[\s\S]*overdue/);
      expect(sidebar.texts['ft-promise']?.find((t) => t.includes('statement of work'))).toContain("I'll send the revised statement of work by Thursday");
      // The page came from the fixture server at the real origin, through the proxy.
      expect(fixtures.requests.some((line) => line.startsWith(`${new URL(url).host} /mail`))).toBe(true);
      await page.screenshot({ path: path.join(SCREENSHOTS_DIR, shot) });
      await page.close();
    });
  }
});
