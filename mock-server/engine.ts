/**
 * The engine: the one file that knows every area. It builds the kernel, the workspaces, the event
 * log and the webhook dispatcher, and wires the areas `areas/index.ts` lists to them. Adding an area
 * is a folder under `areas/` and one line in that list.
 *
 * One engine per mock (instances share nothing); `reset()` puts it back exactly as it was created,
 * same seed, same keys, same start time.
 */

import * as areas from './areas/index.ts';
import { subscriptions } from './areas/webhook-endpoints/index.ts';
import type { MockContext } from './context.ts';
import { Dispatcher } from './events/dispatcher.ts';
import { EventLog } from './events/log.ts';
import { type Duration, parseInstant } from './kernel/clock.ts';
import { ControlError } from './kernel/errors.ts';
import { Kernel } from './kernel/kernel.ts';
import type { Control } from './pipeline/admin.ts';
import type { Area } from './pipeline/area.ts';
import type { PipelineHost } from './pipeline/pipeline.ts';
import type { Route } from './pipeline/route.ts';
import { deduct, ensureCredits } from './tenancy/credits.ts';
import { isKeyFormat } from './tenancy/keys.ts';
import { isPlanName, type PlanName } from './tenancy/plans.ts';
import { Tenants, type WorkspaceKeys } from './tenancy/tenants.ts';
import type { Space, Workspace } from './tenancy/workspace.ts';

/** Every area of the API (the order does not matter: no two routes match the same request). */
const AREAS: readonly Area[] = Object.values(areas);

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

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (
  x: infer I,
) => void
  ? I
  : never;
type SummaryOf<A> = A extends Area<infer S> ? S : never;

/** What one mode of a workspace holds, by count: each area's figures and the idempotency keys. */
export type ModeSummary = UnionToIntersection<SummaryOf<(typeof areas)[keyof typeof areas]>> & {
  idempotency_keys: number;
};

export type { WorkspaceKeys } from './tenancy/tenants.ts';

export class Engine implements MockContext, PipelineHost {
  readonly kernel: Kernel;
  readonly tenants: Tenants;
  readonly events: EventLog;
  /** Webhook deliveries of live-mode events, with their retries and log. */
  readonly dispatcher: Dispatcher;
  readonly areas: readonly Area[] = AREAS;

  constructor(options: EngineOptions = {}) {
    if (options.plan !== undefined && !isPlanName(options.plan)) {
      throw new ControlError(
        `plan must be "starter", "team" or "scale", got "${String(options.plan)}"`,
      );
    }
    for (const key of [options.keys?.test, options.keys?.live]) {
      if (key !== undefined && !isKeyFormat(key)) {
        throw new ControlError(
          'keys must look like real ones: "iiq_test_" or "iiq_live_" followed by 32 or more letters and digits',
        );
      }
    }
    this.kernel = new Kernel({
      seed: options.seed ?? DEFAULT_SEED,
      start: parseInstant(options.now ?? DEFAULT_START),
      realtime: options.realtime ?? false,
    });
    this.tenants = new Tenants(this.kernel, {
      plan: options.plan ?? 'team',
      rateLimits: options.rateLimits ?? true,
      ...(options.keys === undefined ? {} : { keys: options.keys }),
    });
    this.events = new EventLog(this.kernel);
    this.dispatcher = new Dispatcher(this.kernel, this.events);
    this.dispatcher.subscriptions = subscriptions;
    this.#start();
  }

  get clock() {
    return this.kernel.clock;
  }
  get scheduler() {
    return this.kernel.scheduler;
  }
  get ids() {
    return this.kernel.ids;
  }
  get secrets() {
    return this.kernel.secrets;
  }
  get faults() {
    return this.kernel.faults;
  }
  get realtime(): boolean {
    return this.kernel.realtime;
  }
  get defaultWorkspace(): Workspace {
    return this.tenants.defaultWorkspace;
  }
  get defaultKeys(): WorkspaceKeys {
    return this.tenants.defaultKeys;
  }

  now(): number {
    return this.kernel.clock.now();
  }

  sync(): void {
    this.kernel.sync();
  }

  /** Moves virtual time forward, running everything that falls due on the way. */
  advance(duration: Duration): number {
    return this.kernel.advance(duration);
  }

  /** Moves virtual time to an instant (never backwards). */
  setTime(instant: Date | number | string): number {
    return this.kernel.setTime(instant);
  }

  /** Back to the state right after construction: no objects, the same keys, the clock at its start. */
  reset(): void {
    this.kernel.reset();
    this.dispatcher.reset();
    this.tenants.reset();
    this.#start();
  }

  ensureCredits(space: Space, cost: number): void {
    ensureCredits(space, cost, this.now());
  }

  charge(space: Space, cost: number): number {
    const { charged, low } = deduct(space, cost, this.now());
    if (low !== undefined) this.events.record(space, 'credits.low', low);
    return charged;
  }

  /** Every area's routes: the route table. */
  routes(): Route[] {
    return this.areas.flatMap((area) => area.routes);
  }

  /** Every area's test controls. */
  controls(): Control[] {
    return this.areas.flatMap((area) => area.controls?.(this) ?? []);
  }

  /** What one space holds, by count. */
  summarise(space: Space): ModeSummary {
    const summary: Record<string, unknown> = {};
    for (const area of this.areas) Object.assign(summary, area.summarise?.(space));
    summary.idempotency_keys = space.idempotency.size;
    return summary as ModeSummary;
  }

  #start(): void {
    for (const area of this.areas) area.start?.(this);
  }
}
