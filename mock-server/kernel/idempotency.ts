/**
 * Idempotency records: the first response to a write with an `Idempotency-Key` is kept for 24
 * hours, keyed by workspace, mode and key, with a fingerprint of the request (method, path and
 * body). The same request again is a replay; another request with the same key is a conflict.
 */
import { hash32 } from './random.ts';

export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;

export interface StoredResponse {
  readonly status: number;
  /** The route's own headers (`Content-Type`, `X-IIQ-Cache`), not the per-request ones. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface IdempotencyRecord {
  readonly fingerprint: string;
  readonly response: StoredResponse;
  readonly expiresAt: number;
}

/** Keys in a canonical order, so that `{"a":1,"b":2}` and `{"b":2,"a":1}` are the same request. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function fingerprint(method: string, path: string, body: unknown): string {
  const text = `${method} ${path} ${canonical(body)}`;
  return `${hash32(text, 1).toString(36)}${hash32(text, 2).toString(36)}:${text.length}`;
}

export type IdempotencyLookup =
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'conflict' }
  | { kind: 'new' };

/** The most records a mode keeps; past it, the oldest are forgotten early (memory stays bounded). */
export const MAX_IDEMPOTENCY_RECORDS = 10_000;

/**
 * The most response body a mode keeps in its records, in characters (the bodies are JSON, almost
 * always ASCII: a byte each). A record can hold a large answer (a watchlist's full account list,
 * a CSV job's rejected rows), so the count alone would not bound memory; past it, the oldest are
 * forgotten early too.
 */
export const MAX_IDEMPOTENCY_BYTES = 16 * 1_048_576;

/** The records of one mode of one workspace, forgotten 24 hours after they were stored. */
export class IdempotencyStore {
  readonly #records = new Map<string, IdempotencyRecord>();
  // Keys in the order they were stored. Time only moves forward, so the oldest records, the
  // first to expire, are always at the head: pruning never looks past the first live one.
  #order: string[] = [];
  #head = 0;
  /** The characters of the response bodies kept. */
  #bytes = 0;

  get size(): number {
    return this.#records.size;
  }

  lookup(key: string, print: string, now: number): IdempotencyLookup {
    this.#prune(now);
    const record = this.#records.get(key);
    if (record === undefined) return { kind: 'new' };
    return record.fingerprint === print
      ? { kind: 'replay', response: record.response }
      : { kind: 'conflict' };
  }

  store(key: string, print: string, response: StoredResponse, now: number): void {
    this.#forget(key);
    this.#records.set(key, { fingerprint: print, response, expiresAt: now + IDEMPOTENCY_TTL_MS });
    this.#bytes += response.body.length;
    this.#order.push(key);
    this.#prune(now);
  }

  #forget(key: string): void {
    const record = this.#records.get(key);
    if (record === undefined) return;
    this.#bytes -= record.response.body.length;
    this.#records.delete(key);
  }

  #prune(now: number): void {
    while (this.#head < this.#order.length) {
      const key = this.#order[this.#head] as string;
      const record = this.#records.get(key);
      const stale =
        record === undefined ||
        record.expiresAt <= now ||
        this.#records.size > MAX_IDEMPOTENCY_RECORDS ||
        this.#bytes > MAX_IDEMPOTENCY_BYTES;
      if (!stale) break;
      this.#forget(key);
      this.#head++;
    }
    if (this.#head > 1024 && this.#head * 2 > this.#order.length) {
      this.#order = this.#order.slice(this.#head);
      this.#head = 0;
    }
  }
}
