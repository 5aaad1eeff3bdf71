/**
 * A workspace and its two spaces. Like Stripe's test and live modes, the spaces are separate
 * worlds: a watchlist created with a test key does not exist for the live key, and each mode has
 * its own score cache, jobs, events and idempotency records. What the API limits per workspace
 * (the per-minute windows, credits, the bulk job cap) is shared by both.
 *
 * A space is a registry: each API area keeps its state in stores it defines itself
 * (`defineStore`) and the space makes them on first use. The space knows no area.
 */
import { IdempotencyStore } from '../kernel/idempotency.ts';
import { type Bucket, RateWindow, UnlimitedWindow } from '../kernel/rate-limits.ts';
import type { KeyRecord, Mode } from './keys.ts';
import type { Plan } from './plans.ts';

export type { Mode } from './keys.ts';

export interface Credits {
  /** Credits used in the current cycle. */
  used: number;
  /** When the current cycle ends and the next begins (unix ms). */
  resetsAt: number;
  /** Whether `credits.low` already fired in this cycle. */
  lowNotified: boolean;
}

export interface Workspace {
  readonly id: string;
  readonly name: string;
  readonly plan: Plan;
  readonly keys: KeyRecord[];
  readonly credits: Credits;
  /**
   * The per-minute windows, shared by the workspace's test and live keys: limits are per
   * workspace, as the API reference says.
   */
  readonly rateLimits: Readonly<Record<Bucket, RateWindow>>;
  readonly spaces: Readonly<Record<Mode, Space>>;
}

/** A store an area keeps in every space: a name (for debugging) and how to make an empty one. */
export interface StoreKey<T> {
  readonly name: string;
  readonly create: () => T;
}

/**
 * Declares a store. Call it once, at module level, and keep the key: `space.get(key)` then
 * returns this space's store, typed.
 *
 * @example
 * const watchlists = defineStore('watchlists', () => new Map<string, WatchlistRecord>());
 * space.get(watchlists).set(id, record);
 */
export function defineStore<T>(name: string, create: () => T): StoreKey<T> {
  return { name, create };
}

/** A workspace's objects in one mode. */
export class Space {
  readonly workspace: Workspace;
  readonly mode: Mode;
  readonly idempotency = new IdempotencyStore();
  readonly #stores = new Map<StoreKey<unknown>, unknown>();

  constructor(workspace: Workspace, mode: Mode) {
    this.workspace = workspace;
    this.mode = mode;
  }

  /** This space's store for `key`, made empty on first use. */
  get<T>(key: StoreKey<T>): T {
    let store = this.#stores.get(key as StoreKey<unknown>);
    if (store === undefined) {
      store = key.create();
      this.#stores.set(key as StoreKey<unknown>, store);
    }
    return store as T;
  }

  /** The store for `key` of both spaces of this workspace, test then live: limits per workspace. */
  inWorkspace<T>(key: StoreKey<T>): [T, T] {
    const { test, live } = this.workspace.spaces;
    return [test.get(key), live.get(key)];
  }
}

/** 00:00 UTC on the first day of the month after `now`: when the credit cycle resets. */
export function nextCycleStart(now: number): number {
  const date = new Date(now);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
}

/** A workspace with both spaces, its keys and a fresh credit cycle. */
export function createWorkspace(input: {
  id: string;
  name: string;
  plan: Plan;
  keys: KeyRecord[];
  now: number;
  rateLimits: boolean;
}): Workspace {
  const spaces = {} as Record<Mode, Space>;
  const plan = input.plan;
  const window = (limit: number) =>
    input.rateLimits ? new RateWindow(limit) : new UnlimitedWindow(limit);
  const workspace: Workspace = {
    id: input.id,
    name: input.name,
    plan,
    keys: input.keys,
    credits: { used: 0, resetsAt: nextCycleStart(input.now), lowNotified: false },
    rateLimits: {
      score: window(plan.scorePerMinute),
      read: window(plan.readsPerMinute),
      write: window(plan.writesPerMinute),
    },
    spaces,
  };
  spaces.test = new Space(workspace, 'test');
  spaces.live = new Space(workspace, 'live');
  return workspace;
}
