/**
 * The one pipeline every request goes through, whatever the door: request ID, routing, auth, rate
 * limit, fault injection, body size, JSON parsing and validation, idempotency, the route handler,
 * error rendering and the headers every response carries. Route handlers are left with the
 * few lines that are specific to them.
 */
import type { Engine } from '../engine/engine.ts';
import { MockApiError } from '../engine/errors.ts';
import { fingerprint } from '../engine/idempotency.ts';
import type { RateState } from '../engine/rate-limits.ts';
import type { Space } from '../engine/space.ts';
import { authenticate } from './auth.ts';
import { codeForStatus } from './errors.ts';
import { observer } from './observer.ts';
import { asApiError, errorResponse, finish, jsonResponse } from './respond.ts';
import { Router } from './router.ts';
import type { MockRequest, MockResponse, Route, RouteContext } from './types.ts';
import { MAX_BODY_BYTES, parseJsonBody, queryObject, validate } from './validation.ts';

export type Handle = (request: MockRequest) => MockResponse;

export interface PipelineOptions {
  /** The base URL's path, e.g. `/v1`. */
  basePath: string;
  routes: readonly Route[];
  /** Answers `/__mock/…` requests. */
  admin?: (request: MockRequest, requestId: string) => MockResponse;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const ADMIN_PREFIX = '/__mock/';

/** Nominal figures for responses sent before a workspace is known (401, unknown paths). */
function anonymousRate(now: number): RateState {
  return { limit: 600, remaining: 600, resetAt: now + 60_000 };
}

function bodyTooLarge(body: string): boolean {
  // Characters never outnumber UTF-8 bytes, so only long bodies need an exact count.
  return body.length > MAX_BODY_BYTES / 3 && new TextEncoder().encode(body).length > MAX_BODY_BYTES;
}

function testModeOfHeader(header: string | undefined): 'test' | undefined {
  return header !== undefined && /^Bearer\s+iiq_test_/i.test(header) ? 'test' : undefined;
}

export function createPipeline(engine: Engine, options: PipelineOptions): Handle {
  const router = new Router(options.routes);
  const base = options.basePath.replace(/\/$/, '');

  function respond(
    request: MockRequest,
    route: Route | null,
    response: MockResponse,
    extra: { admin?: boolean; injected?: boolean } = {},
  ): MockResponse {
    const watch = observer();
    if (watch !== undefined) {
      watch({
        request,
        route,
        response,
        admin: extra.admin ?? false,
        injected: extra.injected ?? false,
      });
    }
    return response;
  }

  function run(
    route: Route,
    params: Record<string, string>,
    request: MockRequest,
    space: Space,
    requestId: string,
    rate: RateState,
  ): MockResponse {
    const now = engine.clock.now();
    const mode = space.mode === 'test' ? 'test' : undefined;
    const fail = (error: unknown) =>
      finish(errorResponse(asApiError(error), requestId, mode), requestId, rate, now);

    const fault = engine.faults.take(request.method, request.path.slice(base.length));
    if (fault !== undefined) {
      const code = codeForStatus(fault.status);
      const error = new MockApiError(
        code,
        `Injected failure (${fault.status}) for testing.`,
        code === 'rate_limited' ? { retryAfter: 1 } : {},
      );
      const response = fail(error);
      response.status = fault.status;
      return respond(request, route, response, { injected: true });
    }

    let body: unknown;
    let query: unknown;
    try {
      if (request.bodyTooLarge === true || bodyTooLarge(request.body)) {
        throw new MockApiError(
          'invalid_request',
          `The request body is larger than ${MAX_BODY_BYTES} bytes. Split the request (bulk jobs take up to 1,000 domains).`,
        );
      }
      if (route.body !== undefined) {
        const raw = parseJsonBody(request.body);
        route.precheck?.(raw);
        body = validate(route.body, raw);
      }
      if (route.query !== undefined) query = validate(route.query, queryObject(request.query));
    } catch (error) {
      return respond(request, route, fail(error)); // validation failures are never stored
    }

    const key = WRITES.has(request.method) ? request.headers('idempotency-key') : undefined;
    let print = '';
    if (key !== undefined) {
      if (key.length < 1 || key.length > 255) {
        return respond(
          request,
          route,
          fail(
            new MockApiError(
              'invalid_request',
              'Idempotency-Key must be 1 to 255 characters long.',
              { field: 'Idempotency-Key' },
            ),
          ),
        );
      }
      print = fingerprint(request.method, request.path, body);
      const found = space.idempotency.lookup(key, print, now);
      if (found.kind === 'conflict') {
        return respond(
          request,
          route,
          fail(
            new MockApiError(
              'idempotency_conflict',
              'This Idempotency-Key was already used with a different request body. Use a new key for a new request.',
            ),
          ),
        );
      }
      if (found.kind === 'replay') {
        const stored = found.response;
        const replay = {
          status: stored.status,
          headers: { ...stored.headers, 'Idempotency-Replayed': 'true' },
          body: stored.body,
        };
        return respond(request, route, finish(replay, requestId, rate, now));
      }
    }

    const context: RouteContext<unknown, unknown> = {
      engine,
      space,
      params,
      body,
      query,
      json: (status, payload, headers) => jsonResponse(status, payload, mode, headers),
    };
    let response: MockResponse;
    try {
      response = route.handler(request, context);
    } catch (error) {
      response = errorResponse(asApiError(error), requestId, mode);
    }
    // Transient failures (429, 5xx) are not results: a retry with the same key runs again.
    if (key !== undefined && response.status !== 429 && response.status < 500) {
      space.idempotency.store(key, print, { ...response, headers: { ...response.headers } }, now);
    }
    return respond(request, route, finish(response, requestId, rate, now));
  }

  return function handle(request: MockRequest): MockResponse {
    engine.sync();
    const requestId = engine.ids.next('req');
    const now = engine.clock.now();
    const path = request.path;

    if (path.startsWith(ADMIN_PREFIX) && options.admin !== undefined) {
      return respond(request, null, options.admin(request, requestId), { admin: true });
    }
    const mode = testModeOfHeader(request.headers('authorization'));
    const anonymous = (error: MockApiError, route: Route | null) =>
      respond(
        request,
        route,
        finish(errorResponse(error, requestId, mode), requestId, anonymousRate(now), now),
      );

    const match = path.startsWith(`${base}/`)
      ? router.match(request.method, path.slice(base.length))
      : { kind: 'not_found' as const };
    if (match.kind !== 'route') {
      const message =
        match.kind === 'method_not_allowed'
          ? `${request.method} is not supported on ${path}; use ${match.allowed.join(' or ')}.`
          : `There is no endpoint at ${request.method} ${path}. Check the path against the API reference (the base URL ends in ${base || '/'}).`;
      return anonymous(new MockApiError('not_found', message), null);
    }

    let space: Space;
    try {
      space = authenticate(engine, request.headers('authorization'));
    } catch (error) {
      return anonymous(asApiError(error), match.route);
    }
    const rate = space.rateLimits[match.route.bucket].hit(now);
    if (!rate.allowed) {
      const wait = rate.retryAfter ?? 1;
      const what =
        match.route.bucket === 'score'
          ? 'score requests'
          : match.route.bucket === 'read'
            ? 'read requests'
            : 'write requests';
      const error = new MockApiError(
        'rate_limited',
        `Too many ${what}. Retry after ${wait} seconds${match.route.bucket === 'score' ? ', or use the bulk endpoint for batches' : ''}.`,
        { retryAfter: wait },
      );
      return respond(
        request,
        match.route,
        finish(
          errorResponse(error, requestId, space.mode === 'test' ? 'test' : undefined),
          requestId,
          rate,
          now,
        ),
      );
    }
    return run(match.route, match.params, request, space, requestId, rate);
  };
}
