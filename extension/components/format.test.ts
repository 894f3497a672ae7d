import { describe, expect, it } from 'vitest';
import { formatWholeDays } from './format';

describe('formatWholeDays', () => {
  it('counts whole days the way people say them', () => {
    expect(formatWholeDays(12.2)).toBe('12 days');
    expect(formatWholeDays(1.9)).toBe('1 day');
    expect(formatWholeDays(0.4)).toBe('today');
    expect(formatWholeDays(0)).toBe('today');
  });
});
