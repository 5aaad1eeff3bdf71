import { DEFAULT_TOLERANCE_SECONDS } from './constants.ts';

// Unix seconds reach 1e11 in the year 5138; milliseconds passed it in 1973. A number on the wrong
// side of it is a unit mistake, and silently accepting it would fail every delivery.
const SECONDS_MILLISECONDS_BOUNDARY = 1e11;

/**
 * The signing secrets to use, from `secret` or `secrets`. Mistakes here are programming errors
 * (typically an unset environment variable), so they throw `TypeError`, never a verification error
 * a receiver would answer 400 to. Messages never include a secret.
 */
export function secretList(secret: unknown, secrets: unknown): string[] {
  if (secret !== undefined && secrets !== undefined) {
    throw new TypeError('Pass either secret or secrets, not both.');
  }
  const list = secrets ?? secret;
  const given = Array.isArray(list) ? list : [list];
  if (given.length === 0) {
    throw new TypeError('secrets is empty: pass at least one webhook signing secret.');
  }
  for (const item of given) {
    if (typeof item !== 'string' || item === '') {
      throw new TypeError(
        `The webhook signing secret is ${describeSecret(item)}. Pass the secret shown when the webhook endpoint was created (whsec_…), e.g. from an environment variable; check that the variable is set.`,
      );
    }
  }
  return given as string[];
}

function describeSecret(value: unknown): string {
  if (value === '') return 'an empty string';
  return value === undefined || value === null ? 'missing' : `a ${typeof value}, not a string`;
}

/** `tolerance` in seconds: a positive number, or `Infinity` to accept any age (replaying stored events). */
export function toleranceSeconds(tolerance: unknown): number {
  if (tolerance === undefined) return DEFAULT_TOLERANCE_SECONDS;
  if (typeof tolerance !== 'number' || Number.isNaN(tolerance) || tolerance <= 0) {
    throw new TypeError(
      `tolerance must be a positive number of seconds (default ${DEFAULT_TOLERANCE_SECONDS}), or Infinity to accept deliveries of any age.`,
    );
  }
  return tolerance;
}

/**
 * The receiver's clock in whole unix seconds, from `now` (a `Date` or epoch milliseconds) or the
 * system clock. `name` is the option's name, for messages.
 */
export function nowSeconds(now: unknown, name = 'now'): number {
  if (now === undefined) return Math.floor(Date.now() / 1000);
  const milliseconds = now instanceof Date ? now.getTime() : now;
  if (typeof milliseconds !== 'number' || !Number.isFinite(milliseconds)) {
    throw new TypeError(
      `${name} must be a valid Date or a number of milliseconds since the epoch.`,
    );
  }
  if (Math.abs(milliseconds) < SECONDS_MILLISECONDS_BOUNDARY) {
    throw new TypeError(
      `${name} is in milliseconds since the epoch (what Date.now() returns); this value looks like seconds. Multiply it by 1000 or pass a Date.`,
    );
  }
  return Math.floor(milliseconds / 1000);
}

/** A signing time in whole unix seconds, from `timestamp` (a `Date` or unix seconds) or the system clock. */
export function signingSeconds(timestamp: unknown): number {
  if (timestamp === undefined) return Math.floor(Date.now() / 1000);
  if (timestamp instanceof Date) {
    const milliseconds = timestamp.getTime();
    if (Number.isNaN(milliseconds) || milliseconds < 0) {
      throw new TypeError('timestamp must be a valid Date after 1970.');
    }
    return Math.floor(milliseconds / 1000);
  }
  if (typeof timestamp !== 'number' || !Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw new TypeError(
      'timestamp must be a whole, non-negative number of unix seconds, or a Date.',
    );
  }
  if (timestamp >= SECONDS_MILLISECONDS_BOUNDARY) {
    throw new TypeError(
      'timestamp is in unix seconds, as the header carries it; this value looks like milliseconds. Divide it by 1000 or pass a Date.',
    );
  }
  return timestamp;
}
