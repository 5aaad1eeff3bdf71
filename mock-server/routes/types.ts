/**
 * The request and response every door speaks: plain values, no `Request`/`Response` objects (they
 * are slow in Node) and no streams. A door turns its own request into a `MockRequest`, calls the
 * pipeline's `handle`, and writes the `MockResponse` back its own way.
 */
import type * as z from 'zod/mini';
import type { Engine } from '../engine/engine.ts';
import type { Bucket } from '../engine/rate-limits.ts';
import type { Space } from '../engine/space.ts';

/** A request as the mock's pipeline (`mock.handle`) takes it. */
export interface MockRequest {
  /** Upper-case HTTP method. */
  method: string;
  /** The URL path, without the query string, e.g. `/v1/score`. */
  path: string;
  /** The query string's parameters. */
  query: URLSearchParams;
  /** A header by lower-case name. */
  headers: (name: string) => string | undefined;
  /** The raw body ('' when there is none). */
  body: string;
  /** Set by a door that stopped reading a body over the size limit (`body` is then empty). */
  bodyTooLarge?: boolean;
}

/** A response as the mock's pipeline (`mock.handle`) returns it. */
export interface MockResponse {
  /** The HTTP status code. */
  status: number;
  /** Header names as the API writes them (`X-Request-Id`, ...). */
  headers: Record<string, string>;
  /** JSON already serialised, or CSV. */
  body: string;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteContext<Body = undefined, Query = undefined> {
  readonly engine: Engine;
  /** The workspace and mode the key opened. */
  readonly space: Space;
  /** Path parameters, decoded, e.g. `{ id: 'scr_…' }`. */
  readonly params: Readonly<Record<string, string>>;
  /** The validated body (routes with a body schema). */
  readonly body: Body;
  /** The validated query (routes with a query schema). */
  readonly query: Query;
  /** A JSON response; adds `"mode": "test"` for test keys. */
  json(status: number, body: object, headers?: Record<string, string>): MockResponse;
}

export interface Route<Body = unknown, Query = unknown> {
  readonly method: HttpMethod;
  /** The path as `openapi.yaml` writes it, relative to the base URL: `/score/{id}`. */
  readonly path: string;
  /** The `operationId` in `openapi.yaml`. */
  readonly operation: string;
  /** Which rate limit the route counts against. */
  readonly bucket: Bucket;
  readonly body?: z.ZodMiniType<Body>;
  readonly query?: z.ZodMiniType<Query>;
  /** Checks the parsed body before the schema does, for rules a schema says poorly. Throws a 400. */
  readonly precheck?: (raw: unknown) => void;
  readonly handler: (request: MockRequest, context: RouteContext<Body, Query>) => MockResponse;
}

/** Declares a route, inferring the body and query types from their schemas. */
export function route<Body = undefined, Query = undefined>(definition: Route<Body, Query>): Route {
  return definition as unknown as Route;
}
