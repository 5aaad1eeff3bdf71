/**
 * Sliding-window rate limits on virtual time: a request is allowed when fewer than `limit`
 * requests were allowed in the 60 seconds before it. Refused requests do not count.
 */

/** Which limit a request counts against: scores, reads (GET) or other writes. */
export type Bucket = 'score' | 'read' | 'write';

export const WINDOW_MS = 60_000;

/** How a window stands, for the rate-limit headers. */
export interface RateState {
  limit: number;
  remaining: number;
  /** When the oldest counted request leaves the window (unix ms). */
  resetAt: number;
  /** On refusal: seconds until a request would be allowed. */
  retryAfter?: number;
}

/** One sliding window: a bucket of one mode of one workspace. */
export class RateWindow {
  readonly limit: number;
  #times: number[] = [];
  #head = 0;

  constructor(limit: number) {
    this.limit = limit;
  }

  #prune(now: number): void {
    const times = this.#times;
    while (this.#head < times.length && (times[this.#head] as number) <= now - WINDOW_MS)
      this.#head++;
    if (this.#head > 512 && this.#head * 2 > times.length) {
      this.#times = times.slice(this.#head);
      this.#head = 0;
    }
  }

  #count(): number {
    return this.#times.length - this.#head;
  }

  #state(now: number): RateState {
    const oldest = this.#times[this.#head] ?? now;
    return {
      limit: this.limit,
      remaining: Math.max(0, this.limit - this.#count()),
      resetAt: oldest + WINDOW_MS,
    };
  }

  /** Counts a request at `now` if the window has room; says how it stands either way. */
  hit(now: number): RateState & { allowed: boolean } {
    this.#prune(now);
    if (this.#count() >= this.limit) {
      const state = this.#state(now);
      return {
        ...state,
        allowed: false,
        retryAfter: Math.max(1, Math.ceil((state.resetAt - now) / 1000)),
      };
    }
    this.#times.push(now);
    return { ...this.#state(now), allowed: true };
  }

  /** How the window stands, without counting a request. */
  peek(now: number): RateState {
    this.#prune(now);
    return this.#state(now);
  }
}

/** A window that never refuses (rate limits switched off), still reporting its nominal figures. */
export class UnlimitedWindow extends RateWindow {
  override hit(now: number): RateState & { allowed: boolean } {
    return { limit: this.limit, remaining: this.limit, resetAt: now + WINDOW_MS, allowed: true };
  }

  override peek(now: number): RateState {
    return { limit: this.limit, remaining: this.limit, resetAt: now + WINDOW_MS };
  }
}
