/**
 * Workspaces, their API keys and their credits. Keys are kept only as SHA-256 hashes (the raw key
 * is handed out once, when it is made), and a revoked key is refused from the next request on.
 */
import { sha256Hex } from './hash.ts';
import { ALPHANUMERIC } from './ids.ts';
import type { Plan } from './plans.ts';
import { Random } from './random.ts';
import type { Mode, Space } from './space.ts';

export interface KeyRecord {
  readonly hash: string;
  readonly mode: Mode;
  /** The last four characters, to tell keys apart in `inspect()` without showing them. */
  readonly last4: string;
  revoked: boolean;
}

export interface Credits {
  /** Credits used in the current cycle. */
  used: number;
  /** When the current cycle ends and the next begins (unix ms). */
  resetsAt: number;
  /** Whether `credits.low` already fired in this cycle. */
  lowNotified: boolean;
}

export interface Workspace {
  readonly id: string;
  readonly name: string;
  readonly plan: Plan;
  readonly keys: KeyRecord[];
  readonly credits: Credits;
  spaces: Record<Mode, Space>;
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
export function deriveKey(seed: string, mode: Mode, index: number): string {
  return `iiq_${mode}_mock${new Random(`${seed}:key:${mode}:${index}`).string(28, ALPHANUMERIC)}`;
}

export function keyRecord(key: string): KeyRecord {
  return { hash: sha256Hex(key), mode: modeOfKey(key), last4: key.slice(-4), revoked: false };
}

/** 00:00 UTC on the first day of the month after `now`: when the credit cycle resets. */
export function nextCycleStart(now: number): number {
  const date = new Date(now);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
}

/** Starts a new cycle if the current one is over. */
export function rollCycle(workspace: Workspace, now: number): Credits {
  const credits = workspace.credits;
  if (now >= credits.resetsAt) {
    credits.used = 0;
    credits.lowNotified = false;
    credits.resetsAt = nextCycleStart(now);
  }
  return credits;
}

export interface CreditsView {
  limit: number;
  used: number;
  remaining: number;
  resetsAt: number;
}

export function creditsView(workspace: Workspace, now: number): CreditsView {
  const credits = rollCycle(workspace, now);
  const limit = workspace.plan.credits;
  return {
    limit,
    used: credits.used,
    remaining: Math.max(0, limit - credits.used),
    resetsAt: credits.resetsAt,
  };
}
