/**
 * The test controls over HTTP, under `/__mock/` (outside the API's base path, no key needed):
 *
 * | method | path | body / query | does |
 * | --- | --- | --- | --- |
 * | POST | /__mock/reset | | back to the initial state |
 * | GET | /__mock/clock | | `{now}` |
 * | POST | /__mock/clock/advance | `{"by": "7d"}` | runs everything due on the way |
 * | POST | /__mock/clock/set | `{"to": "2026-06-01T00:00:00Z"}` | forward only |
 * | GET, POST | /__mock/credits | `{"remaining": 0}` or `{"used": 10}`, `workspace` | credits of the cycle |
 * | POST | /__mock/keys/revoke | `{"key": "iiq_test_…"}` | the key is refused at once |
 * | POST | /__mock/workspaces | `{"plan": "starter"}` | a new workspace and its keys |
 * | GET | /__mock/inspect | | a summary of the state |
 * | GET, POST, DELETE | /__mock/faults | `{"path": "/score", "status": 503, "count": 2}` | fail the next requests |
 * | GET | /__mock/events | `?mode=test&type=signal.spike&workspace=ws_…` | every recorded event |
 *
 * and the webhook delivery controls of `admin-webhooks.ts`.
 */
import { isoSeconds } from '../engine/clock.ts';
import {
  createWorkspace,
  eventsOf,
  getCredits,
  inspect,
  revokeKey,
  setCredits,
} from '../engine/controls.ts';
import type { Engine } from '../engine/engine.ts';
import type { EventType } from '../engine/events.ts';
import type { Mode } from '../engine/space.ts';
import { WEBHOOK_ACTIONS, type AdminAction as WebhookAction } from './admin-webhooks.ts';
import { JSON_TYPE } from './respond.ts';
import type { MockRequest, MockResponse } from './types.ts';

type AdminAction = (
  engine: Engine,
  body: Record<string, unknown>,
  query: URLSearchParams,
  basePath: string,
) => unknown;

/** A control whose path has `{name}` parameters, e.g. `/__mock/webhook_endpoints/{id}/rotate_secret`. */
interface PatternAction {
  method: string;
  segments: string[];
  run: WebhookAction;
}

const optionalString = (value: unknown, name: string): string | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new TypeError(`${name} must be a string`);
  return value;
};

const ACTIONS: Record<string, AdminAction> = {
  'POST /__mock/reset': (engine) => {
    engine.reset();
    return { reset: true, now: isoSeconds(engine.clock.now()) };
  },
  'GET /__mock/clock': (engine) => ({ now: isoSeconds(engine.clock.now()) }),
  'POST /__mock/clock/advance': (engine, body) => {
    const by = body.by;
    if (typeof by !== 'string' && typeof by !== 'number')
      throw new TypeError('by must be a duration such as "7d" or "90m", or milliseconds');
    return { now: isoSeconds(engine.advance(by)) };
  },
  'POST /__mock/clock/set': (engine, body) => {
    const to = body.to;
    if (typeof to !== 'string' && typeof to !== 'number')
      throw new TypeError('to must be an ISO 8601 time');
    return { now: isoSeconds(engine.setTime(to)) };
  },
  'GET /__mock/credits': (engine, _body, query) =>
    getCredits(engine, query.get('workspace') ?? undefined),
  'POST /__mock/credits': (engine, body) => {
    const workspace = optionalString(body.workspace, 'workspace');
    return setCredits(engine, {
      ...(workspace === undefined ? {} : { workspace }),
      ...(typeof body.remaining === 'number' ? { remaining: body.remaining } : {}),
      ...(typeof body.used === 'number' ? { used: body.used } : {}),
    });
  },
  'POST /__mock/keys/revoke': (engine, body) => {
    const key = optionalString(body.key, 'key');
    if (key === undefined) throw new TypeError('key is required');
    return { revoked: revokeKey(engine, key) };
  },
  'POST /__mock/workspaces': (engine, body) => {
    const plan = optionalString(body.plan, 'plan');
    const name = optionalString(body.name, 'name');
    return createWorkspace(engine, {
      ...(plan === undefined ? {} : { plan }),
      ...(name === undefined ? {} : { name }),
    });
  },
  'GET /__mock/inspect': (engine) => inspect(engine),
  'GET /__mock/faults': (engine) => ({ data: engine.faults.list() }),
  'POST /__mock/faults': (engine, body, _query, basePath) => {
    const path = optionalString(body.path, 'path');
    const method = optionalString(body.method, 'method');
    engine.faults.inject(
      {
        path: path ?? '',
        status: Number(body.status),
        ...(method === undefined ? {} : { method }),
        ...(body.count === undefined ? {} : { count: Number(body.count) }),
      },
      basePath,
    );
    return { data: engine.faults.list() };
  },
  'DELETE /__mock/faults': (engine) => {
    engine.faults.clear();
    return { data: [] };
  },
  'GET /__mock/events': (engine, _body, query) => {
    const workspace = query.get('workspace') ?? undefined;
    const mode = query.get('mode') ?? undefined;
    const type = query.get('type') ?? undefined;
    if (mode !== undefined && mode !== 'test' && mode !== 'live')
      throw new TypeError('mode must be "test" or "live"');
    return {
      data: eventsOf(engine, {
        ...(workspace === undefined ? {} : { workspace }),
        ...(mode === undefined ? {} : { mode: mode as Mode }),
        ...(type === undefined ? {} : { type: type as EventType }),
      }),
    };
  },
};

const EXACT: Record<string, AdminAction> = { ...ACTIONS };
const PATTERNS: PatternAction[] = [];
for (const [key, run] of Object.entries(WEBHOOK_ACTIONS)) {
  const [method, path] = key.split(' ') as [string, string];
  if (path.includes('{')) PATTERNS.push({ method, segments: path.split('/'), run });
  else EXACT[key] = (engine, body, query) => run(engine, body, query, {});
}

/** The control for a method and path, with its path parameters bound. */
function findAction(method: string, path: string): AdminAction | undefined {
  const exact = EXACT[`${method} ${path}`];
  if (exact !== undefined) return exact;
  const segments = path.split('/');
  for (const pattern of PATTERNS) {
    if (pattern.method !== method || pattern.segments.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matched = pattern.segments.every((want, i) => {
      const have = segments[i] as string;
      if (!want.startsWith('{')) return want === have;
      params[want.slice(1, -1)] = decodeURIComponent(have);
      return have !== '';
    });
    if (matched) return (engine, body, query) => pattern.run(engine, body, query, params);
  }
  return undefined;
}

function reply(status: number, requestId: string, body: unknown): MockResponse {
  return {
    status,
    headers: { 'Content-Type': JSON_TYPE, 'X-Request-Id': requestId },
    body: JSON.stringify(body),
  };
}

function adminError(status: number, requestId: string, message: string): MockResponse {
  const code = status === 404 ? 'not_found' : 'invalid_request';
  return reply(status, requestId, {
    error: { type: 'invalid_request_error', code, message, request_id: requestId },
  });
}

/** Builds the `/__mock/` handler for an engine. `basePath` is where the API itself lives. */
export function createAdmin(
  engine: Engine,
  basePath: string,
): (request: MockRequest, requestId: string) => MockResponse {
  return (request, requestId) => {
    let action: AdminAction | undefined;
    try {
      action = findAction(request.method, request.path.replace(/\/$/, ''));
    } catch {
      action = undefined; // a malformed percent-encoding names no control
    }
    if (action === undefined) {
      return adminError(
        404,
        requestId,
        `There is no mock control at ${request.method} ${request.path}. See GET /__mock/inspect and the mock server docs.`,
      );
    }
    let body: Record<string, unknown> = {};
    if (request.body.trim() !== '') {
      try {
        const parsed: unknown = JSON.parse(request.body);
        if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
          throw new TypeError('the body must be a JSON object');
        body = parsed as Record<string, unknown>;
      } catch (error) {
        return adminError(
          400,
          requestId,
          error instanceof TypeError ? error.message : 'the body is not valid JSON',
        );
      }
    }
    try {
      return reply(200, requestId, action(engine, body, request.query, basePath));
    } catch (error) {
      const message =
        error instanceof TypeError || error instanceof RangeError
          ? error.message
          : 'the control failed';
      return adminError(400, requestId, message);
    }
  };
}
