/**
 * Whether `now` is less than `ms` from `since`, either way: what a long-lived process keeps for a
 * while (a summary, a resolution, a listing) is looked at again once the clock has moved that far,
 * and a clock set back (an NTP step, a virtual machine resumed) counts as moved, or what was kept
 * would be trusted until the clock caught up again.
 */
export function isWithin(now: number, since: number, ms: number): boolean {
  return Math.abs(now - since) < ms;
}
