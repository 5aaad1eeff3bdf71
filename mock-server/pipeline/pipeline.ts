/**
 * The one pipeline every request goes through, whatever the door: request ID, routing, auth, rate
 * limit, fault injection, body size, JSON parsing and validation, idempotency, the route handler,
 * error rendering and the headers every response carries. Route handlers are left with the
 * few lines that are specific to them.
 */
import type { MockContext } from '../context.ts';
import { MockApiError } from '../kernel/errors.ts';
import type { Fault, Faults } from '../kernel/faults.ts';
import { fingerprint } from '../kernel/idempotency.ts';
import type { Bucket, RateState } from '../kernel/rate-limits.ts';
import { creditsView } from '../tenancy/credits.ts';
import type { KeyRecord } from '../tenancy/keys.ts';
import { planRequired } from '../tenancy/plans.ts';
import type { Space } from '../tenancy/workspace.ts';
import { authenticate, requireScope } from './auth.ts';
import { codeForStatus } from './error-body.ts';
import type { RequestJournal } from './journal.ts';
import { cutField } from './json-depth.ts';
import { formFingerprint, isMultipart, type MultipartForm, parseForm } from './multipart.ts';
import { asApiError, errorResponse, finish, jsonResponse, withQuota } from './respond.ts';
import type { MockRequest, MockResponse, Route, RouteContext, TransportFault } from './route.ts';
import { Router } from './router.ts';
import {
  bodyTooLarge,
  MAX_BODY_BYTES,
  parseJsonBody,
  queryObject,
  validate,
} from './validation.ts';

export type Handle = (request: MockRequest) => MockResponse;

/** What the pipeline runs on: the areas' context, plus the kernel's faults and its `sync`. */
export interface PipelineHost extends MockContext {
  readonly faults: Faults;
  /** Runs what is due now, before each request. */
  sync(): void;
}

export interface PipelineOptions {
  /** The base URL's path, e.g. `/v1`. */
  basePath: string;
  routes: readonly Route[];
  /** Answers `/__mock/…` requests. */
  admin?: (request: MockRequest, requestId: string) => MockResponse;
  /** Records every API request answered. */
  journal?: RequestJournal;
}

/** One request on its way through the pipeline, once its route and workspace are known. */
interface Call {
  request: MockRequest;
  route: Route;
  params: Record<string, string>;
  space: Space;
  key: KeyRecord;
  mode: 'test' | undefined;
  requestId: string;
  rate: RateState;
  now: number;
  /** `performance.now()` when the request arrived. */
  started: number;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const ADMIN_PREFIX = '/__mock/';

/** Nominal figures for responses sent before a workspace is known (401, unknown paths). */
function anonymousRate(now: number): RateState {
  return { limit: 600, remaining: 600, resetAt: now + 60_000 };
}

function testModeOfHeader(header: string | undefined): 'test' | undefined {
  return header !== undefined && /^Bearer\s+iiq_test_/i.test(header) ? 'test' : undefined;
}

function rateLimited(bucket: Bucket, wait: number): MockApiError {
  const what = { score: 'score requests', read: 'read requests', write: 'write requests' }[bucket];
  const hint = bucket === 'score' ? ', or use the bulk endpoint for batches' : '';
  return new MockApiError('rate_limited', `Too many ${what}. Retry after ${wait} seconds${hint}.`, {
    retryAfter: wait,
  });
}

/** What a door is told to do to a response: reset the connection, hold it, or cut its body. */
function withFault(response: MockResponse, fault: Fault): MockResponse {
  const kind = fault.kind as TransportFault['kind'];
  return { ...response, fault: fault.ms === null ? { kind } : { kind, ms: fault.ms } };
}

/** The placeholder behind a response the client never gets (a reset, a stall). */
function noAnswer(): MockResponse {
  return { status: 0, headers: {}, body: '' };
}

function injectedFailure(fault: Fault): MockApiError {
  const status = fault.status ?? 500;
  const code = codeForStatus(status);
  return new MockApiError(
    code,
    `Injected failure (${status}) for testing.`,
    code === 'rate_limited' ? { retryAfter: 1 } : {},
  );
}

/** A request's input once read: the JSON body or the form, and the query. */
interface Input {
  body: unknown;
  query: unknown;
  form?: MultipartForm;
}

/** The validated body and query of a request; throws a 400 (such failures are never stored). */
function readInput(route: Route, request: MockRequest): Input {
  const form = route.multipart !== undefined && isMultipart(request) ? route.multipart : undefined;
  if (bodyTooLarge(request)) {
    throw new MockApiError(
      'invalid_request',
      `The request body is larger than ${MAX_BODY_BYTES} bytes. Split the request (bulk jobs take up to 1,000 domains).`,
      form === undefined ? {} : { field: form.files[0] },
    );
  }
  const readQuery = () =>
    route.query === undefined
      ? undefined
      : validate(route.query, queryObject(request.query, route.queryLists));
  if (form !== undefined) {
    return { body: undefined, query: readQuery(), form: parseForm(request, form.files) };
  }
  let body: unknown;
  if (route.body !== undefined) {
    const raw =
      route.optionalBody === true && request.body.trim() === '' ? {} : parseJsonBody(request.body);
    route.precheck?.(raw);
    body = validate(route.body, raw);
  }
  return { body, query: readQuery() };
}

export function createPipeline(host: PipelineHost, options: PipelineOptions): Handle {
  const router = new Router(options.routes);
  const base = options.basePath.replace(/\/$/, '');
  const journal = options.journal;

  /** Records the exchange in the journal, if any, and returns the response. */
  function respond(
    request: MockRequest,
    route: Route | null,
    response: MockResponse,
    details: { requestId: string; at: number; started: number; injected?: boolean },
  ): MockResponse {
    journal?.record(request, response, {
      requestId: details.requestId,
      route,
      injected: details.injected ?? false,
      at: details.at,
      durationMs: Math.round((performance.now() - details.started) * 1_000) / 1_000,
    });
    return response;
  }

  function send(call: Call, response: MockResponse, injected = false): MockResponse {
    return respond(
      call.request,
      call.route,
      withQuota(
        finish(response, call.requestId, call.rate, call.now),
        creditsView(call.space.workspace, call.now),
      ),
      { requestId: call.requestId, at: call.now, started: call.started, injected },
    );
  }

  function fail(call: Call, error: unknown): MockResponse {
    return send(call, errorResponse(asApiError(error), call.requestId, call.mode));
  }

  function runHandler(call: Call, input: Input): MockResponse {
    const context: RouteContext<unknown, unknown> = {
      ctx: host,
      space: call.space,
      key: { mode: call.key.mode, scope: call.key.scope, last4: call.key.last4 },
      params: call.params,
      body: input.body,
      query: input.query,
      json: (status, payload, headers) => jsonResponse(status, payload, call.mode, headers),
    };
    try {
      const multipart = call.route.multipart;
      if (input.form !== undefined && multipart !== undefined) {
        return multipart.handler(call.request, { ...context, body: undefined, form: input.form });
      }
      return call.route.handler(call.request, context);
    } catch (error) {
      return errorResponse(asApiError(error), call.requestId, call.mode);
    }
  }

  /** Runs the handler once per `Idempotency-Key`: a repeat is replayed, a different body is 409. */
  function idempotently(call: Call, input: Input): MockResponse {
    const key = WRITES.has(call.request.method)
      ? call.request.headers('idempotency-key')
      : undefined;
    if (key === undefined) return send(call, runHandler(call, input));
    if (key.length < 1 || key.length > 255) {
      const message = 'Idempotency-Key must be 1 to 255 characters long.';
      return fail(call, new MockApiError('invalid_request', message, { field: 'Idempotency-Key' }));
    }
    const print = fingerprint(
      call.request.method,
      call.request.path,
      input.form === undefined ? input.body : formFingerprint(input.form),
    );
    const found = call.space.idempotency.lookup(key, print, call.now);
    if (found.kind === 'conflict') {
      const message =
        'This Idempotency-Key was already used with a different request body. Use a new key for a new request.';
      return fail(call, new MockApiError('idempotency_conflict', message));
    }
    if (found.kind === 'replay') {
      const { status, headers, body } = found.response;
      return send(call, { status, headers: { ...headers, 'Idempotency-Replayed': 'true' }, body });
    }
    const response = runHandler(call, input);
    // Transient failures (429, 5xx) are not results: a retry with the same key runs again. A
    // request refused as invalid (400) is not stored either, whichever check refused it.
    if (response.status !== 400 && response.status !== 429 && response.status < 500) {
      call.space.idempotency.store(
        key,
        print,
        { ...response, headers: { ...response.headers } },
        call.now,
      );
    }
    return send(call, response);
  }

  return function handle(request: MockRequest): MockResponse {
    const started = performance.now();
    host.sync();
    const requestId = host.ids.next('req');
    const now = host.clock.now();
    const path = request.path;
    if (path.startsWith(ADMIN_PREFIX) && options.admin !== undefined) {
      return options.admin(request, requestId);
    }

    const anonymous = (error: MockApiError, route: Route | null) => {
      const response = errorResponse(
        error,
        requestId,
        testModeOfHeader(request.headers('authorization')),
      );
      return respond(request, route, finish(response, requestId, anonymousRate(now), now), {
        requestId,
        at: now,
        started,
      });
    };
    if (request.malformed !== undefined) {
      // Not an API request (the door could not read one): answered, not journaled.
      const { status, field, message } = request.malformed;
      const error = new MockApiError('invalid_request', message, { field });
      const response = errorResponse(error, requestId, undefined);
      return finish({ ...response, status }, requestId, anonymousRate(now), now);
    }
    const match = path.startsWith(`${base}/`)
      ? router.match(request.method, path.slice(base.length))
      : ({ kind: 'not_found' } as const);
    if (match.kind === 'method_not_allowed') {
      const message = `${cutField(request.method)} is not supported on ${cutField(path)}; use ${match.allowed.join(' or ')}.`;
      return anonymous(new MockApiError('not_found', message), null);
    }
    if (match.kind === 'not_found') {
      // The path is echoed cut, as field names are: mock.fetch takes a URL of any length.
      const message = `There is no endpoint at ${cutField(`${request.method} ${path}`)}. Check the path against the API reference (the base URL ends in ${base || '/'}).`;
      return anonymous(new MockApiError('not_found', message), null);
    }

    let space: Space;
    let key: KeyRecord;
    try {
      ({ space, key } = authenticate(host.tenants, request.headers('authorization')));
    } catch (error) {
      return anonymous(asApiError(error), match.route);
    }
    const { route, params } = match;
    const rate = space.workspace.rateLimits[route.bucket].hit(now);
    const mode = space.mode === 'test' ? 'test' : undefined;
    const call: Call = { request, route, params, space, key, mode, requestId, rate, now, started };
    if (!rate.allowed) return fail(call, rateLimited(route.bucket, rate.retryAfter ?? 1));
    // The scope is the key's, not the body's: a read key is refused before its body is read.
    try {
      // Named by its template (`/v1/watchlists/{id}`): an ID from the request is never echoed.
      requireScope(key, request.method, `${base}${route.path}`);
    } catch (error) {
      return fail(call, error);
    }

    const fault = host.faults.take(request.method, path.slice(base.length), route.path);
    if (fault?.kind === 'status') {
      const response = errorResponse(injectedFailure(fault), requestId, mode);
      return send(call, { ...response, status: fault.status ?? 500 }, true);
    }
    if (fault?.kind === 'reset' || fault?.kind === 'stall') {
      // The request never reaches the API: no answer, and nothing done.
      return send(call, withFault(noAnswer(), fault), true);
    }

    const plans = route.plans;
    if (plans !== undefined && !plans.names.includes(space.workspace.plan.name)) {
      return fail(call, planRequired(plans.feature, plans.names, space.workspace.plan.name));
    }

    let input: Input;
    try {
      input = readInput(route, request);
    } catch (error) {
      return fail(call, error);
    }
    const response = idempotently(call, input);
    return fault === undefined ? response : withFault(response, fault);
  };
}
