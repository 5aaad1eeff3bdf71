/**
 * Virtual time. Everything in the mock that depends on time (caches, deltas, idempotency windows,
 * rate-limit windows, bulk jobs, watchlist refreshes) reads this clock, never `Date.now()`, so that
 * a test can move a week forward in a microsecond.
 *
 * A frozen clock (the default for tests) stands still until it is advanced. A real-time clock (the
 * `iiq mock` server) follows the wall clock from its start, plus whatever it was advanced by.
 */
import { ControlError, ControlRangeError } from './errors.ts';

/** One day in milliseconds. */
export const DAY_MS = 86_400_000;

/** The first 00:00 UTC strictly after `t` (unix ms): when the daily refreshes run. */
export function nextMidnight(t: number): number {
  return (Math.floor(t / DAY_MS) + 1) * DAY_MS;
}

/** A duration: milliseconds, or a string of one or more `<number><unit>` parts with units s, m, h, d (`'7d'`, `'1h30m'`). */
export type Duration = number | string;

const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** The longest duration the mock takes: 100 years (36,525 days), in milliseconds. */
export const MAX_DURATION_MS = 36_525 * DAY_MS;
/** The latest instant the mock's clock can show: 9999-12-31T23:59:59Z (ISO 8601 has 4-digit years). */
export const LATEST_INSTANT = Date.UTC(9999, 11, 31, 23, 59, 59);
const MAX_DURATION_TEXT = 64;

function checkDuration(ms: number, shown: string): number {
  if (ms > MAX_DURATION_MS) {
    throw new ControlRangeError(
      `${shown} is longer than the longest duration the mock takes, 100 years ("36525d", ${MAX_DURATION_MS} ms)`,
    );
  }
  return ms;
}

/**
 * Parses a duration into milliseconds.
 *
 * @example
 * parseDuration('7d')    // 604800000
 * parseDuration('1h30m') // 5400000
 * parseDuration(250)     // 250
 */
export function parseDuration(duration: Duration): number {
  if (typeof duration === 'number') {
    if (!Number.isFinite(duration) || duration < 0) {
      throw new ControlError(
        `a duration must be a finite number of milliseconds >= 0, got ${duration}`,
      );
    }
    return checkDuration(duration, `${duration} ms`);
  }
  const text = String(duration).trim();
  if (text.length > MAX_DURATION_TEXT) {
    throw new ControlError(
      `a duration is at most ${MAX_DURATION_TEXT} characters, such as "7d" or "1h30m"`,
    );
  }
  const parts = /^(?:\d+(?:\.\d+)?[smhd])+$/.test(text) ? text.match(/\d+(?:\.\d+)?[smhd]/g) : null;
  if (!parts) {
    throw new ControlError(
      `"${text}" is not a duration: use a number of milliseconds or units s, m, h, d such as "90m", "7d" or "1h30m"`,
    );
  }
  let total = 0;
  for (const part of parts) {
    total += Number(part.slice(0, -1)) * (UNIT_MS[part.slice(-1)] ?? 0);
  }
  return checkDuration(Math.round(total), `"${text}"`);
}

/**
 * The date strings the clock takes: ISO 8601, a date (`2026-05-28`, midnight UTC) or a date and
 * time with `Z` or an offset, never a local time. `Date.parse` alone also takes looser forms
 * (`"-5"` is a date in 2001), which would start a mock somewhere nobody meant.
 */
const ISO_8601 =
  /^(?:[+-]\d{6}|\d{4})-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/i;

/**
 * Parses a point in time: a `Date`, unix milliseconds or an ISO 8601 string, from 1970 to the end
 * of 9999.
 */
export function parseInstant(value: Date | number | string): number {
  if (typeof value === 'string' && value.length > MAX_DURATION_TEXT) {
    throw new ControlError(`a date is at most ${MAX_DURATION_TEXT} characters of ISO 8601`);
  }
  if (typeof value === 'string' && !ISO_8601.test(value)) {
    throw new ControlError(
      `"${value}" is not a valid date: write ISO 8601, such as 2026-05-28T14:02:11Z (a time needs Z or an offset)`,
    );
  }
  const ms =
    value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) throw new ControlError(`"${String(value)}" is not a valid date`);
  if (ms < 0 || ms > LATEST_INSTANT) {
    throw new ControlRangeError(
      `the mock's clock runs from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z; ${String(value)} is outside it`,
    );
  }
  return ms;
}

const isoCache = new Map<number, string>();

/** ISO 8601 in UTC to the second, the way the API writes timestamps: `2026-05-28T14:02:11Z`. */
export function isoSeconds(ms: number): string {
  const second = Math.floor(ms / 1000);
  let iso = isoCache.get(second);
  if (iso === undefined) {
    iso = new Date(second * 1000).toISOString().replace('.000Z', 'Z');
    if (isoCache.size >= 4096) isoCache.clear(); // formatting is pure: the cache only saves time
    isoCache.set(second, iso);
  }
  return iso;
}

/** `YYYY-MM-DD` in UTC. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The mock's virtual clock. Only the scheduler moves it forward (see `Engine.advance`). */
export class Clock {
  #offset = 0;
  #start: number;
  readonly #realtime: boolean;
  readonly #wallClock: () => number;

  constructor(start: number, options: { realtime?: boolean; wallClock?: () => number } = {}) {
    this.#start = start;
    this.#realtime = options.realtime ?? false;
    this.#wallClock = options.wallClock ?? Date.now;
    this.#origin = this.#wallClock();
  }

  #origin: number;

  /** The current virtual time in unix milliseconds. */
  now(): number {
    const elapsed = this.#realtime ? this.#wallClock() - this.#origin : 0;
    return this.#start + this.#offset + elapsed;
  }

  /** Moves the clock to `ms` without running anything (the scheduler does that). */
  moveTo(ms: number): void {
    this.#offset += ms - this.now();
  }

  /** Puts the clock back to where it started. */
  restart(start: number): void {
    this.#start = start;
    this.#offset = 0;
    this.#origin = this.#wallClock();
  }
}
