/**
 * What every area of the mock is handed: virtual time and its scheduler, the ID and secret streams,
 * the workspaces, the event log, and credits. `engine.ts` implements it; areas depend on this
 * interface only, never on the engine itself (which knows every area).
 */

import type { EventLog } from './events/log.ts';
import type { Clock } from './kernel/clock.ts';
import type { Ids } from './kernel/ids.ts';
import type { Random } from './kernel/random.ts';
import type { Scheduler } from './kernel/scheduler.ts';
import type { Tenants } from './tenancy/tenants.ts';
import type { Space } from './tenancy/workspace.ts';

export interface MockContext {
  readonly clock: Clock;
  readonly scheduler: Scheduler;
  /** Hands out the API's prefixed IDs (`scr_…`). Replaced by `reset()`: read it at each use. */
  readonly ids: Ids;
  /** Random strings that must not follow the ID stream (signing secrets). */
  readonly secrets: Random;
  /** True when the clock follows the wall clock (`iiq mock`). */
  readonly realtime: boolean;
  /** Whether webhook URLs may point at loopback (`createMockApi({ allowLoopbackWebhooks })`). */
  readonly allowLoopbackWebhooks: boolean;
  readonly tenants: Tenants;
  readonly events: EventLog;
  /** The current virtual time, unix ms. */
  now(): number;
  /** Throws `402` unless the space's workspace can pay `cost` credits now (live mode only). */
  ensureCredits(space: Space, cost: number): void;
  /** Charges `cost` credits (live mode only) and returns what was charged; records `credits.low`. */
  charge(space: Space, cost: number): number;
}
