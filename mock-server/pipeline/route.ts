/**
 * The request and response every door speaks, and the shape of a route. Requests and responses are
 * plain values, no `Request`/`Response` objects (they are slow in Node) and no streams: a door turns
 * its own request into a `MockRequest`, calls the pipeline's `handle`, and writes the `MockResponse`
 * back its own way.
 *
 * A route names its path and method as `openapi.yaml` writes them, and is typed from the generated
 * `paths`: a path or method the spec does not have is a compile error, and the path parameters a
 * handler reads are the ones the spec declares.
 */
import type * as z from 'zod/mini';
import type { operations, paths } from '../../src/generated/openapi.ts';
import type { MockContext } from '../context.ts';
import type { Bucket } from '../kernel/rate-limits.ts';
import type { KeyScope, Mode } from '../tenancy/keys.ts';
import type { PlanName } from '../tenancy/plans.ts';
import type { Space } from '../tenancy/workspace.ts';

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
  /**
   * The raw body as bytes, when the door has them: a door should pass them for
   * `multipart/form-data`, whose files may not be text. Without them, `body` is encoded as UTF-8.
   */
  bytes?: Uint8Array;
  /** Set by a door that stopped reading a body over the size limit (`body` is then empty). */
  bodyTooLarge?: boolean;
  /** Set by a door whose HTTP parser refused the request: answered with this error, nothing else. */
  malformed?: { status: 400 | 431; field: string; message: string };
}

/** A response as the mock's pipeline (`mock.handle`) returns it. */
export interface MockResponse {
  /** The HTTP status (0 when a fault means the client gets no answer at all). */
  status: number;
  /** Header names as the API writes them (`X-Request-Id`, ...). */
  headers: Record<string, string>;
  /** JSON already serialised, or CSV. */
  body: string;
  /** An injected fault the door carries out (see `mock.faults.inject`). */
  fault?: TransportFault;
}

/**
 * A fault a door carries out on the way back: `reset` (no answer), `stall` (no answer for `ms`,
 * then a reset), `latency` (the answer, `ms` late), `cut` (headers and part of the body, then a
 * reset), `commit_then_drop` (the request was handled, then the connection reset).
 */
export interface TransportFault {
  kind: 'reset' | 'stall' | 'latency' | 'cut' | 'commit_then_drop';
  /** Real milliseconds, for `stall` and `latency`. */
  ms?: number;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A path of the API, relative to its base URL, as `openapi.yaml` writes it: `/score/{id}`. */
export type ApiPath = keyof paths & string;

type OperationAt<P extends ApiPath, M extends HttpMethod> = paths[P][Lowercase<M>];

/** The methods `openapi.yaml` defines on a path. */
export type MethodOf<P extends ApiPath> = {
  [M in HttpMethod]: OperationAt<P, M> extends undefined ? never : M;
}[HttpMethod];

/** The path parameters of an operation, by name (none: an empty object). */
export type PathParams<P extends ApiPath, M extends HttpMethod> =
  OperationAt<P, M> extends { parameters: { path: infer Params } }
    ? [NonNullable<Params>] extends [never]
      ? Record<never, string>
      : NonNullable<Params>
    : Record<never, string>;

export interface RouteContext<
  Body = undefined,
  Query = undefined,
  Params = Record<string, string>,
> {
  readonly ctx: MockContext;
  /** The workspace and mode the key opened. */
  readonly space: Space;
  /** The key the request was made with, as `GET /account` shows it (never the key itself). */
  readonly key: { readonly mode: Mode; readonly scope: KeyScope; readonly last4: string };
  /** Path parameters, decoded, e.g. `{ id: 'scr_…' }`. */
  readonly params: Readonly<Params>;
  /** The validated body (routes with a body schema). */
  readonly body: Body;
  /** The validated query (routes with a query schema). */
  readonly query: Query;
  /** A JSON response; adds `"mode": "test"` for test keys. */
  json(status: number, body: object, headers?: Record<string, string>): MockResponse;
}

/** A file part of a form. */
export interface FormFile {
  /** The file name the client gave, if any. */
  readonly filename: string | undefined;
  /** The part's media type, e.g. `text/csv`, if given. */
  readonly mediaType: string | undefined;
  readonly bytes: Uint8Array;
}

/** A parsed `multipart/form-data` body (`pipeline/multipart.ts` parses it). */
export interface MultipartForm {
  /** Text fields, by name. */
  readonly fields: ReadonlyMap<string, string>;
  /** File parts, by field name. */
  readonly files: ReadonlyMap<string, FormFile>;
}

/** The context of a `multipart/form-data` request: the parsed form instead of a JSON body. */
export interface MultipartContext<Query = undefined, Params = Record<string, string>>
  extends RouteContext<undefined, Query, Params> {
  readonly form: MultipartForm;
}

/**
 * A route that also takes `multipart/form-data` (a file upload). The body keeps the 1 MB limit;
 * a body over it is `400` on the first of `files`.
 */
export interface MultipartOption<Query = unknown, Params = Record<string, string>> {
  /** The names of the parts that carry files (read as bytes, whatever their headers say). */
  readonly files: readonly [string, ...string[]];
  readonly handler: (
    request: MockRequest,
    context: MultipartContext<Query, Params>,
  ) => MockResponse;
}

/** A row of the route table. */
export interface Route<Body = unknown, Query = unknown, Params = Record<string, string>> {
  readonly method: HttpMethod;
  /** The path as `openapi.yaml` writes it, relative to the base URL: `/score/{id}`. */
  readonly path: ApiPath;
  /** The `operationId` in `openapi.yaml`. */
  readonly operation: keyof operations;
  /** Which rate limit the route counts against. */
  readonly bucket: Bucket;
  readonly body?: z.ZodMiniType<Body>;
  readonly query?: z.ZodMiniType<Query>;
  /** Query parameters that are lists, the parameter repeated once per item (`?id=a&id=b`). */
  readonly queryLists?: readonly string[];
  /** Checks the parsed body before the schema does, for rules a schema says poorly. Throws a 400. */
  readonly precheck?: (raw: unknown) => void;
  /** Also accept `multipart/form-data`, answered by its own handler. */
  readonly multipart?: MultipartOption<Query, Params>;
  /** The body may be left out altogether; it is then read as `{}`. */
  readonly optionalBody?: boolean;
  /**
   * The plans that include the route, and what it is called in the refusal: other plans get
   * `403 plan_required`, before the input is read.
   */
  readonly plans?: { readonly names: readonly PlanName[]; readonly feature: string };
  readonly handler: (
    request: MockRequest,
    context: RouteContext<Body, Query, Params>,
  ) => MockResponse;
}

/** Declares a route: its path and method are checked against the spec, its types inferred. */
export function route<
  P extends ApiPath,
  M extends MethodOf<P>,
  Body = undefined,
  Query = undefined,
>(
  definition: Route<Body, Query, PathParams<P, M>> & { readonly path: P; readonly method: M },
): Route {
  return definition as unknown as Route;
}
