/**
 * Every store of the mock is bounded: either it refuses past a cap (a `400` that names the limit)
 * or it forgets its oldest entries first. These are the helpers for the second kind; the caps
 * themselves live with their stores and are listed in docs/mock-server.md ("Limits").
 */

/** Forgets the oldest entries of a map (insertion order) until it holds at most `max`. */
export function keepNewest<K, V>(map: Map<K, V>, max: number, forget?: (value: V) => void): void {
  if (map.size <= max) return;
  for (const [key, value] of map) {
    map.delete(key);
    forget?.(value);
    if (map.size <= max) return;
  }
}

/**
 * Forgets the oldest entries that may be forgotten (insertion order) until at most `max` of them
 * remain; the others (a job still running) are always kept and do not count.
 */
export function keepNewestForgettable<K, V>(
  map: Map<K, V>,
  max: number,
  forgettable: (value: V) => boolean,
): void {
  let count = 0;
  for (const value of map.values()) if (forgettable(value)) count++;
  for (const [key, value] of map) {
    if (count <= max) return;
    if (!forgettable(value)) continue;
    map.delete(key);
    count--;
  }
}

/** Forgets the oldest values of a set (insertion order) until it holds at most `max`. */
export function keepNewestValues<T>(set: Set<T>, max: number): void {
  if (set.size <= max) return;
  for (const value of set) {
    set.delete(value);
    if (set.size <= max) return;
  }
}
