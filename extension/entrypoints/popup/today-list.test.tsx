import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { fakeBrowser } from 'wxt/testing';
import type { Reminder } from '@followthrough/shared/contract';
import { onMessage } from '../../utils/messaging';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { remindersItem, settingsItem } from '../../utils/storage';
import { installCallbackRuntime } from '../../utils/test-runtime-shim';
import { TodayList } from './today-list';

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});
beforeEach(() => {
  fakeBrowser.reset();
  installCallbackRuntime();
});

let root: Root | null = null;
let container: HTMLElement | null = null;
afterEach(() => {
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
    const opened: string[] = [];
    const remove = onMessage('openThread', ({ data }) => {
      opened.push(data.link);
    });
    const el = await renderPopup();
    expect(el.querySelector('[data-testid="ft-today-promises"]')!.textContent).toContain('northwind-logistics.example');
    expect(el.querySelector('[data-testid="ft-today-awaiting"]')!.textContent).toContain('Waiting since Saturday');
    expect(el.querySelector('[data-testid="ft-today-silent"]')!.textContent).toContain('No contact for 21 days');
    await act(async () => {
      el.querySelector<HTMLButtonElement>('[data-reminder-id="w1"] button')!.click();
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
    remove();
    expect(opened).toEqual(['https://outlook.live.com/mail/deeplink/read/AQQkXYZ%3D']);
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

  it('explains local-only mode when no server is configured', async () => {
    const el = await renderPopup();
    expect(el.querySelector('[data-testid="ft-popup-local-only"]')!.textContent).toContain('Local-only mode');
    expect(el.querySelectorAll('[data-testid="ft-popup-item"]')).toHaveLength(0);
  });
});
