import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { createClientHistory, createProviderOnlyMailbox } from '../fixtures/client-history';
import { CLIENT_DOMAIN, OWNER } from '../fixtures/client-threads';
import { gmailThreadUrl } from '../fixtures/gmail-page';
import { createE2eWorld, type E2eWorld } from '../harness/e2e-world';
import { launchFirefoxWithExtension, type FirefoxSession } from '../harness/firefox-launch';
import { clickInSidebar, fillInSidebar, waitForFirefoxSidebar, waitInSidebar } from '../harness/firefox-ui';
import { startProviderStandIns, type ProviderStandIns } from '../harness/provider-stand-ins';

/**
 * Issue 12 in Firefox, through what its WebDriver BiDi allows: the extension's own pages (options,
 * popup, Clients) cannot be opened there (tests/README.md), so the scenarios go through the sidebar and
 * the server's pages. An administrator set only the server's address (managed storage): local-only mode
 * remembers the threads opened, the sidebar offers "Sign in", the server's page signs in with a pairing
 * code or Google (stand-in), and the client's settings are edited from the sidebar's client header.
 */
const history = createClientHistory('19d4e5f6a7b8c9');
const FIGURES = ['ft-client', 'ft-source', 'ft-initiated-share', 'ft-promises-other'];

/** The text of the server's "Signed in" page, or null when the background closed the tab first. */
async function signedInText(page: Page): Promise<string | null> {
  try {
    const handle = await page.waitForSelector('[data-testid="ft-signin-done"]', { timeout: 20_000 });
    return (await handle?.evaluate((el) => el.textContent)) ?? null;
  } catch (error) {
    if (page.isClosed()) return null;
    throw error;
  }
}

interface Reminder {
  id: string;
  kind: string;
  counterpart: string;
  title: string;
}

describe('Firefox: local memory, signing in from the sidebar, and client settings in the sidebar', () => {
  let providers: ProviderStandIns;
  let world: E2eWorld;
  let firefox: FirefoxSession;

  beforeAll(async () => {
    providers = await startProviderStandIns(createProviderOnlyMailbox());
    world = await createE2eWorld(history.mailbox, { serverEnv: providers.env });
    firefox = await launchFirefoxWithExtension({ fixturePort: world.fixtures.port, timeZone: history.mailbox.timeZone, managedSettings: { serverUrl: world.api.url } });
  });

  afterAll(async () => {
    await firefox?.close();
    await world?.dispose();
    await providers?.close();
  });

  /** Opens a thread and waits for the sidebar (local figures final: memory answered). */
  async function open(page: Page, threadId: string, url: string, source: 'local' | 'server') {
    await page.goto(url);
    return waitForFirefoxSidebar(page, threadId, source, FIGURES, 30_000);
  }

  let page: Page;

  it('remembers the three threads of the client opened before signing in', async () => {
    page = await firefox.browser.newPage();
    await open(page, history.rollout.id, gmailThreadUrl(history.rollout), 'local');
    await open(page, history.invoice.id, gmailThreadUrl(history.invoice), 'local');
    const third = await open(page, history.checkIn.id, gmailThreadUrl(history.checkIn), 'local');
    expect(third.texts['ft-source']).toEqual(['The 3 threads with this client you opened, analysed in this browser']);
    expect(third.texts['ft-initiated-share']?.[0]).toContain('We started 1 of 3 conversations with this client (33%; target 80%)');
    expect(third.texts['ft-promises-other']?.[0]).toContain('I will confirm the room booking by tomorrow');
  });

  it("signs in from the sidebar with a pairing code on the server's page, and the sidebar turns to the server", async () => {
    expect(await waitInSidebar(page, 'ft-sidebar-sign-in')).toContain(`Your Followthrough server is ${new URL(world.api.url).host}`);
    const signInTab = firefox.browser.waitForTarget((t) => t.url().includes('/auth/sign-in?request='), { timeout: 15_000 });
    await clickInSidebar(page, 'ft-sidebar-sign-in-button');
    const signIn = (await (await signInTab).page())!;
    const check = await signIn.$eval('[data-testid="ft-signin-check"]', (el) => el.textContent);
    expect(await waitInSidebar(page, 'ft-sidebar-sign-in-status')).toContain(`it shows the code ${check}`);
    await signIn.type('[data-testid="ft-signin-code"]', await world.api.pairingCode(OWNER.address));
    // The server's "Signed in" page; the background may close the tab as soon as it has the token.
    const done = signedInText(signIn);
    await signIn.click('[data-testid="ft-signin-submit"]');
    const text = await done;
    if (text !== null) expect(text).toContain(`Signed in as ${OWNER.address}`);
    const sidebar = await waitForFirefoxSidebar(page, history.checkIn.id, 'server', FIGURES, 30_000);
    expect(sidebar.texts['ft-source']).toEqual(['Whole mailbox (server)']);
    expect(sidebar.texts['ft-client']).toEqual([CLIENT_DOMAIN]);
  });

  it("sets the client's cadence and renewal from the sidebar's client header, and the server's reminders follow", async () => {
    const renewal = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    await clickInSidebar(page, 'ft-client-edit');
    await waitInSidebar(page, 'ft-client-cadence-input');
    await fillInSidebar(page, 'ft-client-cadence-input', '2');
    await fillInSidebar(page, 'ft-client-renewal-input', renewal);
    await clickInSidebar(page, 'ft-client-save');
    const deadline = Date.now() + 20_000;
    let reminders: Reminder[] = [];
    while (Date.now() < deadline) {
      reminders = (await world.client.get<{ reminders: Reminder[] }>('/v1/reminders')).reminders;
      if (reminders.some((r) => r.kind === 'renewal')) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(reminders.find((r) => r.kind === 'renewal')?.title).toBe(`${CLIENT_DOMAIN} renews on ${renewal} (in 20 days)`);
    expect(reminders.find((r) => r.kind === 'silence')?.title).toMatch(/^No contact with acme-logistics\.com for \d+ days \(agreed cadence: every 2 days\)$/);
  });
});

describe('Firefox: signing in with Google (stand-in) from the sidebar', () => {
  let providers: ProviderStandIns;
  let world: E2eWorld;
  let firefox: FirefoxSession;

  beforeAll(async () => {
    providers = await startProviderStandIns(createProviderOnlyMailbox());
    world = await createE2eWorld(history.mailbox, { serverEnv: providers.env });
    firefox = await launchFirefoxWithExtension({ fixturePort: world.fixtures.port, timeZone: history.mailbox.timeZone, managedSettings: { serverUrl: world.api.url } });
  });

  afterAll(async () => {
    await firefox?.close();
    await world?.dispose();
    await providers?.close();
  });

  it('the provider names the user through OpenID Connect and the sidebar shows the server', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(gmailThreadUrl(history.rollout));
    await waitForFirefoxSidebar(page, history.rollout.id, 'local', FIGURES, 30_000);
    const signInTab = firefox.browser.waitForTarget((t) => t.url().includes('/auth/sign-in?request='), { timeout: 15_000 });
    await clickInSidebar(page, 'ft-sidebar-sign-in-button');
    const signIn = (await (await signInTab).page())!;
    // Google's consent (the stand-in's, for its one user) sends the browser back to the server's callback.
    const done = signedInText(signIn);
    await signIn.click('[data-testid="ft-signin-google"]');
    const text = await done;
    if (text !== null) expect(text).toContain(`Signed in as ${OWNER.address}`);
    const sidebar = await waitForFirefoxSidebar(page, history.rollout.id, 'server', FIGURES, 30_000);
    expect(sidebar.texts['ft-source']).toEqual(['Whole mailbox (server)']);
    expect((await world.client.get<{ tokens: number }>('/v1/me/data')).tokens).toBe(2);
  });
});
