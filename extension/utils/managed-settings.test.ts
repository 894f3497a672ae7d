import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from './settings';
import { seededSettings } from './managed-settings';

describe('settings an administrator set in managed storage', () => {
  it('seed a user who has no server yet, keeping what the user chose', () => {
    const seeded = seededSettings({ ...DEFAULT_SETTINGS, timeZone: 'Europe/Berlin' }, { serverUrl: 'https://ft.example.com', token: 'ft_abc', addresses: ['dana@northwind.example'], timeZone: 'UTC' });
    expect(seeded).toMatchObject({ serverUrl: 'https://ft.example.com', token: 'ft_abc', addresses: ['dana@northwind.example'], timeZone: 'Europe/Berlin' });
  });

  it('never replace a server the user configured; a URL alone seeds a server to sign in to', () => {
    expect(seededSettings({ ...DEFAULT_SETTINGS, serverUrl: 'https://mine.example', token: 't' }, { serverUrl: 'https://ft.example.com', token: 'ft_abc' })).toBeNull();
    expect(seededSettings(DEFAULT_SETTINGS, { serverUrl: 'https://ft.example.com' })).toMatchObject({ serverUrl: 'https://ft.example.com', token: '' });
    expect(seededSettings(DEFAULT_SETTINGS, {})).toBeNull();
  });
});
