/**
 * Watchlists and their accounts. An account is scored when it is added (reusing a score younger
 * than 7 days) and re-scored every day at 00:00 UTC (`watchlist-refresh.ts`). Watchlist scoring is
 * part of every plan: it costs no credits.
 */
import type { components } from '../../src/generated/openapi.ts';
import { isoSeconds } from './clock.ts';
import type { Engine } from './engine.ts';
import { invalidRequest, notFound } from './errors.ts';
import type { SignalName } from './fixtures.ts';
import { magicBehaviour } from './magic.ts';
import { computeScore, freshScore, type ScoreRecord } from './scores.ts';
import type { Space } from './space.ts';

type Schemas = components['schemas'];
export type AlertThreshold = Schemas['AlertThreshold'];
export type WireWatchlist = Schemas['Watchlist'];
export type WireWatchlistAccount = Schemas['WatchlistAccount'];
export type WireWatchlistAccounts = Schemas['WatchlistAccounts'];

export interface AccountRecord {
  readonly domain: string;
  readonly addedAt: number;
  /** Accounts added together share a batch; later batches list first, a batch in request order. */
  readonly batch: number;
  readonly position: number;
  /** The score the watchlist last saw (alerts compare the next one with it). */
  latest: ScoreRecord | null;
  /** The score the next `score_delta_10` alert is measured from. */
  baseline: number | null;
  /** Signals whose week-over-week rise is above 25 right now (a spike fires on entering this set). */
  readonly spiking: Set<SignalName>;
}

export interface WatchlistRecord {
  readonly id: string;
  name: string;
  alertThreshold: AlertThreshold;
  readonly accounts: Map<string, AccountRecord>;
  readonly createdAt: number;
  updatedAt: number;
  batches: number;
}

/** Scores an account now, reusing a fresh score (no alert: this is its starting point). */
export function scoreNewAccount(engine: Engine, space: Space, account: AccountRecord): void {
  const behaviour = magicBehaviour(account.domain);
  if (behaviour === 'unscorable' || behaviour === 'restricted') return;
  const record =
    freshScore(engine, space, account.domain) ??
    computeScore(engine, space, account.domain, 'watchlist_refresh');
  account.latest = record;
  account.baseline = record.snapshot.score;
}

function capError(space: Space, total: number): Error {
  const plan = space.workspace.plan;
  return invalidRequest(
    'accounts',
    `A watchlist on the ${plan.name} plan holds at most ${plan.watchlistAccounts.toLocaleString('en-US')} accounts; this change would make ${total.toLocaleString('en-US')}. Remove accounts or upgrade the plan.`,
  );
}

/** Adds apex domains (already normalised); those already on the list are left alone. */
export function addAccounts(
  engine: Engine,
  space: Space,
  watchlist: WatchlistRecord,
  domains: readonly string[],
): string[] {
  const added = [...new Set(domains)].filter((domain) => !watchlist.accounts.has(domain));
  const total = watchlist.accounts.size + added.length;
  if (total > space.workspace.plan.watchlistAccounts) throw capError(space, total);
  if (added.length === 0) return added;
  const now = engine.clock.now();
  const batch = ++watchlist.batches;
  added.forEach((domain, position) => {
    const account: AccountRecord = {
      domain,
      addedAt: now,
      batch,
      position,
      latest: null,
      baseline: null,
      spiking: new Set(),
    };
    watchlist.accounts.set(domain, account);
    scoreNewAccount(engine, space, account);
  });
  watchlist.updatedAt = now;
  return added;
}

export function removeAccounts(
  engine: Engine,
  watchlist: WatchlistRecord,
  domains: readonly string[],
): string[] {
  const removed = [...new Set(domains)].filter((domain) => watchlist.accounts.delete(domain));
  if (removed.length > 0) watchlist.updatedAt = engine.clock.now();
  return removed;
}

export interface CreateWatchlistInput {
  name: string;
  accounts?: readonly string[];
  alertThreshold?: AlertThreshold;
}

export function createWatchlist(
  engine: Engine,
  space: Space,
  input: CreateWatchlistInput,
): WatchlistRecord {
  const accounts = [...new Set(input.accounts ?? [])];
  if (accounts.length > space.workspace.plan.watchlistAccounts)
    throw capError(space, accounts.length);
  const now = engine.clock.now();
  const watchlist: WatchlistRecord = {
    id: engine.ids.next('wl'),
    name: input.name,
    alertThreshold: input.alertThreshold ?? 'hot_entry',
    accounts: new Map(),
    createdAt: now,
    updatedAt: now,
    batches: 0,
  };
  addAccounts(engine, space, watchlist, accounts);
  watchlist.updatedAt = now;
  space.watchlists.set(watchlist.id, watchlist);
  return watchlist;
}

export function retrieveWatchlist(space: Space, id: string): WatchlistRecord {
  const watchlist = space.watchlists.get(id);
  if (watchlist === undefined) throw notFound('watchlist', id);
  return watchlist;
}

export function updateWatchlist(
  engine: Engine,
  watchlist: WatchlistRecord,
  input: { name?: string; alertThreshold?: AlertThreshold },
): WatchlistRecord {
  if (input.name !== undefined) watchlist.name = input.name;
  if (input.alertThreshold !== undefined) watchlist.alertThreshold = input.alertThreshold;
  watchlist.updatedAt = engine.clock.now();
  return watchlist;
}

/** Watchlists, most recently updated first. */
export function listWatchlists(space: Space): WatchlistRecord[] {
  return [...space.watchlists.values()].reverse().sort((a, b) => b.updatedAt - a.updatedAt);
}

/** Accounts, most recently added first; accounts added together keep their request order. */
export function sortedAccounts(watchlist: WatchlistRecord): AccountRecord[] {
  return [...watchlist.accounts.values()].sort(
    (a, b) => b.batch - a.batch || a.position - b.position,
  );
}

/** The newest score of an account's domain, wherever it came from (a refresh, `POST /score`, a job). */
function newestScore(space: Space, account: AccountRecord): ScoreRecord | null {
  return account.latest === null
    ? null
    : (space.scores.latest.get(account.domain) ?? account.latest);
}

export function renderWatchlist(space: Space, watchlist: WatchlistRecord): WireWatchlist {
  const bands = { HOT: 0, WARM: 0, COLD: 0, unscored: 0 };
  for (const account of watchlist.accounts.values()) {
    const band = newestScore(space, account)?.snapshot.band;
    if (band === undefined) bands.unscored++;
    else bands[band]++;
  }
  return {
    id: watchlist.id,
    name: watchlist.name,
    alert_threshold: watchlist.alertThreshold,
    account_count: watchlist.accounts.size,
    band_distribution: bands,
    created_at: isoSeconds(watchlist.createdAt),
    updated_at: isoSeconds(watchlist.updatedAt),
  };
}

export function renderAccount(space: Space, account: AccountRecord): WireWatchlistAccount {
  const latest = newestScore(space, account);
  return {
    domain: account.domain,
    score_id: latest?.id ?? null,
    score: latest?.snapshot.score ?? null,
    band: latest?.snapshot.band ?? null,
    delta_30d: latest?.snapshot.delta30d ?? null,
    added_at: isoSeconds(account.addedAt),
    last_scored_at: latest === null ? null : isoSeconds(latest.computedAt),
  };
}

export function renderAccountsChange(
  watchlist: WatchlistRecord,
  added: readonly string[],
  removed: readonly string[],
): WireWatchlistAccounts {
  return {
    watchlist_id: watchlist.id,
    accounts: sortedAccounts(watchlist).map((account) => account.domain),
    account_count: watchlist.accounts.size,
    added: [...added],
    removed: [...removed],
  };
}
