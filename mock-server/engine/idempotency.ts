/**
 * Idempotency records: the first response to a write with an `Idempotency-Key` is kept for 24
 * hours, keyed by workspace, mode and key, with a fingerprint of the request (method, path and
 * body). The same request again is a replay; another request with the same key is a conflict.
 */
import { hash32 } from './random.ts';
import type { Space } from './space.ts';

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

export function lookupIdempotency(
  space: Space,
  key: string,
  print: string,
  now: number,
): IdempotencyLookup {
  const record = space.idempotency.get(key);
  if (record === undefined) return { kind: 'new' };
  if (record.expiresAt <= now) {
    space.idempotency.delete(key);
    return { kind: 'new' };
  }
  return record.fingerprint === print
    ? { kind: 'replay', response: record.response }
    : { kind: 'conflict' };
}

export function storeIdempotency(
  space: Space,
  key: string,
  print: string,
  response: StoredResponse,
  now: number,
): void {
  if (space.idempotency.size >= 10_000) {
    for (const [stored, record] of space.idempotency)
      if (record.expiresAt <= now) space.idempotency.delete(stored);
  }
  space.idempotency.set(key, { fingerprint: print, response, expiresAt: now + IDEMPOTENCY_TTL_MS });
}
