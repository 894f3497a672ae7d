import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { fakeBrowser } from 'wxt/testing';
import type { Reminder } from '@followthrough/shared/contract';
import { onMessage } from '../../utils/messaging';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { remindersItem, settingsItem } from '../../utils/storage';
import { installCallbackRuntime } from '../../utils/test-runtime-shim';
import { snoozeUntil, TodayList } from './today-list';

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});
let removeRefresh: (() => void) | null = null;
beforeEach(() => {
  fakeBrowser.reset();
  installCallbackRuntime();
  // The popup asks the background for a fresh list when it opens.
  removeRefresh = onMessage('refreshReminders', () => ({ ok: true, count: 0, error: null }));
});

let root: Root | null = null;
let container: HTMLElement | null = null;
afterEach(() => {
  removeRefresh?.();
  act(() => root?.unmount());
  container?.remove();
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
  container = document.createElement('div');
  document.body.appendChild(container);
  root = createRoot(container);
  await act(async () => root!.render(<TodayList />));
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

  it('snoozes until a date, from the next morning of it', () => {
    const now = new Date('2026-11-16T09:00:00Z');
    expect(snoozeUntil('1d', now)).toBe('2026-11-17T09:00:00.000Z');
    expect(snoozeUntil('date', now, '2026-11-20')).toBe(new Date(2026, 10, 20, 8, 0).toISOString());
    expect(snoozeUntil('date', now, '2026-11-01')).toBeNull();
  });
});
