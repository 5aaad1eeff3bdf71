/**
 * IDs in the API's form: a prefix (`scr_`, `job_`, `wl_`, ...) and 16 upper-case Crockford base32
 * characters, ULID-like: 10 for the virtual time in milliseconds, 6 from the seeded generator. A
 * mock with the same seed, driven the same way, hands out the same IDs in every run.
 */
import type { Clock } from './clock.ts';
import { hash32, Random } from './random.ts';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** The characters of keys and secrets. */
export const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function encodeTime(ms: number): string {
  let out = '';
  let rest = Math.max(0, Math.floor(ms));
  for (let i = 0; i < 10; i++) {
    out = CROCKFORD[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

/** The prefix of an ID, before the underscore: `scr`, `job`, `req`, ... (2 to 4 lower-case letters). */
export type IdPrefix = string;

/** The ID generator of one mock. */
/** One stream of IDs: random within a millisecond's first ID, then counting up (ULID's monotonic order). */
class IdStream {
  readonly #random: Random;
  #time = -1;
  #counter = 0;

  constructor(random: Random) {
    this.#random = random;
  }

  /** The 6 characters after the time: never the same twice within one millisecond. */
  next(time: number): string {
    if (time !== this.#time) {
      this.#time = time;
      // Start low enough in the 30-bit space that a millisecond can hand out a billion more.
      this.#counter = this.#random.uint32() % 2 ** 29;
    } else {
      this.#counter++;
      if (this.#counter >= 2 ** 30) {
        throw new Error('more IDs in one millisecond of mock time than the ID format can hold');
      }
    }
    let out = '';
    let rest = this.#counter;
    for (let i = 0; i < 6; i++) {
      out = CROCKFORD[rest % 32] + out;
      rest = Math.floor(rest / 32);
    }
    return out;
  }
}

export class Ids {
  readonly #clock: Clock;
  readonly #objects: IdStream;
  // Request ids come from their own stream so that adding a request (say, a poll) to a test does
  // not change the ids of the objects created after it.
  readonly #requests: IdStream;

  constructor(seed: string, clock: Clock) {
    this.#clock = clock;
    this.#objects = new IdStream(new Random(`${seed}:ids`));
    this.#requests = new IdStream(new Random(`${seed}:requests`));
  }

  /**
   * A new ID with the given prefix, e.g. `scr_01HZ9X3F7QMHN4TA`. IDs are unique within a mock:
   * several made in the same millisecond of mock time (a frozen clock) count up.
   */
  next(prefix: IdPrefix): string {
    const stream = prefix === 'req' ? this.#requests : this.#objects;
    const now = Math.floor(this.#clock.now());
    return `${prefix}_${encodeTime(now)}${stream.next(now)}`;
  }
}
/** An ID that depends only on `key`: the same person gets the same `prs_` ID in every process. */
export function stableId(prefix: string, key: string): string {
  let out = '';
  for (let salt = 0; out.length < 16; salt++) {
    let h = hash32(key, salt);
    for (let i = 0; i < 4; i++) {
      out += CROCKFORD[h & 31];
      h >>>= 5;
    }
  }
  return `${prefix}_${out}`;
}
