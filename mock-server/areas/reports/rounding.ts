/**
 * Rounding the report's figures the way the docs say, exactly: a share to 3 decimals and a
 * percentage to 1, halves away from zero. Each is computed from integers, so that a reader who
 * recomputes a figure from the counts gets the same digits.
 */

/** `part / whole` to 3 decimals (0 when `whole` is 0). */
export function share(part: number, whole: number): number {
  if (whole === 0) return 0;
  return Math.round((part * 1_000) / whole) / 1_000;
}

/** `(current - prior) / prior x 100` to 1 decimal, halves away from zero; null when prior is 0. */
export function percentChange(current: number, prior: number): number | null {
  if (prior === 0) return null;
  const tenths = ((current - prior) * 1_000) / prior;
  return (Math.sign(tenths) * Math.round(Math.abs(tenths))) / 10;
}
