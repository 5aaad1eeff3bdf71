/**
 * Test controls: the levers a test pulls on the mock (credits, keys, workspaces, faults) and what
 * it can look at (inspect, events). The in-process API and the `/__mock/` admin routes both call
 * these, so they behave the same.
 */
import type { components } from '../../src/generated/openapi.ts';
import { isoSeconds } from './clock.ts';
import type { Engine } from './engine.ts';
import { type EventType, listEvents, renderEvent, type WireEvent } from './events.ts';
import { sha256Hex } from './hash.ts';
import { isPlanName, type PlanName } from './plans.ts';
import type { Mode } from './space.ts';
import { creditsView, type Workspace } from './workspaces.ts';

/** Credits of the current cycle, as `GET /account` shows them. */
export type WireCredits = components['schemas']['Account']['credits'];

function workspaceOf(engine: Engine, id: string | undefined): Workspace {
  if (id === undefined) return engine.defaultWorkspace;
  const workspace = engine.workspaces.get(id);
  if (workspace === undefined)
    throw new TypeError(`no workspace with ID ${id} exists in this mock`);
  return workspace;
}

function renderCredits(workspace: Workspace, now: number): WireCredits {
  const view = creditsView(workspace, now);
  return {
    limit: view.limit,
    used: view.used,
    remaining: view.remaining,
    resets_at: isoSeconds(view.resetsAt),
  };
}

/** What `mock.credits.set()` takes: `remaining` or `used`, for a workspace. */
export interface CreditsInput {
  /** A workspace ID (default: the default workspace). */
  workspace?: string;
  /** Credits left in the current cycle. */
  remaining?: number;
  /** Credits used in the current cycle. */
  used?: number;
}

/** The credits of a workspace's current cycle (default: the default workspace). */
export function getCredits(engine: Engine, workspace?: string): WireCredits {
  return renderCredits(workspaceOf(engine, workspace), engine.clock.now());
}

/** Sets the credits of the current cycle, by what is left or by what was used. */
export function setCredits(engine: Engine, input: CreditsInput): WireCredits {
  const workspace = workspaceOf(engine, input.workspace);
  const now = engine.clock.now();
  const limit = creditsView(workspace, now).limit;
  const check = (name: string, value: number) => {
    if (!Number.isInteger(value) || value < 0 || value > limit) {
      throw new TypeError(
        `${name} must be an integer from 0 to ${limit} (this plan's credits per cycle), got ${value}`,
      );
    }
  };
  if (input.remaining !== undefined) {
    check('remaining', input.remaining);
    workspace.credits.used = limit - input.remaining;
  } else if (input.used !== undefined) {
    check('used', input.used);
    workspace.credits.used = input.used;
  } else {
    throw new TypeError('pass remaining or used');
  }
  return renderCredits(workspace, now);
}

/** Revokes an API key: the next request with it is `401`. True if it was active. */
export function revokeKey(engine: Engine, key: string): boolean {
  return engine.revoke(sha256Hex(key));
}

/** A workspace made by `mock.workspaces.create()`, with its keys. */
export interface CreatedWorkspace {
  id: string;
  name: string;
  plan: PlanName;
  /** The workspace's keys, shown this once. */
  keys: { test: string; live: string };
}

/** Creates a workspace with a fresh pair of keys derived from the seed. */
export function createWorkspace(
  engine: Engine,
  input: { plan?: string; name?: string } = {},
): CreatedWorkspace {
  if (input.plan !== undefined && !isPlanName(input.plan)) {
    throw new TypeError(`plan must be "starter", "team" or "scale", got "${input.plan}"`);
  }
  const { workspace, keys } = engine.createWorkspace({
    ...(input.plan === undefined ? {} : { plan: input.plan }),
    ...(input.name === undefined ? {} : { name: input.name }),
  });
  return { id: workspace.id, name: workspace.name, plan: workspace.plan.name, keys };
}

/** What one mode of a workspace holds, by count. */
export interface ModeSummary {
  scores: number;
  pending_scores: number;
  bulk_jobs: { queued: number; running: number; completed: number };
  watchlists: number;
  watchlist_accounts: number;
  webhook_endpoints: number;
  events: number;
  idempotency_keys: number;
}

/** What `mock.inspect()` returns. */
export interface MockSummary {
  now: string;
  scheduled_tasks: number;
  faults: number;
  workspaces: {
    id: string;
    name: string;
    plan: PlanName;
    credits: WireCredits;
    keys: { mode: Mode; last4: string; revoked: boolean }[];
    test: ModeSummary;
    live: ModeSummary;
  }[];
}

function summarise(space: Workspace['spaces'][Mode]): ModeSummary {
  const jobs = { queued: 0, running: 0, completed: 0 };
  for (const job of space.jobs.values()) jobs[job.status]++;
  let accounts = 0;
  for (const watchlist of space.watchlists.values()) accounts += watchlist.accounts.size;
  return {
    scores: space.scores.latest.size,
    pending_scores: space.scores.pending.size,
    bulk_jobs: jobs,
    watchlists: space.watchlists.size,
    watchlist_accounts: accounts,
    webhook_endpoints: space.endpoints.size,
    events: space.events.length,
    idempotency_keys: space.idempotency.size,
  };
}

/** A summary of the mock's state, for debugging a test. Keys appear by their last 4 characters only. */
export function inspect(engine: Engine): MockSummary {
  const now = engine.clock.now();
  return {
    now: isoSeconds(now),
    scheduled_tasks: engine.scheduler.pending,
    faults: engine.faults.list().length,
    workspaces: [...engine.workspaces.values()].map((workspace) => ({
      id: workspace.id,
      name: workspace.name,
      plan: workspace.plan.name,
      credits: renderCredits(workspace, now),
      keys: workspace.keys.map((key) => ({
        mode: key.mode,
        last4: key.last4,
        revoked: key.revoked,
      })),
      test: summarise(workspace.spaces.test),
      live: summarise(workspace.spaces.live),
    })),
  };
}

/** Filters of `mock.events.list()`. */
export interface EventQuery {
  workspace?: string;
  mode?: Mode;
  type?: EventType;
}

/** Events of one workspace (default: the default one), newest first, both modes unless one is given. */
export function eventsOf(engine: Engine, query: EventQuery = {}): (WireEvent & { mode: Mode })[] {
  const workspace = workspaceOf(engine, query.workspace);
  const now = engine.clock.now();
  const modes: Mode[] = query.mode === undefined ? ['test', 'live'] : [query.mode];
  return modes
    .flatMap((mode) =>
      listEvents(workspace.spaces[mode], now, query.type).map((event) => ({ event, mode })),
    )
    .sort((a, b) => b.event.created - a.event.created)
    .map(({ event, mode }) => ({ ...renderEvent(event), mode }));
}
