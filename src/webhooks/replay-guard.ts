/**
 * Remembers the events a receiver has handled, by event ID, so that it handles each once. Delivery
 * is at least once: the same event arrives again when your answer was lost, late or not `2xx`
 * (with `delivery_attempt` 2 to 9), and a captured delivery can be replayed while its timestamp
 * is within the tolerance. Both carry the event ID that was signed, so one check covers both.
 */

/** Where a {@link ReplayGuard} keeps the IDs it has seen: in memory by default, or Redis, a database… */
export interface ReplayStore {
  /**
   * Records `key` for `ttlSeconds` unless it is already recorded, atomically; resolves `true` when
   * it was not (the first sighting), `false` when it was. Redis: `SET key 1 NX EX ttlSeconds`.
   */
  add(key: string, ttlSeconds: number): boolean | Promise<boolean>;
  /** Forgets `key`. Redis: `DEL key`. */
  delete(key: string): void | Promise<void>;
}

/** Options for {@link createReplayGuard}. */
export interface ReplayGuardOptions {
  /**
   * How long, in seconds, an event ID is remembered. Default 86,700: the 24 hours over which a
   * delivery is retried, plus the 300 seconds a signature's timestamp may be off. Shorter lets a
   * late retry through as new.
   */
  ttl?: number;
  /** Where IDs are kept. Default: this process's memory ({@link createMemoryReplayStore}). */
  store?: ReplayStore;
  /** Prefixed to every key, to share a store with other data. Default `'iiq:webhook:'`. */
  prefix?: string;
}

/** See {@link createReplayGuard}. */
export interface ReplayGuard {
  /**
   * Records the event (or its ID) as handled; resolves `true` the first time within `ttl`, `false`
   * for a repeat. Answer a repeat with `2xx` too, so that it is not retried again.
   */
  claim(event: string | { readonly id: string }): Promise<boolean>;
  /**
   * Forgets the event, so that its next delivery is handled again: call it when handling failed
   * and you answer non-`2xx` for IntentIQ to retry.
   */
  release(event: string | { readonly id: string }): Promise<void>;
}

/** The default `ttl`: the 24 h retry window plus the 300 s timestamp tolerance. */
export const DEFAULT_REPLAY_TTL_SECONDS = 24 * 60 * 60 + 300;

/**
 * A guard that lets each event through once: claim the event after verifying it, skip it when the
 * claim fails, release it when handling fails.
 *
 * @example
 * const guard = createReplayGuard(); // in memory; pass a store to share it between instances
 *
 * const event = await verifyWebhook({ payload, headers, secret });
 * if (!(await guard.claim(event))) return new Response(null, { status: 204 }); // seen before
 * try {
 *   await handle(event);
 * } catch (error) {
 *   await guard.release(event); // let the retry through
 *   throw error;
 * }
 */
export function createReplayGuard(options: ReplayGuardOptions = {}): ReplayGuard {
  const ttl = options.ttl ?? DEFAULT_REPLAY_TTL_SECONDS;
  if (typeof ttl !== 'number' || !Number.isFinite(ttl) || ttl <= 0) {
    throw new TypeError('ttl must be a positive number of seconds.');
  }
  const store = options.store ?? createMemoryReplayStore();
  if (typeof store?.add !== 'function' || typeof store.delete !== 'function') {
    throw new TypeError('store must have add(key, ttlSeconds) and delete(key) methods.');
  }
  const prefix = options.prefix ?? 'iiq:webhook:';
  const key = (event: string | { readonly id: string }) => {
    const id = typeof event === 'string' ? event : event?.id;
    if (typeof id !== 'string' || id === '') {
      throw new TypeError('Pass the verified event, or its id (evt_…).');
    }
    return `${prefix}${id}`;
  };
  return {
    claim: async (event) => (await store.add(key(event), ttl)) === true,
    release: async (event) => {
      await store.delete(key(event));
    },
  };
}

/** Options for {@link createMemoryReplayStore}. */
export interface MemoryReplayStoreOptions {
  /**
   * How many IDs to keep at most (default 100,000); past it, the oldest are forgotten first. Size it
   * above the events you receive in one `ttl`.
   */
  maxEntries?: number;
  /** The clock, in milliseconds since the epoch (default `Date.now`), for tests. */
  now?: () => number;
}

const DEFAULT_MAX_ENTRIES = 100_000;

/**
 * A {@link ReplayStore} in this process's memory: bounded, expired IDs dropped as new ones arrive.
 * It protects one process only; with several instances behind a load balancer, use a shared store.
 */
export function createMemoryReplayStore(options: MemoryReplayStoreOptions = {}): ReplayStore {
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) {
    throw new TypeError('maxEntries must be a positive integer.');
  }
  const now = options.now ?? Date.now;
  // Expiry times by key, in insertion order: with one ttl per guard, the oldest expire first.
  const expiries = new Map<string, number>();
  const sweep = (at: number) => {
    for (const [key, expiry] of expiries) {
      if (expiry > at && expiries.size < maxEntries) break;
      expiries.delete(key);
    }
  };
  return {
    add(key, ttlSeconds) {
      const at = now();
      const expiry = expiries.get(key);
      if (expiry !== undefined && expiry > at) return false;
      expiries.delete(key);
      sweep(at);
      expiries.set(key, at + ttlSeconds * 1000);
      return true;
    },
    delete(key) {
      expiries.delete(key);
    },
  };
}
