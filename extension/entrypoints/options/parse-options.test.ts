import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { parseOptionsForm, type OptionsFormValues } from './parse-options';

const form: OptionsFormValues = {
  serverUrl: 'https://followthrough.ourco.example/',
  token: ' ft_9f8e7d6c ',
  addresses: 'Alex.Morgan@ourco.example\nalex@ourco-consulting.example',
  timeZone: 'Europe/London',
  start: '08:30',
  end: '17:30',
  days: [5, 1, 2, 3, 4],
  defaultCadenceDays: '14',
  notifications: false,
};

describe('options form', () => {
  it('normalizes what the user typed into settings', () => {
    const result = parseOptionsForm(form, DEFAULT_SETTINGS);
    expect(result).toEqual({
      ok: true,
      settings: {
        ...DEFAULT_SETTINGS,
        serverUrl: 'https://followthrough.ourco.example',
        token: 'ft_9f8e7d6c',
        addresses: ['alex.morgan@ourco.example', 'alex@ourco-consulting.example'],
        timeZone: 'Europe/London',
        workingHours: { start: '08:30', end: '17:30', days: [1, 2, 3, 4, 5] },
        defaultCadenceDays: 14,
        notifications: false,
      },
    });
  });

  it('allows local-only mode: no server, no token', () => {
    const result = parseOptionsForm({ ...form, serverUrl: '', token: '' }, DEFAULT_SETTINGS);
    expect(result.ok && result.settings.serverUrl).toBe('');
  });

  it('names each bad field', () => {
    const result = parseOptionsForm(
      { ...form, serverUrl: 'ftp://x.example', addresses: 'alex at ourco', timeZone: 'Mars/Olympus', start: '18:00', end: '09:00', days: [], defaultCadenceDays: '0' },
      DEFAULT_SETTINGS,
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        'Server URL "ftp://x.example" must start with https:// (or http:// for a local server)',
        'Own addresses: "alex" is not an e-mail address',
        'Own addresses: "at" is not an e-mail address',
        'Own addresses: "ourco" is not an e-mail address',
        'Time zone: "Mars/Olympus" is not an IANA zone name (e.g. Europe/Berlin)',
        'Working day end must be after its start',
        'Working days: choose at least one day',
        'Default cadence: "0" must be a whole number of days from 1 to 365',
      ],
    });
  });

  it('takes a server without a token (the user signs in to it), and a percentage for the initiation target', () => {
    expect(parseOptionsForm({ ...form, token: '  ' }, DEFAULT_SETTINGS)).toMatchObject({ ok: true, settings: { serverUrl: 'https://followthrough.ourco.example', token: '' } });
    expect(parseOptionsForm({ ...form, initiationTargetPercent: '65%' }, DEFAULT_SETTINGS)).toMatchObject({ ok: true, settings: { initiationTargetPercent: 65 } });
    expect(parseOptionsForm({ ...form, initiationTargetPercent: '0' }, DEFAULT_SETTINGS)).toEqual({ ok: false, errors: ['Initiation target: "0" must be a whole percentage from 1 to 100'] });
  });
});
