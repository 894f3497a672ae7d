import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createClientHistory, createProviderOnlyMailbox } from '../fixtures/client-history';
import { CLIENT_DOMAIN, OWNER } from '../fixtures/client-threads';
import { openOptions, signInFromOptions, withPairingCode, withProvider } from '../harness/account-ui';
import { launchChromiumWithExtension, type ChromiumSession } from '../harness/chromium-launch';
import { createE2eWorld, type E2eWorld } from '../harness/e2e-world';
import { SIDEBAR, testId } from '../harness/extension-ui';
import { gmailThreadUrl } from '../fixtures/gmail-page';
import { SCREENSHOTS_DIR } from '../harness/paths';
import { startProviderStandIns, type ProviderStandIns } from '../harness/provider-stand-ins';

/**
 * Issue 12 in Chromium against a real server whose Google and Microsoft are the stand-ins: signing in
 * without copying a token, settings that live on the server, the Clients view, reminders that lead
 * somewhere, mailboxes, and the user's data.
 */
const history = createClientHistory('19b7e1a2c3d4e5');

/** The extension APIs the tests read in the service worker (it is the extension's own world there). */
declare const chrome: {
  notifications: { getAll(): Promise<Record<string, boolean>>; onClicked: unknown };
  storage: { local: { get(keys: string | string[]): Promise<Record<string, unknown>> } };
};

interface Counterpart {
  responseLag: { ours: { medianBusinessMinutes: number | null } };
  cadenceDays: number | null;
}
interface Reminder {
  id: string;
  kind: string;
  counterpart: string;
  link: string | null;
  title: string;
}

describe('Chromium: sign-in, settings, clients, mailboxes and data against a server', () => {
  let providers: ProviderStandIns;
  let world: E2eWorld;
  let browser: ChromiumSession;
  let options: Page;
  const extensionOrigin = (): string => `chrome-extension://${browser.extensionId}`;
  const renewal = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    providers = await startProviderStandIns(createProviderOnlyMailbox());
    world = await createE2eWorld(history.mailbox, { serverEnv: providers.env });
    browser = await launchChromiumWithExtension({ fixturePort: world.fixtures.port, timeZone: history.mailbox.timeZone });
    options = await openOptions(browser.context, extensionOrigin());
  });

  afterAll(async () => {
    await browser?.close();
    await world?.dispose();
    await providers?.close();
  });

  it('signs in with a one-time code from `followthrough user pair`, without the token ever being copied', async () => {
    expect(await options.locator(testId('ft-options')).getAttribute('data-signed-in')).toBe('false');
    await signInFromOptions(options, world.api.url, async (page) => withPairingCode(page, await world.api.pairingCode(OWNER.address)));
    expect(await options.locator(testId('ft-options-signed-in')).innerText()).toContain(`Signed in as ${OWNER.address}`);
    // The extension holds its own token: the server now has two live ones for Dana (the CLI's and this one).
    expect((await world.client.get<{ tokens: number }>('/v1/me/data')).tokens).toBe(2);
  });

  it("sets a client's name, cadence and renewal on its page in the Clients view, and the reminders appear", async () => {
    const popup = await browser.context.newPage();
    await popup.goto(`${extensionOrigin()}/popup.html`);
    const [clients] = await Promise.all([browser.context.waitForEvent('page'), popup.locator(testId('ft-popup-clients')).click()]);
    await clients.setViewportSize({ width: 1200, height: 900 });
    const row = clients.locator(`${testId('ft-clients-row')}[data-key="${CLIENT_DOMAIN}"]`);
    await row.waitFor();
    expect(await clients.locator(testId('ft-clients-total')).innerText()).toContain('1 client');
    expect(await row.innerText()).toContain('3 threads');
    // The filters ask the server: the rollout promise is overdue, the invoice question waits for us.
    await clients.locator(testId('ft-clients-filter-overdue')).click();
    await clients.locator(`${testId('ft-clients-list')}[data-filter="overdue"][data-state="ready"]`).waitFor();
    expect(await clients.locator(testId('ft-clients-row')).count()).toBe(1);
    await clients.locator(testId('ft-clients-filter-renewal')).click();
    await clients.locator(`${testId('ft-clients-list')}[data-filter="renewal"][data-state="ready"]`).waitFor();
    expect(await clients.locator(testId('ft-clients-row')).count()).toBe(0);
    await clients.locator(testId('ft-clients-filter-all')).click();
    await row.waitFor();
    await clients.screenshot({ path: path.join(SCREENSHOTS_DIR, 'clients-view.png'), fullPage: true });

    await row.locator('button.ft-client-name').click();
    const page = clients.locator(`${testId('ft-client-page')}[data-state="ready"]`);
    await page.waitFor();
    // The timeline's threads page in after the client's figures.
    await expect.poll(() => clients.locator(`${testId('ft-timeline-item')}[data-kind="thread"]`).count()).toBe(3);
    await clients.locator(testId('ft-client-name-input')).fill('Acme Logistics');
    await clients.locator(testId('ft-client-cadence-input')).fill('3');
    await clients.locator(testId('ft-client-renewal-input')).fill(renewal);
    await clients.locator(testId('ft-client-target-input')).fill('60');
    await clients.locator(testId('ft-client-save')).click();
    await expect.poll(() => clients.locator(testId('ft-client-saved')).innerText()).toContain('Saved');
    await expect.poll(async () => (await world.client.get<{ profile: { cadenceDays: number | null } }>(`/v1/counterparts/${CLIENT_DOMAIN}`)).profile.cadenceDays).toBe(3);
    await expect.poll(() => clients.locator(testId('ft-client-title')).innerText()).toContain('Acme Logistics');
    expect(await clients.locator(testId('ft-client-renewal')).innerText()).toBe(renewal);
    await clients.screenshot({ path: path.join(SCREENSHOTS_DIR, 'client-page.png'), fullPage: true });

    // The popup (it closed itself when it opened the Clients view): the last contact was last week, past the
    // new 3-day cadence; the renewal is 30 days out.
    if (!popup.isClosed()) await popup.waitForEvent('close');
    const today = await browser.context.newPage();
    await today.goto(`${extensionOrigin()}/popup.html`);
    await today.locator(testId('ft-popup-refresh')).click();
    const silence = today.locator(`${testId('ft-popup-item')}[data-kind="silence"]`);
    const renewalItem = today.locator(`${testId('ft-popup-item')}[data-kind="renewal"]`);
    await expect.poll(() => silence.count(), { timeout: 15_000 }).toBe(1);
    expect(await silence.innerText()).toMatch(/No contact with Acme Logistics for \d+ days \(agreed cadence: every 3 days\)/);
    expect(await renewalItem.innerText()).toContain(`Acme Logistics renews on ${renewal} (in 30 days)`);
    // A renewal has no thread: it opens the client's page.
    const [opened] = await Promise.all([browser.context.waitForEvent('page'), renewalItem.locator(testId('ft-popup-open')).click()]);
    await opened.waitForLoadState('domcontentloaded');
    expect(opened.url()).toBe(`${extensionOrigin()}/clients.html#client=${encodeURIComponent(CLIENT_DOMAIN)}`);
    await opened.locator(`${testId('ft-client-page')}[data-key="${CLIENT_DOMAIN}"][data-state="ready"]`).waitFor();
    await opened.close();
    await clients.close();
  });

  it('notifies each reminder kind and the notification leads to the exact thread', async () => {
    const reminders = (await world.client.get<{ reminders: Reminder[] }>('/v1/reminders')).reminders;
    const overdue = reminders.find((r) => r.kind === 'promise-overdue')!;
    expect(overdue.link).toBe(`https://mail.google.com/mail/u/0/#all/${history.rollout.id}`);
    // The background's refresh notified every kind (none was switched off) and kept where each leads.
    const notifications = () =>
      browser.serviceWorker.evaluate(async () => {
        const all = await chrome.notifications.getAll();
        const { notificationLinks } = await chrome.storage.local.get('notificationLinks');
        return { ids: Object.keys(all), targets: (notificationLinks ?? {}) as Record<string, { link: string | null; counterpart: string }> };
      });
    await expect.poll(async () => (await notifications()).ids.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(5);
    const shown = await notifications();
    expect(shown.ids).toEqual(expect.arrayContaining([`ft:${overdue.id}`, 'ft:silence:acme-logistics.com', `ft:renewal:acme-logistics.com:${renewal}`]));
    expect(shown.targets[`ft:${overdue.id}`]).toEqual({ link: overdue.link, counterpart: CLIENT_DOMAIN });
    expect(shown.targets[`ft:renewal:acme-logistics.com:${renewal}`]).toEqual({ link: null, counterpart: CLIENT_DOMAIN });
    // A click on the system notification itself cannot be produced by automation (tests/README.md): the
    // click event is dispatched to the background's listener through Chromium's own event object, which is
    // what the browser does when the user clicks it.
    const click = (id: string) => browser.serviceWorker.evaluate((notificationId) => (chrome.notifications.onClicked as { dispatch(id: string): void }).dispatch(notificationId), id);
    const [thread] = await Promise.all([browser.context.waitForEvent('page'), click(`ft:${overdue.id}`)]);
    await thread.waitForLoadState('domcontentloaded');
    expect(thread.url()).toBe(overdue.link);
    await expect.poll(() => thread.locator('h2.hP').getAttribute('data-legacy-thread-id')).toBe(history.rollout.id);
    await thread.close();
    // The clicked notification is gone; a reminder without a thread opens the client's page.
    await expect.poll(async () => (await notifications()).ids).not.toContain(`ft:${overdue.id}`);
    const [client] = await Promise.all([browser.context.waitForEvent('page'), click(`ft:renewal:acme-logistics.com:${renewal}`)]);
    await client.locator(`${testId('ft-client-page')}[data-key="${CLIENT_DOMAIN}"][data-state="ready"]`).waitFor();
    await client.close();
  });

  it('shows changes waiting for the server in the sidebar and the options, and sends or discards them', async () => {
    const clients = await browser.context.newPage();
    await clients.goto(`${extensionOrigin()}/clients.html#client=${encodeURIComponent(CLIENT_DOMAIN)}`);
    await clients.locator(`${testId('ft-client-page')}[data-state="ready"]`).waitFor();
    await world.api.stop();
    try {
      await clients.locator(testId('ft-client-notes-input')).fill('Marco prefers calls on Friday mornings.');
      await clients.locator(testId('ft-client-save')).click();
      await expect.poll(() => clients.locator(testId('ft-client-saved')).innerText()).toContain('Saved');
      // The sidebar's badge counts it.
      const mail = await browser.context.newPage();
      await mail.goto(gmailThreadUrl(history.rollout));
      const badge = mail.locator(`${SIDEBAR} ${testId('ft-pending-badge')}`);
      await expect.poll(() => badge.getAttribute('data-pending'), { timeout: 15_000 }).toBe('1');
      expect(await badge.innerText()).toBe('1 waiting');
      await mail.close();
      // The options page lists it, in words.
      await options.reload();
      const pending = options.locator(testId('ft-queue-pending'));
      await expect.poll(() => pending.count()).toBe(1);
      expect(await pending.innerText()).toContain(`Client ${CLIENT_DOMAIN}: notes`);
      // A second change, discarded: it never reaches the server.
      await clients.locator(testId('ft-client-notes-input')).fill('Discard me.');
      await clients.locator(testId('ft-client-save')).click();
      await expect.poll(() => pending.count()).toBe(1);
      options.once('dialog', (dialog) => void dialog.accept());
      await pending.locator(testId('ft-queue-discard')).click();
      await expect.poll(() => pending.count()).toBe(0);
      await clients.locator(testId('ft-client-notes-input')).fill('Marco prefers calls on Friday mornings.');
      await clients.locator(testId('ft-client-save')).click();
      await expect.poll(() => pending.count()).toBe(1);
    } finally {
      await world.api.start();
    }
    await options.locator(`${testId('ft-queue-pending')} ${testId('ft-queue-retry')}`).click();
    await expect.poll(() => options.locator(testId('ft-queue-pending')).count(), { timeout: 30_000 }).toBe(0);
    expect((await world.client.get<{ profile: { notes: string | null } }>(`/v1/counterparts/${CLIENT_DOMAIN}`)).profile.notes).toBe('Marco prefers calls on Friday mornings.');
    await clients.close();
  });

  it("changes the time zone in the options, and the server's figures follow", async () => {
    const before = await world.client.get<{ counterpart: Counterpart }>(`/v1/counterparts/${CLIENT_DOMAIN}`);
    // Berlin, 09:00-17:00: our replies took 45 minutes, 2 and 6 working hours.
    expect(before.counterpart.responseLag.ours.medianBusinessMinutes).toBe(120);
    await options.reload();
    await expect.poll(() => options.locator(testId('ft-options-timezone')).inputValue()).toBe('Europe/Berlin');
    await options.locator(testId('ft-options-timezone')).fill('America/New_York');
    await options.locator(testId('ft-options-save')).click();
    await expect.poll(() => options.locator(testId('ft-options-status')).innerText()).toContain('Saved. On the server');
    await options.locator(`${testId('ft-options-analysis')}[data-state="current"]`).waitFor({ timeout: 30_000 });
    expect((await world.client.get<{ timeZone: string }>('/v1/me/settings')).timeZone).toBe('America/New_York');
    // Berlin's 11:15 and 16:15 replies are New York's early morning: little of those waits was New York working time.
    const after = await world.client.get<{ counterpart: Counterpart }>(`/v1/counterparts/${CLIENT_DOMAIN}`);
    expect(after.counterpart.responseLag.ours.medianBusinessMinutes).not.toBe(120);
    expect(after.counterpart.responseLag.ours.medianBusinessMinutes).toBeLessThan(120);
  });

  it('connects Gmail against the stand-in and shows its sync state, then disconnects it', async () => {
    await options.reload();
    const mailboxes = options.locator(testId('ft-options-mailboxes'));
    await mailboxes.locator(testId('ft-mailbox-none')).waitFor();
    await mailboxes.locator(testId('ft-mailbox-access-metadata')).check();
    const [consent] = await Promise.all([browser.context.waitForEvent('page'), mailboxes.locator(testId('ft-mailbox-connect-google')).click()]);
    // The one-time link -> Google's consent (the stand-in consents for Dana) -> the server's callback.
    await consent.waitForURL(/\/oauth\/callback\/google/);
    expect(await consent.locator('body').innerText()).toContain(`${OWNER.address} is connected`);
    await consent.close();
    const mailbox = mailboxes.locator(`${testId('ft-mailbox')}[data-email="${OWNER.address}"]`);
    await expect.poll(() => mailbox.getAttribute('data-phase'), { timeout: 30_000 }).toBe('idle');
    expect(await mailbox.getAttribute('data-messages')).toBe('2');
    expect(await mailbox.locator(testId('ft-mailbox-state')).innerText()).toMatch(/^up to date: 2 messages, last sync /);
    await options.setViewportSize({ width: 900, height: 1400 });
    await options.screenshot({ path: path.join(SCREENSHOTS_DIR, 'options-page.png'), fullPage: true });
    options.once('dialog', (dialog) => void dialog.accept());
    await mailbox.locator(testId('ft-mailbox-disconnect')).click();
    await mailboxes.locator(testId('ft-mailbox-none')).waitFor();
    expect((await world.client.get<{ accounts: unknown[] }>('/v1/accounts')).accounts).toEqual([]);
  });

  it('signs out (the server revokes the token) and signs in again with Google', async () => {
    await options.locator(testId('ft-options-sign-out')).click();
    await options.locator(testId('ft-options-sign-in')).waitFor();
    expect((await world.client.get<{ tokens: number }>('/v1/me/data')).tokens).toBe(1);
    await signInFromOptions(options, world.api.url, (page) => withProvider(page, 'google'));
    expect(await options.locator(testId('ft-options-signed-in')).innerText()).toContain(OWNER.address);
    expect((await world.client.get<{ tokens: number }>('/v1/me/data')).tokens).toBe(2);
  });

  it('exports everything as a file, then erases everything after naming what goes', async () => {
    await options.reload();
    const data = options.locator(testId('ft-options-data'));
    await expect.poll(() => data.locator(testId('ft-data-summary')).innerText()).toContain(`your account ${OWNER.address}`);
    const [download] = await Promise.all([options.waitForEvent('download'), data.locator(testId('ft-data-export')).click()]);
    const file = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
      server: { user: { email: string }; messages: unknown[]; counterparts: { key: string; cadenceDays: number }[] };
      browser: { settings: Record<string, unknown> };
    };
    expect(file.server.user.email).toBe(OWNER.address);
    // The three fixture threads (8 messages) and the two the Gmail sync brought in.
    expect(file.server.messages).toHaveLength(10);
    expect(file.server.counterparts).toEqual([expect.objectContaining({ key: CLIENT_DOMAIN, cadenceDays: 3 })]);
    expect(file.browser.settings).not.toHaveProperty('token');
    expect(JSON.stringify(file)).not.toMatch(/ft_[A-Za-z0-9_-]{32}/);

    await data.locator(testId('ft-data-erase')).click();
    const dialog = data.locator(testId('ft-data-erase-dialog'));
    const named = await dialog.innerText();
    expect(named).toContain(`your account ${OWNER.address}, 10 messages' facts in 4 threads, 2 clients, 2 promises`);
    expect(named).toContain('In this browser:');
    await dialog.locator(testId('ft-data-erase-confirm')).click();
    await expect.poll(() => data.locator(testId('ft-data-message')).innerText()).toContain('Erased: your account and everything stored on the server');
    // The user is gone from the server: even the CLI's token no longer works.
    await expect(world.client.get('/v1/me')).rejects.toThrow(/401/);
    const stored = await browser.serviceWorker.evaluate(async () => chrome.storage.local.get(['settings', 'localState', 'offlineQueue']));
    expect(stored).toMatchObject({ settings: { serverUrl: '', token: '' }, localState: { touchpoints: [], verdicts: {} }, offlineQueue: { entries: [], failed: [] } });
  });
});
