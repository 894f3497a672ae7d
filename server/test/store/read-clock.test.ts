import { analysisSettingsSchema, awaitingThresholds } from '@followthrough/shared';
import { describe, expect, it } from 'vitest';
import { readClock } from '../../src/store/read/counterpart-reads';

// Every read takes its instants from readClock, which keeps the last clock made per settings object for the
// second it was made for. What must hold: the same answer as making it afresh, rounded up to the second, and
// never another second's or another user's settings' clock.

const berlin = analysisSettingsSchema.parse({ me: ['alice@acme.example'], timeZone: 'Europe/Berlin' });
const tokyo = analysisSettingsSchema.parse({ me: ['kenji@acme.example'], timeZone: 'Asia/Tokyo', workingHours: { start: '10:00', end: '19:00', days: [1, 2, 3, 4, 5] } });

const fresh = (iso: string, settings: typeof berlin) => {
  const thresholds = awaitingThresholds(iso, settings);
  const asIso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());
  return {
    now: iso,
    thresholds,
    overTargetUpTo: asIso(thresholds.overTargetUpTo),
    saturatedUpTo: asIso(thresholds.saturatedUpTo),
    riskSince: new Date(Date.parse(iso) - 180 * 86_400_000).toISOString(),
  };
};

describe('readClock', () => {
  it('takes now up to the next whole second, and gives what making the clock afresh gives', () => {
    expect(readClock(new Date('2026-11-23T10:00:05.300Z'), berlin)).toEqual(fresh('2026-11-23T10:00:06.000Z', berlin));
    expect(readClock(new Date('2026-11-23T10:00:06.000Z'), berlin)).toEqual(fresh('2026-11-23T10:00:06.000Z', berlin));
  });

  it("never hands out another second's clock, or the clock of other settings", () => {
    const first = readClock(new Date('2026-11-24T08:59:59.400Z'), berlin);
    expect(readClock(new Date('2026-11-24T08:59:59.900Z'), berlin)).toBe(first);
    // Same second, other settings: their own working hours and zone.
    const other = readClock(new Date('2026-11-24T08:59:59.900Z'), tokyo);
    expect(other).toEqual(fresh('2026-11-24T09:00:00.000Z', tokyo));
    expect(other.thresholds).not.toEqual(first.thresholds);
    // The next second, and back to the first settings: made afresh, not the one kept before.
    const next = readClock(new Date('2026-11-24T09:00:00.200Z'), berlin);
    expect(next.now).toBe('2026-11-24T09:00:01.000Z');
    expect(next).toEqual(fresh('2026-11-24T09:00:01.000Z', berlin));
    expect(readClock(new Date('2026-11-24T08:59:59.900Z'), berlin)).toEqual(first);
  });
});
