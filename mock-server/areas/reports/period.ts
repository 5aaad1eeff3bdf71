/**
 * Quarters of the calendar in UTC, written `YYYY-QN`: 2026-Q2 runs from 2026-04-01T00:00:00Z
 * (included) to 2026-07-01T00:00:00Z (excluded). A report covers one, and compares it with the
 * quarter before.
 */
import { isoSeconds } from '../../kernel/clock.ts';
import { invalidRequest } from '../../kernel/errors.ts';

export interface Quarter {
  /** `2026-Q2`. */
  readonly name: string;
  readonly year: number;
  /** 1 to 4. */
  readonly quarter: number;
  /** The first instant, unix ms (included). */
  readonly start: number;
  /** The first instant of the next quarter, unix ms (excluded). */
  readonly end: number;
}

/** The first quarter a report can cover: the mock's clock starts in 1970. */
export const FIRST_YEAR = 1970;

/** The quarter `quarter` (1 to 4) of `year`. */
export function quarterOf(year: number, quarter: number): Quarter {
  const start = Date.UTC(year, (quarter - 1) * 3, 1);
  const end = Date.UTC(year, quarter * 3, 1);
  return { name: `${year}-Q${quarter}`, year, quarter, start, end };
}

/** The quarter an instant falls in. */
export function quarterAt(ms: number): Quarter {
  const date = new Date(ms);
  return quarterOf(date.getUTCFullYear(), Math.floor(date.getUTCMonth() / 3) + 1);
}

/** The quarter a name `YYYY-QN` stands for (the name already checked). */
export function quarterNamed(name: string): Quarter {
  const [year, quarter] = name.split('-Q').map(Number) as [number, number];
  return quarterOf(year, quarter);
}

/** The quarter before. */
export function priorQuarter(quarter: Quarter): Quarter {
  return quarter.quarter === 1
    ? quarterOf(quarter.year - 1, 4)
    : quarterOf(quarter.year, quarter.quarter - 1);
}

/**
 * The quarter a report is asked for (already `YYYY-QN`, checked by the schema), or the current
 * one; a quarter before 1970 or not yet begun is a `400` on `period`.
 */
export function resolvePeriod(period: string | undefined, now: number): Quarter {
  if (period === undefined) return quarterAt(now);
  const asked = quarterNamed(period);
  if (asked.year < FIRST_YEAR) {
    throw invalidRequest('period', `period must be ${FIRST_YEAR}-Q1 or later.`);
  }
  if (asked.start > now) {
    throw invalidRequest(
      'period',
      `period ${asked.name} has not begun: the API's clock reads ${isoSeconds(now)}, in ${quarterAt(now).name}.`,
    );
  }
  return asked;
}
