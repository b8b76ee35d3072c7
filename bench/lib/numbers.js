// Small helpers the bench scripts share: medians, and how numbers print.

/** @param {number[]} values */
export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const at = (/** @type {number} */ i) => sorted[i] ?? NaN;
  return sorted.length % 2 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
};

/** @param {number[]} values */
export const sum = (values) => values.reduce((a, b) => a + b, 0);

/**
 * A ratio as a change: 1.059 → `+5.9%` (`+5.90%` with two digits); a change that rounds to nothing
 * is `+0.0%`, not `-0.0%`.
 */
export const pct = (/** @type {number} */ ratio, digits = 1) => {
  if (Number.isNaN(ratio)) return 'NaN%';
  const change = Number(((ratio - 1) * 100).toFixed(digits)) || 0; // -0 becomes 0, so it takes the plus sign
  return `${change >= 0 ? '+' : ''}${change.toFixed(digits)}%`;
};

/** Milliseconds, with a decimal below 100. */
export const ms = (/** @type {number} */ value) => `${value < 100 ? value.toFixed(1) : Math.round(value)} ms`;
