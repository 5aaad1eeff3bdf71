/**
 * The request journal of one mock: every API request it answered, newest first, so a test can
 * assert what its code sent ("my code called POST /v1/score with stripe.com"), the way WireMock's
 * `verify` does. Bounded: the newest 1,000 requests, and at most 8 MiB of request bodies; the
 * oldest are forgotten first. Cleared by `reset()`. The key is never kept: the Authorization header
 * is recorded as its last four characters only.
 *
 * What counts against the 8 MiB is everything kept of a request that can be large: its body, path
 * and query string. A body over the API's 1 MB limit is refused, and not kept either.
 *
 * Listeners see each exchange with the response as sent (the contract test checks them against
 * `openapi.yaml`). `/__mock/` controls are not part of the API and are not journaled.
 */
import { isoSeconds, parseInstant } from '../kernel/clock.ts';
import { tooDeep } from './json-depth.ts';
import type { MockRequest, MockResponse, Route } from './route.ts';
import { bodyTooLarge, utf8Bytes } from './validation.ts';

/** The most requests a journal keeps. */
export const MAX_JOURNAL_ENTRIES = 1_000;
/** The most bytes of request bodies, paths and query strings a journal keeps. */
export const MAX_JOURNAL_BODY_BYTES = 8 * 1_048_576;

/** One request the mock answered, as `mock.requests.list()` and `GET /__mock/requests` show it. */
export interface JournalEntry {
  /** The `X-Request-Id` the mock answered with. */
  request_id: string;
  method: string;
  /** The URL path, e.g. `/v1/score`. */
  path: string;
  /** The `operationId` of `openapi.yaml` that answered, or null for an unknown path. */
  operation: string | null;
  /** Query parameters; a repeated one is a list. */
  query: Record<string, string | string[]>;
  /**
   * The JSON body, parsed; the text when it is not JSON (or nests deeper than the API allows);
   * null when there was none, or when it was over the API's 1 MB limit.
   */
  body: unknown;
  status: number;
  /** Real milliseconds the mock took to answer. */
  duration_ms: number;
  /** When the mock received it, on the mock's clock. */
  at: string;
  /** The key's last four characters (`…a1B2`), or null without an Authorization header. */
  authorization: string | null;
}

/** Filters of `mock.requests.list()`. */
export interface JournalQuery {
  /** Only this method (any case). */
  method?: string;
  /** Only this path: the full path (`/v1/score`) or the path under the base URL (`/score`). */
  path?: string;
  /** Only requests received at or after this instant (mock time). */
  since?: Date | number | string;
}

/** An exchange as journal listeners see it. */
export interface Exchange {
  readonly entry: JournalEntry;
  readonly response: MockResponse;
  /** The route that answered; null when no route matched. */
  readonly route: Pick<Route, 'method' | 'path' | 'operation'> | null;
  /** A response forced by fault injection. */
  readonly injected: boolean;
}

/** Told about each exchange as the mock answers it (`mock.requests.subscribe`). */
export type ExchangeListener = (exchange: Exchange) => void;

interface Recorded {
  requestId: string;
  method: string;
  path: string;
  operation: string | null;
  /** The query string, without `?`. */
  query: string;
  body: string;
  /** What this entry counts against `MAX_JOURNAL_BODY_BYTES`. */
  size: number;
  status: number;
  durationMs: number;
  at: number;
  authorization: string | null;
}

function lastFour(header: string | undefined): string | null {
  if (header === undefined) return null;
  const trimmed = header.trimEnd();
  const token = trimmed.slice(Math.max(trimmed.search(/\S+$/), 0));
  return token.length < 8 ? '…' : `…${token.slice(-4)}`;
}

function parsedBody(body: string): unknown {
  if (body === '') return null;
  // Parsed, a body nested 100,000 levels deep would break whatever renders the entry.
  if (tooDeep(body) !== undefined) return body;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

function queryObject(query: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (query === '') return out;
  for (const [key, value] of new URLSearchParams(query)) {
    const previous = out[key];
    out[key] = previous === undefined ? value : [...[previous].flat(), value];
  }
  return out;
}

function render(entry: Recorded): JournalEntry {
  return {
    request_id: entry.requestId,
    method: entry.method,
    path: entry.path,
    operation: entry.operation,
    query: queryObject(entry.query),
    body: parsedBody(entry.body),
    status: entry.status,
    duration_ms: entry.durationMs,
    at: isoSeconds(entry.at),
    authorization: entry.authorization,
  };
}

export class RequestJournal {
  readonly #basePath: string;
  readonly #listeners = new Set<ExchangeListener>();
  #entries: Recorded[] = [];
  #bodyBytes = 0;

  constructor(basePath: string) {
    this.#basePath = basePath;
  }

  /** Records one answered request and tells the listeners. */
  record(
    request: MockRequest,
    response: MockResponse,
    details: {
      requestId: string;
      route: Route | null;
      injected: boolean;
      at: number;
      durationMs: number;
    },
  ): void {
    const query = request.query.size === 0 ? '' : request.query.toString();
    // A body over the limit was refused, and is not kept either.
    const body = bodyTooLarge(request) ? '' : request.body;
    const entry: Recorded = {
      requestId: details.requestId,
      method: request.method,
      path: request.path,
      operation: details.route?.operation ?? null,
      query,
      body,
      size: utf8Bytes(body) + utf8Bytes(request.path) + utf8Bytes(query),
      status: response.status,
      durationMs: details.durationMs,
      at: details.at,
      authorization: lastFour(request.headers('authorization')),
    };
    this.#entries.push(entry);
    this.#bodyBytes += entry.size;
    while (
      this.#entries.length > MAX_JOURNAL_ENTRIES ||
      (this.#bodyBytes > MAX_JOURNAL_BODY_BYTES && this.#entries.length > 1)
    ) {
      const oldest = this.#entries.shift() as Recorded;
      this.#bodyBytes -= oldest.size;
    }
    if (this.#listeners.size === 0) return;
    const exchange: Exchange = {
      entry: render(entry),
      response,
      route: details.route,
      injected: details.injected,
    };
    for (const listener of this.#listeners) listener(exchange);
  }

  /** The requests kept, newest first, filtered. */
  list(query: JournalQuery = {}): JournalEntry[] {
    const method = query.method?.toUpperCase();
    const path = query.path;
    const since = query.since === undefined ? undefined : parseInstant(query.since);
    const out: JournalEntry[] = [];
    for (let i = this.#entries.length - 1; i >= 0; i--) {
      const entry = this.#entries[i] as Recorded;
      if (since !== undefined && entry.at < since) break;
      if (method !== undefined && entry.method !== method) continue;
      if (path !== undefined && entry.path !== path && entry.path !== `${this.#basePath}${path}`) {
        continue;
      }
      out.push(render(entry));
    }
    return out;
  }

  /** Calls `listener` with every exchange from now on; returns a function that unsubscribes. */
  subscribe(listener: ExchangeListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Forgets every request (listeners stay). */
  clear(): void {
    this.#entries = [];
    this.#bodyBytes = 0;
  }
}
