/**
 * Test controls: the levers a test pulls on the mock (clock, credits, keys, workspaces, faults) and
 * what it can look at (inspect, deliveries, the request journal). The in-process API (`mock-api.ts`)
 * and the `/__mock/` routes both call these, so they behave the same. Areas add their own controls
 * (`Area.controls`); these are the ones of the kernel, tenancy and events.
 *
 * | method | path | body / query | does |
 * | --- | --- | --- | --- |
 * | POST | /__mock/reset | | back to the initial state |
 * | GET | /__mock/clock | | `{now}` |
 * | POST | /__mock/clock/advance | `{"by": "7d"}` | runs everything due on the way |
 * | POST | /__mock/clock/set | `{"to": "2026-06-01T00:00:00Z"}` | forward only |
 * | GET, POST | /__mock/credits | `{"remaining": 0}` or `{"used": 10}`, `workspace` | credits of the cycle |
 * | GET | /__mock/keys | | the default workspace's keys, and every key by its last 4 characters |
 * | POST | /__mock/keys | `{"mode": "test", "scope": "read"}`, `workspace` | a new key, shown once |
 * | POST | /__mock/keys/revoke | `{"key": "iiq_test_…"}` | the key is refused at once |
 * | POST | /__mock/workspaces | `{"plan": "starter"}` | a new workspace and its keys |
 * | GET | /__mock/inspect | | a summary of the state |
 * | GET, POST, DELETE | /__mock/faults | `{"path": "/score", "status": 503, "count": 2}` or `{"path": "/score", "kind": "cut"}` | fail the next requests |
 * | GET | /__mock/deliveries | `?endpoint=we_…&event=evt_…&status=failed` | the delivery log, newest first |
 * | POST | /__mock/deliveries/settle | | over HTTP, waits until every delivery due now was answered |
 * | GET | /__mock/requests | `?method=POST&path=/v1/score&since=…` | the request journal, newest first |
 */

import type { components } from '../src/generated/openapi.ts';
import type { Engine, ModeSummary } from './engine.ts';
import type { DeliveryQuery, DeliveryStatus } from './events/delivery-log.ts';
import { isoSeconds } from './kernel/clock.ts';
import { ControlError } from './kernel/errors.ts';
import type { FaultKind } from './kernel/faults.ts';
import { sha256Hex } from './kernel/sha256.ts';
import type { Control } from './pipeline/admin.ts';
import type { JournalQuery, RequestJournal } from './pipeline/journal.ts';
import { isJsonObject } from './pipeline/validation.ts';
import { creditsView, renderCredits, type WireCredits } from './tenancy/credits.ts';
import { isKeyScope, isMode, type KeyScope, type Mode } from './tenancy/keys.ts';
import { isPlanName, type PlanName } from './tenancy/plans.ts';
import type { Workspace } from './tenancy/workspace.ts';

export type { WireCredits } from './tenancy/credits.ts';

function workspaceOf(engine: Engine, id: string | undefined): Workspace {
  const workspace = engine.tenants.find(id);
  if (workspace === undefined) {
    throw new ControlError(`no workspace with ID ${id} exists in this mock`);
  }
  return workspace;
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
  return renderCredits(workspaceOf(engine, workspace), engine.now());
}

/** Sets the credits of the current cycle, by what is left or by what was used. */
export function setCredits(engine: Engine, input: CreditsInput): WireCredits {
  const workspace = workspaceOf(engine, input.workspace);
  const now = engine.now();
  const limit = creditsView(workspace, now).limit;
  const check = (name: string, value: number) => {
    if (!Number.isInteger(value) || value < 0 || value > limit) {
      throw new ControlError(
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
    throw new ControlError('pass remaining or used');
  }
  return renderCredits(workspace, now);
}

/** Revokes an API key: the next request with it is `401`. True if it was active. */
export function revokeKey(engine: Engine, key: string): boolean {
  if (typeof key !== 'string') throw new ControlError('key must be a string');
  return engine.tenants.revoke(sha256Hex(key));
}

/** What `mock.keys.create()` takes. */
export interface KeyInput {
  /** `test` (default) or `live`. */
  mode?: Mode;
  /** `write` (default: every endpoint) or `read` (`GET` only). */
  scope?: KeyScope;
  /** A workspace ID (default: the default workspace). */
  workspace?: string;
}

/** A key made by `mock.keys.create()`: the key itself is shown this once. */
export interface CreatedKey {
  key: string;
  mode: Mode;
  scope: KeyScope;
  workspace: string;
}

/** A key as `mock.keys.list()` shows it: by its last 4 characters, never whole. */
export interface MockKey {
  workspace: string;
  mode: Mode;
  scope: KeyScope;
  last4: string;
  revoked: boolean;
}

/** Makes a key for a workspace (default: the default one), derived from the mock's seed. */
export function createKey(engine: Engine, input: KeyInput = {}): CreatedKey {
  const mode = input.mode ?? 'test';
  const scope = input.scope ?? 'write';
  if (!isMode(mode)) {
    throw new ControlError(`mode must be "test" or "live", got ${JSON.stringify(String(mode))}`);
  }
  if (!isKeyScope(scope)) {
    throw new ControlError(`scope must be "read" or "write", got ${JSON.stringify(String(scope))}`);
  }
  const workspace = workspaceOf(engine, input.workspace);
  const key = engine.tenants.createKey(workspace, mode, scope);
  return { key, mode, scope, workspace: workspace.id };
}

/** Every key of every workspace, oldest first, by its last 4 characters. */
export function listKeys(engine: Engine): MockKey[] {
  return [...engine.tenants.all()].flatMap((workspace) =>
    workspace.keys.map((key) => ({
      workspace: workspace.id,
      mode: key.mode,
      scope: key.scope,
      last4: key.last4,
      revoked: key.revoked,
    })),
  );
}

/** A workspace made by `mock.workspaces.create()`, with its keys. */
export interface CreatedWorkspace {
  id: string;
  name: string;
  plan: PlanName;
  /** The workspace's keys (a write key per mode, and the read keys under `read`), shown this once. */
  keys: { test: string; live: string; read: { test: string; live: string } };
}

/** The longest name a workspace made by `mock.workspaces.create` may have. */
const MAX_WORKSPACE_NAME = 200;

/** Creates a workspace with a fresh pair of keys derived from the seed. */
export function createWorkspace(
  engine: Engine,
  input: { plan?: string; name?: string } = {},
): CreatedWorkspace {
  if (input.plan !== undefined && !isPlanName(input.plan)) {
    throw new ControlError(`plan must be "starter", "team" or "scale", got "${input.plan}"`);
  }
  if (input.name !== undefined && (input.name === '' || input.name.length > MAX_WORKSPACE_NAME)) {
    throw new ControlError(`name must be 1 to ${MAX_WORKSPACE_NAME} characters`);
  }
  const { workspace, keys } = engine.tenants.create({
    ...(input.plan === undefined ? {} : { plan: input.plan }),
    ...(input.name === undefined ? {} : { name: input.name }),
  });
  return { id: workspace.id, name: workspace.name, plan: workspace.plan.name, keys };
}

export type { ModeSummary } from './engine.ts';

/** What `mock.inspect()` returns. */
export interface MockSummary {
  now: string;
  scheduled_tasks: number;
  faults: number;
  workspaces: {
    id: string;
    name: string;
    plan: PlanName;
    credits: components['schemas']['Account']['credits'];
    keys: { mode: Mode; scope: KeyScope; last4: string; revoked: boolean }[];
    test: ModeSummary;
    live: ModeSummary;
  }[];
}

/** A summary of the mock's state, for debugging a test. Keys appear by their last 4 characters only. */
export function inspect(engine: Engine): MockSummary {
  const now = engine.now();
  return {
    now: isoSeconds(now),
    scheduled_tasks: engine.scheduler.pending,
    faults: engine.faults.list().length,
    workspaces: [...engine.tenants.all()].map((workspace) => ({
      id: workspace.id,
      name: workspace.name,
      plan: workspace.plan.name,
      credits: renderCredits(workspace, now),
      keys: workspace.keys.map((key) => ({
        mode: key.mode,
        scope: key.scope,
        last4: key.last4,
        revoked: key.revoked,
      })),
      test: engine.summarise(workspace.spaces.test),
      live: engine.summarise(workspace.spaces.live),
    })),
  };
}

const optionalString = (value: unknown, name: string): string | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new ControlError(`${name} must be a string`);
  return value;
};

const STATUSES: readonly DeliveryStatus[] = ['pending', 'succeeded', 'failed'];

/**
 * A filter of the delivery log, checked: `mock.deliveries.list(query)` and
 * `GET /__mock/deliveries` refuse the same things (an unknown status is an error, not an empty list).
 */
export function checkDeliveryQuery(query: unknown = {}): DeliveryQuery {
  if (!isJsonObject(query)) {
    throw new ControlError('the delivery query must be an object such as { status: "failed" }');
  }
  const { endpoint, event, status } = query;
  if (status !== undefined && !STATUSES.includes(status as DeliveryStatus)) {
    throw new ControlError('status must be "pending", "succeeded" or "failed"');
  }
  const endpointId = optionalString(endpoint, 'endpoint');
  const eventId = optionalString(event, 'event');
  return {
    ...(endpointId === undefined ? {} : { endpoint: endpointId }),
    ...(eventId === undefined ? {} : { event: eventId }),
    ...(status === undefined ? {} : { status: status as DeliveryStatus }),
  };
}

function deliveryQuery(query: URLSearchParams): DeliveryQuery {
  return checkDeliveryQuery({
    endpoint: query.get('endpoint') ?? undefined,
    event: query.get('event') ?? undefined,
    status: query.get('status') ?? undefined,
  });
}

function journalQuery(query: URLSearchParams): JournalQuery {
  // An empty parameter (`?method=&path=`) filters nothing, as if it were left out.
  const method = query.get('method') || undefined;
  const path = query.get('path') || undefined;
  const since = query.get('since') || undefined;
  return {
    ...(method === undefined ? {} : { method }),
    ...(path === undefined ? {} : { path }),
    ...(since === undefined ? {} : { since: /^\d+$/.test(since) ? Number(since) : since }),
  };
}

/** The controls of the kernel, tenancy and events, as `/__mock/` routes. */
export function coreControls(
  engine: Engine,
  journal: RequestJournal,
  basePath: string,
  reset: () => void,
): Control[] {
  return [
    {
      method: 'POST',
      path: '/__mock/reset',
      run: () => {
        reset();
        return { reset: true, now: isoSeconds(engine.now()) };
      },
    },
    { method: 'GET', path: '/__mock/clock', run: () => ({ now: isoSeconds(engine.now()) }) },
    {
      method: 'POST',
      path: '/__mock/clock/advance',
      run: ({ body }) => {
        const by = body.by;
        if (typeof by !== 'string' && typeof by !== 'number') {
          throw new ControlError('by must be a duration such as "7d" or "90m", or milliseconds');
        }
        return { now: isoSeconds(engine.advance(by)) };
      },
    },
    {
      method: 'POST',
      path: '/__mock/clock/set',
      run: ({ body }) => {
        const to = body.to;
        if (typeof to !== 'string' && typeof to !== 'number') {
          throw new ControlError('to must be an ISO 8601 time');
        }
        return { now: isoSeconds(engine.setTime(to)) };
      },
    },
    {
      method: 'GET',
      path: '/__mock/credits',
      run: ({ query }) => getCredits(engine, query.get('workspace') ?? undefined),
    },
    {
      method: 'POST',
      path: '/__mock/credits',
      run: ({ body }) => {
        const workspace = optionalString(body.workspace, 'workspace');
        return setCredits(engine, {
          ...(workspace === undefined ? {} : { workspace }),
          ...(typeof body.remaining === 'number' ? { remaining: body.remaining } : {}),
          ...(typeof body.used === 'number' ? { used: body.used } : {}),
        });
      },
    },
    // What `iiq webhooks listen` uses to find the live key of a local `iiq mock` (which prints the
    // keys anyway; they are fake and valid on this mock only). Every other key shows by its last 4
    // characters only.
    {
      method: 'GET',
      path: '/__mock/keys',
      run: () => ({
        workspace: engine.defaultWorkspace.id,
        ...engine.defaultKeys,
        data: listKeys(engine),
      }),
    },
    {
      method: 'POST',
      path: '/__mock/keys',
      run: ({ body }) => {
        const mode = optionalString(body.mode, 'mode');
        const scope = optionalString(body.scope, 'scope');
        const workspace = optionalString(body.workspace, 'workspace');
        return createKey(engine, {
          ...(mode === undefined ? {} : { mode: mode as Mode }),
          ...(scope === undefined ? {} : { scope: scope as KeyScope }),
          ...(workspace === undefined ? {} : { workspace }),
        });
      },
    },
    {
      method: 'POST',
      path: '/__mock/keys/revoke',
      run: ({ body }) => {
        const key = optionalString(body.key, 'key');
        if (key === undefined) throw new ControlError('key is required');
        return { revoked: revokeKey(engine, key) };
      },
    },
    {
      method: 'POST',
      path: '/__mock/workspaces',
      run: ({ body }) => {
        const plan = optionalString(body.plan, 'plan');
        const name = optionalString(body.name, 'name');
        return createWorkspace(engine, {
          ...(plan === undefined ? {} : { plan }),
          ...(name === undefined ? {} : { name }),
        });
      },
    },
    { method: 'GET', path: '/__mock/inspect', run: () => inspect(engine) },
    { method: 'GET', path: '/__mock/faults', run: () => ({ data: engine.faults.list() }) },
    {
      method: 'POST',
      path: '/__mock/faults',
      run: ({ body }) => {
        const path = optionalString(body.path, 'path');
        const method = optionalString(body.method, 'method');
        const kind = optionalString(body.kind, 'kind');
        const ms = body.ms;
        if (ms !== undefined && typeof ms !== 'number' && typeof ms !== 'string') {
          throw new ControlError('ms must be a duration such as "2s", or milliseconds');
        }
        engine.faults.inject(
          {
            path: path ?? '',
            ...(kind === undefined ? {} : { kind: kind as FaultKind }),
            ...(body.status === undefined ? {} : { status: Number(body.status) }),
            ...(method === undefined ? {} : { method }),
            ...(ms === undefined ? {} : { ms }),
            ...(body.count === undefined ? {} : { count: Number(body.count) }),
            ...(body.probability === undefined ? {} : { probability: Number(body.probability) }),
          },
          basePath,
        );
        return { data: engine.faults.list() };
      },
    },
    {
      method: 'DELETE',
      path: '/__mock/faults',
      run: () => {
        engine.faults.clear();
        return { data: [] };
      },
    },
    {
      method: 'GET',
      path: '/__mock/deliveries',
      run: ({ query }) => ({ data: engine.dispatcher.list(deliveryQuery(query)) }),
    },
    // The HTTP door waits for the deliveries before it gets here; in-process doors answer at once
    // (use `await mock.deliveries.settle()` there), and `in_flight` says what is still on its way.
    {
      method: 'POST',
      path: '/__mock/deliveries/settle',
      run: () => {
        engine.sync();
        return { in_flight: engine.dispatcher.inFlight, data: engine.dispatcher.list() };
      },
    },
    {
      method: 'GET',
      path: '/__mock/requests',
      run: ({ query }) => ({ data: journal.list(journalQuery(query)) }),
    },
  ];
}
