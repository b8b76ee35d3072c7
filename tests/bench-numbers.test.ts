/** How the bench prints its numbers: a verdict must read the same as the figure beside it. */
import { describe, expect, it } from 'vitest';
import { median, ms, pct } from '../bench/lib/numbers.js';

describe('bench numbers', () => {
  it('prints a ratio as a signed change with one digit', () => {
    expect(pct(1.059)).toBe('+5.9%');
    expect(pct(0.981)).toBe('-1.9%');
    expect(pct(Number.NaN)).toBe('NaN%');
  });

  it('prints a change that rounds to nothing with a plus sign', () => {
    expect(pct(0.99996)).toBe('+0.0%');
    expect(pct(0.999996, 2)).toBe('+0.00%');
  });

  it('prints a second digit when asked, so +5.04% is not +5.0%', () => {
    expect(pct(1.0504353)).toBe('+5.0%');
    expect(pct(1.0504353, 2)).toBe('+5.04%');
    expect(pct(1.0496, 2)).toBe('+4.96%');
  });

  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('prints milliseconds with a decimal below 100', () => {
    expect(ms(23.4231)).toBe('23.4 ms');
    expect(ms(1376.4)).toBe('1376 ms');
  });
});
