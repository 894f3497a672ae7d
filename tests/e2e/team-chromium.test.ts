import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FixtureThread } from '../fixtures/mail-thread';
import { addDays, mondayOfLastWeek, zonedIso } from '../fixtures/mail-thread';
import { createClientHistory } from '../fixtures/client-history';
import { CLIENT, CLIENT_DOMAIN, COLLEAGUE, OWNER, TIME_ZONE, WORKING_HOURS } from '../fixtures/client-threads';
import { gmailThreadUrl } from '../fixtures/gmail-page';
import { toNormalizedMessages } from '../fixtures/normalized';
import { openOptions, signInFromOptions, withPairingCode } from '../harness/account-ui';
import { createApiClient, type ApiClient } from '../harness/api-client';
import { launchChromiumWithExtension, type ChromiumSession } from '../harness/chromium-launch';
import { createE2eWorld, type E2eWorld } from '../harness/e2e-world';
import { testId, waitForSidebar } from '../harness/extension-ui';
import { SCREENSHOTS_DIR } from '../harness/paths';

/**
 * Issue 13 in Chromium against a real server: two colleagues of one organisation, each with a mailbox of the
 * same client (Acme Logistics). Dana (signed in in the browser) creates the organisation and invites Priya
 * from the options page; Priya accepts (her own token). Dana logs a delivery call and, one click later, a
 * finance invoice from the sidebar; her team Clients page then shows both departments, both members and the
 * last contact across them; with the server's clock 90 days past the first contact a quarterly review
 * reminder appears in the popup, leads to the client's page, and clears once the review is logged there.
 */
const history = createClientHistory('1a2b3c4d5e6f70');

/** Priya's own conversation with Marco, on the Friday after Dana's: a request, a worry and her promise. */
function priyasThread(now = new Date()): FixtureThread {
  const monday = mondayOfLastWeek(TIME_ZONE, now);
  const at = (hour: number, minute = 0) => zonedIso(TIME_ZONE, { ...addDays(monday, 4), hour, minute });
  return {
    id: 'priya-cutover-1',
    subject: 'Hamburg cut-over checklist',
    messages: [
      {
        id: '<marco-cutover-1@acme-logistics.com>',
        from: CLIENT,
        to: [COLLEAGUE],
        date: at(10),
        text: 'Hi Priya,\n\ncould you send us the cut-over checklist for the Hamburg site before Monday? We are worried the go-live will slip again.\n\nMarco',
      },
      {
        id: '<priya-cutover-2@northwind-studio.com>',
        from: COLLEAGUE,
        to: [CLIENT],
        date: at(11, 30),
        text: "Hi Marco,\n\nI'll send you the checklist by Monday morning.\n\nPriya",
      },
    ],
  };
}

/** Priya's other client, quiet for a month: past her 14-day cadence, and nobody else in the team deals with it. */
function priyasQuietClient(now = Date.now()): FixtureThread {
  const hank = { name: 'Hank Scorpio', address: 'hank@globex-corp.example' };
  const day = (daysAgo: number, hour: number) => new Date(now - daysAgo * 86_400_000 + hour * 3_600_000).toISOString().replace(/T.*/, `T${String(hour).padStart(2, '0')}:00:00.000Z`);
  return {
    id: 'priya-globex-1',
    subject: 'Globex: onboarding plan',
    messages: [
      { id: '<priya-globex-1@northwind-studio.com>', from: COLLEAGUE, to: [hank], date: day(31, 9), text: 'Hi Hank,\n\nhere is the onboarding plan we discussed.\n\nPriya' },
      { id: '<hank-globex-2@globex-corp.example>', from: hank, to: [COLLEAGUE], date: day(31, 13), text: 'Thanks Priya, looks good.\n\nHank' },
    ],
  };
}

interface TeamCounterpart {
  key: string;
  lastContactAt: string | null;
  lastContactBy: { email: string } | null;
  departments: { department: string | null; touchpoints: number }[];
  members: { email: string; lastContactAt: string | null }[];
}
interface Reminder {
  id: string;
  kind: string;
  counterpart: string;
  title: string;
}

describe('Chromium: a team of two on one client, the manager\'s Clients page, the quarterly review', () => {
  let world: E2eWorld;
  let priya: ApiClient;
  let browser: ChromiumSession;
  let options: Page;
  let orgId = '';
  const extensionOrigin = (): string => `chrome-extension://${browser.extensionId}`;

  beforeAll(async () => {
    world = await createE2eWorld(history.mailbox);
    priya = createApiClient(world.api.url, await world.api.addUser(COLLEAGUE.address));
    await priya.send('PUT', '/v1/me/settings', { addresses: [COLLEAGUE.address], timeZone: TIME_ZONE, workingHours: WORKING_HOURS, defaultCadenceDays: 14, department: 'sales' });
    await priya.send('POST', '/v1/messages', { messages: [...toNormalizedMessages(priyasThread()), ...toNormalizedMessages(priyasQuietClient())] });
    browser = await launchChromiumWithExtension({ fixturePort: world.fixtures.port, timeZone: history.mailbox.timeZone });
    options = await openOptions(browser.context, extensionOrigin());
    await signInFromOptions(options, world.api.url, async (page) => withPairingCode(page, await world.api.pairingCode(OWNER.address)));
  });

  afterAll(async () => {
    await browser?.close();
    await world?.dispose();
  });

  it('creates the organisation, sets the department and invites a colleague from the options page; the invitation says what is shared', async () => {
    await options.reload();
    const team = options.locator(testId('ft-options-team'));
    await team.waitFor();
    await team.locator(testId('ft-team-department')).selectOption('delivery');
    await expect.poll(() => team.locator(testId('ft-team-department-status')).innerText()).toBe('Saved on the server.');
    expect((await world.client.get<{ department: string | null }>('/v1/me/settings')).department).toBe('delivery');

    await team.locator(testId('ft-team-create-name')).fill('Northwind Studio');
    await team.locator(testId('ft-team-create')).click();
    const org = team.locator(testId('ft-team-org'));
    await org.waitFor();
    orgId = (await org.getAttribute('data-org'))!;
    expect(await org.getAttribute('data-role')).toBe('admin');
    expect(await org.locator(testId('ft-team-sharing-notice')).innerText()).toContain('Your promise, request and risk sentences stay yours');

    await org.locator(testId('ft-team-invite-email')).fill(COLLEAGUE.address);
    await org.locator(testId('ft-team-invite-role')).selectOption('member');
    await org.locator(testId('ft-team-invite')).click();
    await expect.poll(() => org.locator(testId('ft-team-org-status')).innerText()).toContain(`Invitation sent to ${COLLEAGUE.address} as member`);
    await org.locator(`${testId('ft-team-org-invited')}[data-email="${COLLEAGUE.address}"]`).waitFor();

    // Priya sees the invitation, with what joining shares, and accepts it.
    const { invitations } = await priya.get<{ invitations: { id: string; orgName: string; sharingNotice: string }[] }>('/v1/invitations');
    expect(invitations).toHaveLength(1);
    expect(invitations[0]!.orgName).toBe('Northwind Studio');
    expect(invitations[0]!.sharingNotice).toContain('Nobody sees your mail');
    await priya.send('POST', `/v1/invitations/${invitations[0]!.id}/accept`);
    await options.reload();
    await expect.poll(() => options.locator(testId('ft-team-org-member')).count()).toBe(2);
    expect(await options.locator(`${testId('ft-team-org-member')}[data-email="${COLLEAGUE.address}"]`).innerText()).toContain('private (counts only)');
  });

  it('logs a delivery call and, one click later, a finance invoice from the sidebar', async () => {
    const mail = await browser.context.newPage();
    await mail.goto(gmailThreadUrl(history.rollout));
    const sidebar = await waitForSidebar(mail, { threadId: history.rollout.id, source: 'server' });
    // The sidebar reads the department the options page saved.
    await expect.poll(() => sidebar.locator(testId('ft-touchpoint-departments')).getAttribute('data-department')).toBe('delivery');
    await sidebar.locator(testId('ft-touchpoint-note')).fill('Cut-over call with Marco: Hamburg goes live on the 16th.');
    await sidebar.locator(testId('ft-log-call')).click();
    await expect.poll(() => sidebar.locator(testId('ft-touchpoint-status')).innerText()).toBe('Call logged (Delivery).');
    await sidebar.locator(testId('ft-department-finance')).click();
    await sidebar.locator(testId('ft-touchpoint-note')).fill('Invoice 2026-114 reissued with the new VAT number.');
    await sidebar.locator(testId('ft-log-invoice')).click();
    await expect.poll(() => sidebar.locator(testId('ft-touchpoint-status')).innerText()).toBe('Invoice logged (Finance).');
    await expect
      .poll(async () => (await world.client.get<{ touchpoints: { kind: string; department?: string }[] }>(`/v1/touchpoints?counterpart=${CLIENT_DOMAIN}`)).touchpoints.map((t) => `${t.kind}:${t.department}`).sort(), { timeout: 15_000 })
      .toEqual(['call:delivery', 'invoice:finance']);
    await mail.close();
  });

  it("shows the manager the team's clients: both departments, both members, the last contact across them, each member's figures", async () => {
    const clients = await browser.context.newPage();
    await clients.setViewportSize({ width: 1200, height: 900 });
    await clients.goto(`${extensionOrigin()}/clients.html`);
    await clients.locator(testId('ft-clients-mode-team')).click();
    const row = clients.locator(`${testId('ft-team-row')}[data-key="${CLIENT_DOMAIN}"]`);
    await row.waitFor();
    expect(clients.url()).toBe(`${extensionOrigin()}/clients.html#team=${orgId}`);
    const server = (await world.client.get<{ counterparts: TeamCounterpart[] }>(`/v1/orgs/${orgId}/counterparts`)).counterparts.find((c) => c.key === CLIENT_DOMAIN)!;
    // The last contact across the team: Dana's call today, after Priya's mail on Friday and Dana's own mail.
    const priyaLast = server.members.find((m) => m.email === COLLEAGUE.address)!.lastContactAt!;
    expect(server.lastContactBy?.email).toBe(OWNER.address);
    expect(Date.parse(server.lastContactAt!)).toBeGreaterThan(Date.parse(priyaLast));
    expect(server.departments.map((d) => `${d.department}:${d.touchpoints}`).sort()).toEqual(['delivery:1', 'finance:1']);
    expect(await row.locator(testId('ft-team-row-members')).innerText()).toBe(`${OWNER.address}, ${COLLEAGUE.address}`);
    expect(await row.locator(testId('ft-team-row-last')).innerText()).toMatch(new RegExp(`^Last contact .+ by ${OWNER.address.replace('.', '\\.')}$`));
    expect((await row.locator(`${testId('ft-team-row-departments')} li`).allInnerTexts()).sort()).toEqual(['Delivery 1', 'Finance 1']);
    // Dana is the admin: each member's keep rate, initiation share and reply lag.
    const members = clients.locator(testId('ft-team-member'));
    await expect.poll(() => members.count()).toBe(2);
    expect(await members.nth(0).getAttribute('data-email')).toBe(OWNER.address);
    expect(await members.nth(0).locator(testId('ft-team-member-lag')).innerText()).toBe('2 working hours');
    expect(await members.nth(1).locator(testId('ft-team-member-initiation')).innerText()).toBe('50% (1 of 2)');
    // Priya's Globex went quiet past her cadence: nobody in the team has been in touch.
    await expect.poll(() => clients.locator(testId('ft-team-silent-item')).evaluateAll((items) => items.map((i) => i.getAttribute('data-key')))).toEqual(['globex-corp.example']);
    expect(await clients.locator(testId('ft-team-silent-item')).innerText()).toContain(`by ${COLLEAGUE.address}, cadence every 14 days`);

    // The 360° page: both members, the merged timeline by department, Priya's sentences withheld (counts only).
    await row.locator('button.ft-client-name').click();
    const page = clients.locator(`${testId('ft-team-client-page')}[data-state="ready"]`);
    await page.waitFor();
    expect(await clients.locator(testId('ft-team-client-member')).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-email')))).toEqual([OWNER.address, COLLEAGUE.address]);
    await expect.poll(() => clients.locator(testId('ft-team-timeline-item')).count()).toBe(2);
    await clients.locator(testId('ft-team-timeline-finance')).click();
    expect(await clients.locator(testId('ft-team-timeline-item')).allInnerTexts()).toEqual([expect.stringContaining('Invoice · Finance')]);
    await clients.locator(testId('ft-team-timeline-all')).click();
    expect(await clients.locator(testId('ft-team-withheld')).innerText()).toMatch(/^1 member keeps their sentences private: 1 open promise, \d+ requests? and 1 risk, as counts only\.$/);
    const text = await page.innerText();
    expect(text).not.toContain('cut-over checklist');
    expect(text).not.toContain("I'll send you the checklist");

    // What the team agrees about the client, set here: its name, Dana as its owner, the renewal in 45 days.
    const renewal = new Date(Date.now() + 45 * 86_400_000).toISOString().slice(0, 10);
    await clients.locator(testId('ft-team-name-input')).fill('Acme Logistics');
    await clients.locator(testId('ft-team-owner-input')).selectOption({ label: OWNER.address });
    await clients.locator(testId('ft-team-renewal-input')).fill(renewal);
    await clients.locator(testId('ft-team-profile-save')).click();
    await expect.poll(() => clients.locator(testId('ft-team-profile-saved')).innerText()).toBe('Saved for the team.');
    expect(await clients.locator(testId('ft-team-client-owner')).innerText()).toBe(OWNER.address);
    expect(await clients.locator(testId('ft-team-client-title')).innerText()).toContain('Acme Logistics');
    await clients.screenshot({ path: path.join(SCREENSHOTS_DIR, 'team-client-360.png'), fullPage: true });

    // Back on the list: the renewal within 90 days, with its owner.
    await clients.locator(testId('ft-client-back')).click();
    const renewals = clients.locator(testId('ft-team-renewals-item'));
    await renewals.waitFor();
    expect(await renewals.innerText()).toBe(`Acme Logistics renews ${renewal} · owner ${OWNER.address}`);
    await clients.locator(`${testId('ft-team-list')}[data-state="ready"]`).waitFor();
    await clients.screenshot({ path: path.join(SCREENSHOTS_DIR, 'team-clients-view.png'), fullPage: true });
    await clients.close();
  });

  it('reminds of the quarterly review 90 days after the first contact (the server 90 days on), and clears it when the review is logged', async () => {
    const detail = await world.client.get<{ reviewDueAt: string | null; latestReview: unknown }>(`/v1/orgs/${orgId}/counterparts/${CLIENT_DOMAIN}`);
    expect(detail.latestReview).toBeNull();
    const dueAt = Date.parse(detail.reviewDueAt!);
    // Never reviewed: due 90 days after the team's first contact (Dana's check-in on the Friday before last week).
    // Measured from that message, not from now: how many days ago it was depends on the weekday and hour of the run.
    const firstContact = Date.parse(history.checkIn.messages[0]!.date);
    expect(Math.abs(dueAt - (firstContact + 90 * 86_400_000))).toBeLessThan(86_400_000);
    expect(dueAt).toBeGreaterThan(Date.now());
    const reviews = async () => (await world.client.get<{ reminders: Reminder[] }>('/v1/reminders?limit=500')).reminders.filter((r) => r.kind === 'review');
    expect(await reviews()).toEqual([]);

    await world.api.stop();
    await world.api.start({ FT_NOW: new Date(dueAt + 86_400_000).toISOString() });
    expect((await reviews()).map((r) => r.id)).toEqual([`review:${CLIENT_DOMAIN}`]);
    // Priya deals with the client too, but Dana owns it: the reminder is Dana's alone.
    const priyasReviews = async () => (await priya.get<{ reminders: Reminder[] }>('/v1/reminders')).reminders.filter((r) => r.kind === 'review').map((r) => r.counterpart);
    expect(await priyasReviews()).toEqual(['globex-corp.example']);

    const popup = await browser.context.newPage();
    await popup.goto(`${extensionOrigin()}/popup.html`);
    await popup.locator(testId('ft-popup-refresh')).click();
    const item = popup.locator(`${testId('ft-popup-item')}[data-kind="review"]`);
    await expect.poll(() => item.count(), { timeout: 15_000 }).toBe(1);
    expect(await item.innerText()).toMatch(/Quarterly review of Acme Logistics due: never reviewed, in touch for \d+ days/);
    // No thread: it opens the client's page, where the review is logged.
    const [client] = await Promise.all([browser.context.waitForEvent('page'), item.locator(testId('ft-popup-open')).click()]);
    await client.locator(`${testId('ft-client-page')}[data-key="${CLIENT_DOMAIN}"][data-state="ready"]`).waitFor();
    await client.locator(testId('ft-client-log-review')).click();
    await client.locator(testId('ft-review-strengths')).fill('Marco trusts the delivery team; the scanners pilot went well.');
    await client.locator(testId('ft-review-opportunities')).fill('The Hamburg site, then Munich.');
    await client.locator(testId('ft-review-threats')).fill('Budget review in Q2; a competitor pitched to procurement.');
    await client.locator(testId('ft-review-risks')).fill('Go-live slip in Hamburg: checklist owed by Monday.');
    await client.locator(testId('ft-review-save')).click();
    await expect.poll(() => client.locator(testId('ft-client-review-status')).innerText()).toContain('Quarterly review logged.');
    await expect.poll(async () => (await reviews()).length, { timeout: 15_000 }).toBe(0);
    expect(await priyasReviews()).toEqual(['globex-corp.example']);
    // The team's 360° page has it, with Dana's department.
    const after = await world.client.get<{ latestReview: { review: { threats: string } } | null; timeline: { kind: string; department?: string }[] }>(`/v1/orgs/${orgId}/counterparts/${CLIENT_DOMAIN}`);
    expect(after.latestReview?.review.threats).toBe('Budget review in Q2; a competitor pitched to procurement.');
    expect(after.timeline.find((t) => t.kind === 'review')?.department).toBe('delivery');

    const today = await browser.context.newPage();
    await today.goto(`${extensionOrigin()}/popup.html`);
    await today.locator(testId('ft-popup-refresh')).click();
    await expect.poll(() => today.locator(`${testId('ft-popup-item')}[data-kind="review"]`).count(), { timeout: 15_000 }).toBe(0);
    await client.close();
    await today.close();
    if (!popup.isClosed()) await popup.close();
  });
});
