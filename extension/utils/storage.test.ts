import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS } from './settings';
import { localStateItem, offlineQueueItem, settingsItem } from './storage';

beforeEach(() => fakeBrowser.reset());

describe('stored items', () => {
  it('starts in local-only mode with working-day defaults', async () => {
    const settings = await settingsItem.getValue();
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(settings.serverUrl).toBe('');
    expect(settings.workingHours).toEqual({ start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] });
  });

  it('stores settings under the key the README documents (e2e tests write it directly)', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, serverUrl: 'https://ft.ourco.example', token: 'ft_abc' });
    const raw = await fakeBrowser.storage.local.get('settings');
    expect(raw.settings).toMatchObject({ serverUrl: 'https://ft.ourco.example', token: 'ft_abc' });
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, addresses: ['alex.morgan@ourco.example'] } });
    expect((await settingsItem.getValue()).addresses).toEqual(['alex.morgan@ourco.example']);
  });

  it('keeps the offline queue across a reload of the item (a browser restart)', async () => {
    const entry = {
      key: 'touchpoint:3f0c6a4e-2b1d-4c8e-9f7a-5d6e7f8a9b0c',
      write: {
        kind: 'touchpoint' as const,
        touchpoint: { id: '3f0c6a4e-2b1d-4c8e-9f7a-5d6e7f8a9b0c', counterpart: 'northwind-logistics.example', kind: 'call' as const, at: '2026-11-16T10:30:00.000Z' },
      },
      enqueuedAt: '2026-11-16T10:30:00.000Z',
      attempts: 2,
      nextAttemptAt: '2026-11-16T10:31:00.000Z',
      lastError: 'Server not reachable',
    };
    await offlineQueueItem.setValue({ entries: [entry], failed: [] });
    const raw = await fakeBrowser.storage.local.get('offlineQueue');
    expect(raw.offlineQueue).toEqual({ entries: [entry], failed: [] });
    expect(await offlineQueueItem.getValue()).toEqual({ entries: [entry], failed: [] });
  });

  it('tells watchers (the open sidebars) when a verdict is stored', async () => {
    const seen: string[] = [];
    const unwatch = localStateItem.watch((next) => seen.push(Object.keys(next.verdicts).join(',')));
    await localStateItem.setValue({ verdicts: { p1a2b3: { status: 'done', updatedAt: '2026-11-16T10:30:00.000Z' } }, touchpoints: [] });
    await new Promise((resolve) => setTimeout(resolve, 0));
    unwatch();
    expect(seen).toEqual(['p1a2b3']);
  });
});
