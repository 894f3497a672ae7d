import { describe, expect, it } from 'vitest';
import { measureSilence } from './silence';

describe('measureSilence', () => {
  it('takes the latest e-mail or touchpoint as last contact, in days to one decimal', () => {
    const silence = measureSilence({
      emailContacts: ['2026-11-02T09:00:00Z', null, '2026-11-04T10:00:00Z'],
      touchpoints: [{ at: '2026-11-10T15:00:00+01:00' }],
      cadenceDays: 14,
      now: '2026-11-20T12:00:00Z',
    });
    expect(silence).toEqual({ lastContactAt: '2026-11-10T14:00:00.000Z', daysSinceContact: 9.9, cadenceDays: 14, daysOverCadence: 0 });
  });

  it('says how far past the cadence we are', () => {
    const silence = measureSilence({ emailContacts: ['2026-11-01T12:00:00Z'], touchpoints: [], cadenceDays: 7, now: '2026-11-20T12:00:00Z' });
    expect(silence.daysSinceContact).toBe(19);
    expect(silence.daysOverCadence).toBe(12);
  });

  it('ignores contact after `now` and reports no contact as null', () => {
    expect(measureSilence({ emailContacts: ['2026-12-01T00:00:00Z'], touchpoints: [], cadenceDays: null, now: '2026-11-20T12:00:00Z' })).toEqual({
      lastContactAt: null,
      daysSinceContact: null,
      cadenceDays: null,
      daysOverCadence: null,
    });
  });
});
