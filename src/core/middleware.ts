/**
 * Middleware: functions that wrap every attempt the client sends, inside its retry loop. Each one
 * sees the request as it is about to go out and the response (body already read, so its time is
 * in the attempt) or the error, and can change either.
 *
 * @example
 * const iiq = new IntentIQ({
 *   middleware: [
 *     async (request, next) => {
 *       request.headers.set('x-team', 'growth');
 *       const started = performance.now();
 *       try {
 *         return await next(request);
 *       } finally {
 *         console.log(request.operation, request.attempt, performance.now() - started);
 *       }
 *     },
 *   ],
 * });
 */

/** One attempt of a call, as middleware sees it. */
export interface MiddlewareRequest {
  /** The SDK method, e.g. `scores.create`. */
  readonly operation: string;
  /** 1 for the first attempt, 2 for the first retry, ... */
  readonly attempt: number;
  /** The `Idempotency-Key` every attempt of this write carries; `null` on reads. */
  readonly idempotencyKey: string | null;
  /** Aborts when the caller's signal does or the attempt's timeout passes. */
  readonly signal: AbortSignal;
  method: string;
  url: string;
  /**
   * What will be sent, with lower-case names. `authorization` shows only the key's prefix
   * (`Bearer iiq_test_***`), so logging the headers never logs the key; the client puts the
   * real key back as the request leaves, and ignores an `authorization` set here.
   */
  headers: Headers;
  /**
   * The JSON body, a `FormData` for a file upload (`bulk.createFromCsv`), or `undefined` for a
   * request without one.
   */
  body: string | FormData | undefined;
}

/** Sends the request through the rest of the chain and, at its end, `fetch`. */
export type MiddlewareNext = (request: MiddlewareRequest) => Promise<Response>;

/**
 * Wraps each attempt. Call `next(request)` once to send it (or return a `Response` of your own
 * without calling it). Do not read the body of the response you return: read a
 * `response.clone()`, or return `new Response(text, response)`. An error you throw ends the call
 * with that error, as it is; an error `next` throws (a network failure, a cut-off body, a timeout)
 * is retried by the client if you let it through.
 */
export type Middleware = (request: MiddlewareRequest, next: MiddlewareNext) => Promise<Response>;
