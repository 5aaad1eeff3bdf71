/**
 * `Authorization: Bearer <key>`. A missing, malformed, unknown or revoked key is `401`, with a
 * message that says which, and never the key itself. A read key may only read: anything but `GET`
 * is `403 insufficient_scope`, decided before the body is looked at.
 */
import { MockApiError } from '../kernel/errors.ts';
import { sha256Hex } from '../kernel/sha256.ts';
import { isKeyFormat, type KeyRecord } from '../tenancy/keys.ts';
import type { Tenants } from '../tenancy/tenants.ts';
import type { Space } from '../tenancy/workspace.ts';

function unauthorized(message: string): MockApiError {
  return new MockApiError('unauthorized', message);
}

/** The bearer token of a request, if it has one. */
export function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  // Exactly "Bearer <key>": keys are compared exactly, so trailing whitespace is not trimmed.
  const match = /^Bearer ([^\s]+)$/i.exec(header);
  return match?.[1];
}

// The hashes of the keys seen last: a client sends the same key on every request, and hashing it
// each time is a good part of a request's cost. Bounded; cleared when full.
const recentHashes = new Map<string, string>();

function hashOf(key: string): string {
  let hash = recentHashes.get(key);
  if (hash === undefined) {
    hash = sha256Hex(key);
    if (recentHashes.size >= 256) recentHashes.clear();
    recentHashes.set(key, hash);
  }
  return hash;
}

/** The space a request's key opens, and the key; throws `401` otherwise. */
export function authenticate(
  tenants: Tenants,
  header: string | undefined,
): { space: Space; key: KeyRecord } {
  if (header === undefined || header.trim() === '') {
    throw unauthorized(
      'No API key was sent. Pass it as "Authorization: Bearer <key>"; test keys start with iiq_test_.',
    );
  }
  const key = bearerToken(header);
  if (key === undefined) {
    throw unauthorized(
      'The Authorization header must be "Bearer <key>": one space after Bearer, and nothing before or after the key (keys are compared exactly).',
    );
  }
  if (!isKeyFormat(key)) {
    throw unauthorized(
      'The API key is malformed: keys are iiq_test_ or iiq_live_ followed by 32 or more letters and digits.',
    );
  }
  const found = tenants.findKey(hashOf(key));
  if (found === undefined) {
    throw unauthorized(
      'The API key is not valid: no such key exists. Check that it was copied whole, or create a new key.',
    );
  }
  if (found.key.revoked) {
    throw unauthorized(
      `This API key (ending ${found.key.last4}) was revoked. Create a new key and deploy it in its place.`,
    );
  }
  return { space: found.workspace.spaces[found.key.mode], key: found.key };
}

/**
 * Throws `403 insufficient_scope` when a read key tries anything but `GET`; `path` is the route's
 * template (`/v1/watchlists/{id}`), so the message never repeats what the request put in the path.
 */
export function requireScope(key: KeyRecord, method: string, path: string): void {
  if (key.scope === 'write' || method === 'GET' || method === 'HEAD') return;
  throw new MockApiError(
    'insufficient_scope',
    `This API key is read-only (scope read); ${method} ${path} needs a key with the write scope. Use a write key for changes, and keep read keys for dashboards and reports.`,
  );
}
