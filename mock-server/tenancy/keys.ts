/**
 * API keys. The mock keeps keys only as SHA-256 hashes (the raw key is handed out once, when it is
 * made), as the API does; a revoked key is refused from the next request on. A key's scope is
 * `write` (every endpoint) or `read` (`GET` only).
 */
import { ALPHANUMERIC } from '../kernel/ids.ts';
import { Random } from '../kernel/random.ts';
import { sha256Hex } from '../kernel/sha256.ts';

/** A key's mode: `test` (no credits, no webhooks, `"mode": "test"` on every body) or `live`. */
export type Mode = 'test' | 'live';
/** A key's scope: `write` may call every endpoint, `read` only the `GET` ones. */
export type KeyScope = 'read' | 'write';

export interface KeyRecord {
  readonly hash: string;
  readonly mode: Mode;
  readonly scope: KeyScope;
  /** The last four characters, to tell keys apart in `inspect()` without showing them. */
  readonly last4: string;
  revoked: boolean;
}

const KEY_FORMAT = /^iiq_(test|live)_[0-9A-Za-z]{32,}$/;

/** Whether a string has the form of an API key (`iiq_test_` or `iiq_live_` and 32+ letters and digits). */
export function isKeyFormat(key: string): boolean {
  return KEY_FORMAT.test(key);
}

/** The mode a well-formed key belongs to. */
export function modeOfKey(key: string): Mode {
  return key.startsWith('iiq_live_') ? 'live' : 'test';
}

/**
 * A key derived from the mock's seed: the same seed gives the same keys, printed by `iiq mock`.
 * The `mock` after the prefix makes them easy to recognise as fake.
 */
export function deriveKey(seed: string, mode: Mode, index: number | string): string {
  return `iiq_${mode}_mock${new Random(`${seed}:key:${mode}:${index}`).string(28, ALPHANUMERIC)}`;
}

export function keyRecord(key: string, scope: KeyScope = 'write'): KeyRecord {
  return {
    hash: sha256Hex(key),
    mode: modeOfKey(key),
    scope,
    last4: key.slice(-4),
    revoked: false,
  };
}

export function isMode(value: unknown): value is Mode {
  return value === 'test' || value === 'live';
}

export function isKeyScope(value: unknown): value is KeyScope {
  return value === 'read' || value === 'write';
}
