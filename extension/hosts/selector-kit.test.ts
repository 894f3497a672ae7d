import { describe, expect, it } from 'vitest';
import { censoredStructure, parseHostTimestamp, visibleTextOf } from './selector-kit';
import { isDarkBackground } from './host-dom';

// vitest.config.ts runs tests in UTC: host timestamps are local wall-clock times.
describe('parseHostTimestamp', () => {
  it('reads the absolute times Gmail and Outlook put in titles', () => {
    expect(parseHostTimestamp('Mon, Nov 2, 2026, 10:04 AM')).toBe('2026-11-02T10:04:00.000Z');
    // Newer Chromium ICU puts a narrow no-break space before AM/PM.
    expect(parseHostTimestamp('Thu, Nov 12, 2026, 4:55\u202fPM')).toBe('2026-11-12T16:55:00.000Z');
    expect(parseHostTimestamp('12 Nov 2026, 16:55')).toBe('2026-11-12T16:55:00.000Z');
    expect(parseHostTimestamp('Mon 11/16/2026 2:20 PM')).toBe('2026-11-16T14:20:00.000Z');
    expect(parseHostTimestamp('Sun, Mar 29, 2026, 12:30 AM')).toBe('2026-03-29T00:30:00.000Z');
    expect(parseHostTimestamp('2026-11-12T16:55:00+01:00')).toBe('2026-11-12T15:55:00.000Z');
  });

  it('returns null for relative or partial times instead of guessing', () => {
    expect(parseHostTimestamp('Nov 12')).toBeNull();
    expect(parseHostTimestamp('3 hours ago')).toBeNull();
    expect(parseHostTimestamp('')).toBeNull();
    expect(parseHostTimestamp(null)).toBeNull();
  });
});

describe('censoredStructure', () => {
  it('keeps tag structure only: no text, no attribute values', () => {
    const div = document.createElement('div');
    div.innerHTML = '<h2 class="hP" data-legacy-thread-id="1938c0a7">Renewal for dana.lee@northwind-logistics.example</h2><p>Secret terms</p>';
    const structure = censoredStructure(div);
    expect(structure).toBe('<div><h2/><p/></div>');
    expect(structure).not.toMatch(/dana|Secret|1938|hP/);
  });
});

describe('visibleTextOf', () => {
  it('skips hidden and quoted parts and keeps paragraphs as lines', () => {
    const div = document.createElement('div');
    div.innerHTML = '<div>Hi Dana,</div><div><br></div><div>Plan   attached.</div><div aria-hidden="true">tracking</div><div class="gmail_quote">On Tue wrote: old</div><script>x()</script>';
    expect(visibleTextOf(div, '.gmail_quote')).toBe('Hi Dana,\n\nPlan attached.');
  });
});

describe('isDarkBackground', () => {
  it('tells a dark host theme from a light one by the effective background', () => {
    const dark = document.createElement('div');
    dark.style.backgroundColor = 'rgb(32, 33, 36)';
    const inner = document.createElement('span');
    dark.appendChild(inner);
    const light = document.createElement('div');
    light.style.backgroundColor = 'rgb(255, 255, 255)';
    document.body.append(dark, light);
    expect(isDarkBackground(inner)).toBe(true);
    expect(isDarkBackground(light)).toBe(false);
    dark.remove();
    light.remove();
  });
});
