/**
 * The mock's engine: all state and behaviour of the API, with no HTTP in it. One instance per test
 * (instances share nothing); `reset()` puts it back exactly as it was created, same seed, same
 * keys, same start time.
 */
import { Clock, type Duration, parseDuration, parseInstant } from './clock.ts';
import type { EventRecord } from './events.ts';
import { Faults } from './faults.ts';
import { Ids } from './ids.ts';
import { Outbox } from './outbox.ts';
import { isPlanName, PLANS, type PlanName } from './plans.ts';
import { Random } from './random.ts';
import { Scheduler } from './scheduler.ts';
import { createSpace, type Space } from './space.ts';
import { scheduleDailyRefresh } from './watchlist-refresh.ts';
import {
  deriveKey,
  isKeyFormat,
  type KeyRecord,
  keyRecord,
  nextCycleStart,
  type Workspace,
} from './workspaces.ts';

/** The API reference's example time: a fresh mock's first score of stripe.com matches it exactly. */
export const DEFAULT_START = '2026-05-28T14:02:11Z';
/** The seed of a mock created without one: its keys are the ones `iiq mock` prints. */
export const DEFAULT_SEED = 'vesperwise';

/** Options of the engine, and of `createMockApi()`. */
export interface EngineOptions {
  /** Seeds IDs, keys and secrets: the same seed gives the same values in every run. */
  seed?: string;
  /** The default workspace's plan (default `team`). */
  plan?: PlanName;
  /** Where the clock starts (default 2026-05-28T14:02:11Z). */
  now?: Date | number | string;
  /** Follow the wall clock from `now` instead of standing still (the `iiq mock` server does). */
  realtime?: boolean;
  /** Use these keys for the default workspace instead of the ones derived from the seed. */
  keys?: { test?: string; live?: string };
  /** Apply the per-minute rate limits (default true). */
  rateLimits?: boolean;
}

/** A workspace's two keys. */
export interface WorkspaceKeys {
  test: string;
  live: string;
}

/** Told about every event as it is recorded (webhook delivery subscribes here). */
export type EventListener = (space: Space, event: EventRecord) => void;

export class Engine {
  readonly seed: string;
  readonly start: number;
  readonly clock: Clock;
  readonly scheduler: Scheduler;
  readonly faults = new Faults();
  /** True when the clock follows the wall clock (`iiq mock`). */
  readonly realtime: boolean;
  readonly #options: EngineOptions;
  readonly #listeners = new Set<EventListener>();
  /** Webhook deliveries of live-mode events, with their retries and log. */
  readonly outbox: Outbox;
  ids!: Ids;
  /** Signing secrets and other random strings that must not follow the ID stream. */
  secrets!: Random;
  workspaces = new Map<string, Workspace>();
  #keys = new Map<string, { key: KeyRecord; workspace: Workspace }>();
  #workspaceCount = 0;
  defaultWorkspace!: Workspace;
  defaultKeys!: WorkspaceKeys;

  constructor(options: EngineOptions = {}) {
    this.#options = options;
    this.seed = options.seed ?? DEFAULT_SEED;
    this.start = parseInstant(options.now ?? DEFAULT_START);
    if (options.plan !== undefined && !isPlanName(options.plan)) {
      throw new TypeError(
        `plan must be "starter", "team" or "scale", got "${String(options.plan)}"`,
      );
    }
    for (const key of [options.keys?.test, options.keys?.live]) {
      if (key !== undefined && !isKeyFormat(key)) {
        throw new TypeError(
          'keys must look like real ones: "iiq_test_" or "iiq_live_" followed by 32 or more letters and digits',
        );
      }
    }
    this.realtime = options.realtime ?? false;
    this.clock = new Clock(this.start, { realtime: this.realtime });
    this.scheduler = new Scheduler(this.clock);
    this.outbox = new Outbox(this);
    this.reset();
  }

  /** Back to the state right after construction: no objects, the same keys, the clock at its start. */
  reset(): void {
    this.scheduler.clear();
    this.outbox.reset();
    this.clock.restart(this.start);
    this.faults.clear();
    this.ids = new Ids(this.seed, this.clock);
    this.secrets = new Random(`${this.seed}:secrets`);
    this.workspaces = new Map();
    this.#keys = new Map();
    this.#workspaceCount = 0;
    const defaults = this.createWorkspace({
      plan: this.#options.plan ?? 'team',
      name: 'Mock workspace',
    });
    this.defaultWorkspace = defaults.workspace;
    this.defaultKeys = defaults.keys;
    scheduleDailyRefresh(this);
  }

  /** A new workspace with a fresh pair of keys (derived from the seed, or the ones given). */
  createWorkspace(
    options: { plan?: PlanName; name?: string; keys?: Partial<WorkspaceKeys> } = {},
  ): {
    workspace: Workspace;
    keys: WorkspaceKeys;
  } {
    const plan = PLANS[options.plan ?? 'team'];
    if (plan === undefined)
      throw new TypeError(
        `plan must be "starter", "team" or "scale", got "${String(options.plan)}"`,
      );
    const index = this.#workspaceCount++;
    const overrides = index === 0 ? this.#options.keys : options.keys;
    const keys = {
      test: overrides?.test ?? deriveKey(this.seed, 'test', index),
      live: overrides?.live ?? deriveKey(this.seed, 'live', index),
    };
    const limited = this.#options.rateLimits ?? true;
    // The spaces point back at their workspace, so they are attached right after it exists.
    const workspace = {
      id: this.ids.next('ws'),
      name: options.name ?? `Workspace ${index + 1}`,
      plan,
      keys: [keyRecord(keys.test), keyRecord(keys.live)],
      credits: { used: 0, resetsAt: nextCycleStart(this.clock.now()), lowNotified: false },
    } as Workspace;
    workspace.spaces = {
      test: createSpace(workspace, 'test', plan, limited),
      live: createSpace(workspace, 'live', plan, limited),
    };
    this.workspaces.set(workspace.id, workspace);
    for (const key of workspace.keys) this.#keys.set(key.hash, { key, workspace });
    return { workspace, keys };
  }

  /** The space a key opens, or undefined for an unknown or revoked key. */
  authenticate(keyHash: string): Space | undefined {
    const found = this.#keys.get(keyHash);
    if (found === undefined || found.key.revoked) return undefined;
    return found.workspace.spaces[found.key.mode];
  }

  /** Revokes a key by its hash; true if it existed and was active. */
  revoke(keyHash: string): boolean {
    const found = this.#keys.get(keyHash);
    if (found === undefined || found.key.revoked) return false;
    found.key.revoked = true;
    return true;
  }

  /** Runs what is due now (a real-time clock moves by itself). Called before every request. */
  sync(): void {
    this.scheduler.runDue();
  }

  /** Moves virtual time forward, running everything that falls due on the way. */
  advance(duration: Duration): number {
    this.scheduler.runUntil(this.clock.now() + parseDuration(duration));
    return this.clock.now();
  }

  /** Moves virtual time to an instant (never backwards: caches and jobs cannot un-happen). */
  setTime(instant: Date | number | string): number {
    const target = parseInstant(instant);
    if (target < this.clock.now()) {
      throw new RangeError('the mock clock cannot go back in time; call reset() to start over');
    }
    this.scheduler.runUntil(target);
    return this.clock.now();
  }

  /** Calls `listener` for every event recorded from now on. Returns a function that unsubscribes. */
  onEvent(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  notify(space: Space, event: EventRecord): void {
    for (const listener of this.#listeners) listener(space, event);
  }
}
