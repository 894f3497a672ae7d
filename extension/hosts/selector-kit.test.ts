import { describe, expect, it } from 'vitest';
import { addressIn, visibleTextOf } from './selector-kit';
import { isDarkBackground } from './host-dom';

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

describe('addressIn', () => {
  it('finds the first address in a label or header line, lower-cased', () => {
    expect(addressIn('From: Tom Becker <Tom.Becker@Fabrikam-Foods.example>')).toBe('tom.becker@fabrikam-foods.example');
    expect(addressIn('Sam Okafor')).toBeNull();
  });
});
