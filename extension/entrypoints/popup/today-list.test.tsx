import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { fakeBrowser } from 'wxt/testing';
import { REMINDER_KIND_ORDER } from '@followthrough/shared';
import { REMINDER_KINDS, type Reminder } from '@followthrough/shared/contract';
import { onMessage } from '../../utils/messaging';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { remindersItem, settingsItem } from '../../utils/storage';
import { installCallbackRuntime } from '../../utils/test-runtime-shim';
import { reactTestRoot } from '../../components/react-test-root';
import { snoozeUntil, TodayList } from './today-list';

const react = reactTestRoot();
let removeRefresh: (() => void) | null = null;
beforeEach(() => {
  fakeBrowser.reset();
  installCallbackRuntime();
  // The popup asks the background for a fresh list when it opens.
  removeRefresh = onMessage('refreshReminders', () => ({ ok: true, count: 0, error: null }));
});

afterEach(() => {
  removeRefresh?.();
});

const reminder = (over: Partial<Reminder>): Reminder => ({
  id: 'r',
  kind: 'promise-overdue',
  counterpart: 'northwind-logistics.example',
  name: null,
  threadId: '1938c0a7d2b4e53d',
  messageId: null,
  dueAt: '2026-11-12T17:00:00.000Z',
  since: null,
  title: "I'll send the revised rollout plan by Thursday",
  link: 'https://mail.google.com/mail/u/0/#all/1938c0a7d2b4e53d',
  ...over,
});

async function renderPopup() {
  const container = await react.mount(<TodayList />);
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 10));
  });
  return container;
}

describe('popup: today', () => {
  it('groups cached reminders and opens the exact thread of the one clicked', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, serverUrl: 'https://ft.ourco.example', token: 'ft_x' });
    await remindersItem.setValue({
      fetchedAt: '2026-11-16T09:00:00.000Z',
      error: null,
      reminders: [
        reminder({ id: 'p1' }),
        reminder({ id: 'w1', kind: 'awaiting-reply', counterpart: 'marco.rossi@gmail.com', title: 'Waiting since Saturday', link: 'https://outlook.live.com/mail/deeplink/read/AQQkXYZ%3D' }),
        reminder({ id: 's1', kind: 'silence', counterpart: 'fabrikam-foods.example', title: 'No contact for 21 days (cadence 14)' }),
      ],
    });
    const opened: { link: string | null; counterpart: string }[] = [];
    const remove = onMessage('openReminder', ({ data }) => {
      opened.push(data.reminder);
    });
    const el = await renderPopup();
    expect(el.querySelector('[data-testid="ft-today-promises"]')!.textContent).toContain("I'll send the revised rollout plan by Thursday");
    expect(el.querySelector('[data-testid="ft-today-awaiting"]')!.textContent).toContain('Waiting since Saturday');
    expect(el.querySelector('[data-testid="ft-today-silent"]')!.textContent).toContain('No contact for 21 days');
    await act(async () => {
      el.querySelector<HTMLButtonElement>('[data-reminder-id="w1"] [data-testid="ft-popup-open"]')!.click();
      el.querySelector<HTMLButtonElement>('[data-reminder-id="s1"] [data-testid="ft-popup-open"]')!.click();
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
    remove();
    // The thread when the reminder has one; the client's page (by key) when it has none.
    expect(opened).toEqual([
      { link: 'https://outlook.live.com/mail/deeplink/read/AQQkXYZ%3D', counterpart: 'marco.rossi@gmail.com' },
      { link: 'https://mail.google.com/mail/u/0/#all/1938c0a7d2b4e53d', counterpart: 'fabrikam-foods.example' },
    ]);
  });

  it('says which synced mailbox needs reconnecting after its grant was revoked', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, serverUrl: 'https://ft.ourco.example', token: 'ft_x' });
    await remindersItem.setValue({
      fetchedAt: '2026-11-16T09:00:00.000Z',
      error: null,
      reminders: [reminder({ id: 'p1' })],
      reconnectNeeded: [{ email: 'dana@northwind-studio.example', provider: 'google' }],
    });
    const el = await renderPopup();
    const banners = el.querySelectorAll('[data-testid="ft-popup-reconnect"]');
    expect(banners).toHaveLength(1);
    expect(banners[0]!.textContent).toContain('Reconnect Gmail mailbox dana@northwind-studio.example');
    // The day's list is still there beside the warning.
    expect(el.querySelector('[data-testid="ft-today-promises"]')).not.toBeNull();
  });

  it('explains local-only mode when no server is configured, and snoozes for a week', async () => {
    await remindersItem.setValue({ fetchedAt: '2026-11-16T09:00:00.000Z', error: null, reminders: [reminder({ id: 'silence:fabrikam-foods.example', kind: 'silence', link: null })] });
    const snoozed: { reminderId: string; until: string | null }[] = [];
    const remove = onMessage('snoozeReminder', ({ data }) => {
      snoozed.push(data);
      return { queued: false };
    });
    const el = await renderPopup();
    expect(el.querySelector('[data-testid="ft-popup-local-only"]')!.textContent).toContain('Local-only mode: from the threads you opened in this browser');
    await act(async () => {
      el.querySelector<HTMLButtonElement>('[data-testid="ft-snooze-1w"]')!.click();
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
    remove();
    expect(snoozed[0]!.reminderId).toBe('silence:fabrikam-foods.example');
    expect(Date.parse(snoozed[0]!.until!) - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    expect(el.querySelectorAll('[data-testid="ft-popup-item"]')).toHaveLength(0);
  });

  it('shows the risk reminders: the "tell them now" nudge among promises, client risks before waiting mail, each opening its thread', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, serverUrl: 'https://ft.ourco.example', token: 'ft_x' });
    // In the order the server and local memory give them (REMINDER_KIND_ORDER).
    await remindersItem.setValue({
      fetchedAt: '2026-11-19T06:00:00.000Z',
      error: null,
      reminders: [
        reminder({ id: 'promise:overdue', kind: 'promise-overdue', title: 'Overdue promise to Northwind: “I\'ll send the rollout plan by Monday.”' }),
        reminder({ id: 'promise:sow', kind: 'promise-at-risk', counterpart: 'contoso.example', name: 'Contoso', title: 'Tell Contoso now if “I\'ll send you the revised SOW by Thursday.” will slip (due in 10 hours)', link: 'https://mail.google.com/mail/u/0/#all/18c3000000000002' }),
        reminder({ id: 'client-risk:r1@contoso.example', kind: 'client-risk', counterpart: 'contoso.example', name: 'Contoso', title: 'Risk from Contoso, looking at alternatives: “Procurement will run a formal tender for next year.”', link: 'https://mail.google.com/mail/u/0/#all/18c3000000000001' }),
        reminder({ id: 'awaiting-reply:t9', kind: 'awaiting-reply', title: 'fabrikam.example is waiting for our reply: “Invoice”' }),
      ],
    });
    const opened: { link: string | null; counterpart: string }[] = [];
    const snoozed: string[] = [];
    const removeOpen = onMessage('openReminder', ({ data }) => {
      opened.push(data.reminder);
    });
    const removeSnooze = onMessage('snoozeReminder', ({ data }) => {
      snoozed.push(data.reminderId);
      return { queued: true };
    });
    const el = await renderPopup();
    const promises = [...el.querySelectorAll('[data-testid="ft-today-promises"] [data-testid="ft-popup-item"]')].map((li) => li.getAttribute('data-kind'));
    expect(promises).toEqual(['promise-overdue', 'promise-at-risk']);
    expect(el.querySelector('[data-testid="ft-today-promises"]')!.textContent).toContain('Tell Contoso now if “I\'ll send you the revised SOW by Thursday.” will slip');
    const risks = el.querySelector('[data-testid="ft-today-risks"]')!;
    expect(risks.textContent).toContain('Risk from Contoso, looking at alternatives: “Procurement will run a formal tender for next year.”');
    // Groups in the order of their kinds: promises, client risks, then waiting mail.
    const groups = [...el.querySelectorAll('section ul')].map((ul) => ul.getAttribute('data-testid'));
    expect(groups).toEqual(['ft-today-promises', 'ft-today-risks', 'ft-today-awaiting']);
    await act(async () => {
      risks.querySelector<HTMLButtonElement>('[data-testid="ft-popup-open"]')!.click();
      risks.querySelector<HTMLButtonElement>('[data-testid="ft-snooze-1d"]')!.click();
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
    removeOpen();
    removeSnooze();
    expect(opened).toEqual([{ link: 'https://mail.google.com/mail/u/0/#all/18c3000000000001', counterpart: 'contoso.example' }]);
    expect(snoozed).toEqual(['client-risk:r1@contoso.example']);
    expect(el.querySelector('[data-testid="ft-today-risks"]')).toBeNull();
  });

  it('has a place for every reminder kind, in REMINDER_KIND_ORDER', async () => {
    expect([...REMINDER_KIND_ORDER].sort()).toEqual([...REMINDER_KINDS].sort());
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, serverUrl: 'https://ft.ourco.example', token: 'ft_x' });
    await remindersItem.setValue({ fetchedAt: '2026-11-19T06:00:00.000Z', error: null, reminders: REMINDER_KIND_ORDER.map((kind) => reminder({ id: `x:${kind}`, kind })) });
    const el = await renderPopup();
    const shown = [...el.querySelectorAll('[data-testid="ft-popup-item"]')].map((li) => li.getAttribute('data-kind'));
    expect(shown).toHaveLength(REMINDER_KINDS.length);
    // Groups follow the kinds' order: no kind is shown before one ranked above it in another group.
    const rank = (k: string | null) => REMINDER_KIND_ORDER.indexOf(k as (typeof REMINDER_KIND_ORDER)[number]);
    const firstOfGroups = [...el.querySelectorAll('section ul')].map((ul) => rank(ul.querySelector('li')!.getAttribute('data-kind')));
    expect(firstOfGroups).toEqual([...firstOfGroups].sort((a, b) => a - b));
  });

  it('snoozes until a date, from the next morning of it', () => {
    const now = new Date('2026-11-16T09:00:00Z');
    expect(snoozeUntil('1d', now)).toBe('2026-11-17T09:00:00.000Z');
    expect(snoozeUntil('date', now, '2026-11-20')).toBe(new Date(2026, 10, 20, 8, 0).toISOString());
    expect(snoozeUntil('date', now, '2026-11-01')).toBeNull();
  });
});
