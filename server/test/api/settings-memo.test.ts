import { describe, expect, it } from 'vitest';
import { settingsMemoSize, settingsOfUser } from '../../src/store/users';

describe('the parsed-settings memo', () => {
  it('stays within its size budget however many distinct settings it sees (it once kept 492 MB for 12 values)', () => {
    // The largest settings the contract allows: 50 addresses, 200 internal domains of 200 characters.
    const settings = (n: number) =>
      JSON.stringify({
        addresses: Array.from({ length: 50 }, (_, i) => `a${i}-${n}@ours.example`),
        timeZone: 'Europe/Berlin',
        workingHours: { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] },
        internalDomains: Array.from({ length: 200 }, (_, i) => `${'d'.repeat(190)}${i}-${n}.example`),
      });
    for (let n = 0; n < 300; n++) {
      const parsed = settingsOfUser({ email: 'ann@ours.example', settingsJson: settings(n) });
      expect(parsed.settings.internalDomains).toHaveLength(200);
    }
    const size = settingsMemoSize();
    expect(size.chars).toBeLessThanOrEqual(4 * 1024 * 1024);
    expect(size.entries).toBeLessThan(300);
    // The most recent ones are still served from the memo: the same object comes back.
    const last = settings(299);
    expect(settingsOfUser({ email: 'ann@ours.example', settingsJson: last })).toBe(settingsOfUser({ email: 'ann@ours.example', settingsJson: last }));
  });
});
