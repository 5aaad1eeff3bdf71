/**
 * A workspace's objects in one mode. Like Stripe's test and live modes, the two are separate
 * worlds: a watchlist created with a test key does not exist for the live key, and each mode has
 * its own score cache, jobs, events, idempotency records and rate-limit windows.
 */
import type { BulkJobRecord } from './bulk.ts';
import type { EventRecord } from './events.ts';
import { IdempotencyStore } from './idempotency.ts';
import type { Plan } from './plans.ts';
import { type Bucket, RateWindow, UnlimitedWindow } from './rate-limits.ts';
import type { ScoreBook } from './scores.ts';
import type { WatchlistRecord } from './watchlists.ts';
import type { WebhookEndpointRecord } from './webhook-endpoints.ts';
import type { Workspace } from './workspaces.ts';

export type Mode = 'test' | 'live';

export interface Space {
  readonly workspace: Workspace;
  readonly mode: Mode;
  readonly scores: ScoreBook;
  readonly jobs: Map<string, BulkJobRecord>;
  readonly watchlists: Map<string, WatchlistRecord>;
  readonly events: EventRecord[];
  readonly endpoints: Map<string, WebhookEndpointRecord>;
  readonly idempotency: IdempotencyStore;
  readonly rateLimits: Record<Bucket, RateWindow>;
  /** IDs of the people resolved so far (`person.scored` fires for new ones only). */
  readonly people: Set<string>;
  /** When each time-dependent magic domain was first scored here. */
  readonly anchors: Map<string, number>;
  /** Magic `flaky.test` inputs that have already failed once. */
  readonly flakyTripped: Set<string>;
}

export function createSpace(workspace: Workspace, mode: Mode, plan: Plan, limited: boolean): Space {
  const window = (limit: number) => (limited ? new RateWindow(limit) : new UnlimitedWindow(limit));
  return {
    workspace,
    mode,
    scores: { byId: new Map(), latest: new Map(), pending: new Map() },
    jobs: new Map(),
    watchlists: new Map(),
    events: [],
    endpoints: new Map(),
    idempotency: new IdempotencyStore(),
    rateLimits: {
      score: window(plan.scorePerMinute),
      read: window(plan.readsPerMinute),
      write: window(plan.writesPerMinute),
    },
    people: new Set(),
    anchors: new Map(),
    flakyTripped: new Set(),
  };
}
