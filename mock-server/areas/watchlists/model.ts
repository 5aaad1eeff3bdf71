/**
 * Watchlists and their accounts. An account is scored when it is added (reusing a score younger
 * than 7 days) and re-scored every day at 00:00 UTC (`watchlist-refresh.ts`). Watchlist scoring is
 * part of every plan: it costs no credits.
 */
import type { components } from '../../../src/generated/openapi.ts';
import type { MockContext } from '../../context.ts';
import { invalidRequest, notFound } from '../../kernel/errors.ts';
import { defineStore, type Space } from '../../tenancy/workspace.ts';
import type { SignalName } from '../../world/companies.ts';
import { isScorable } from '../../world/magic.ts';
import { computeScore, freshScore, latestScore, type ScoreRecord } from '../scores/index.ts';

export type AlertThreshold = components['schemas']['AlertThreshold'];

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

/** The watchlists of a space, by ID, oldest first. */
const watchlistStore = defineStore('watchlists', () => new Map<string, WatchlistRecord>());

/** Every watchlist of the space, oldest first. */
export function allWatchlists(space: Space): IterableIterator<WatchlistRecord> {
  return space.get(watchlistStore).values();
}

/** Scores an account now, reusing a fresh score (no alert: this is its starting point). */
function scoreNewAccount(ctx: MockContext, space: Space, account: AccountRecord): void {
  if (!isScorable(account.domain)) return;
  const record =
    freshScore(ctx, space, account.domain) ??
    computeScore(ctx, space, account.domain, 'watchlist_refresh');
  account.latest = record;
  account.baseline = record.score;
}

function capError(space: Space, total: number): Error {
  const plan = space.workspace.plan;
  return invalidRequest(
    'accounts',
    `A watchlist on the ${plan.name} plan holds at most ${plan.watchlistAccounts.toLocaleString('en-US')} accounts; this change would make ${total.toLocaleString('en-US')}. Remove accounts or upgrade the plan.`,
  );
}

/**
 * The most accounts the watchlists of a space hold in all (each watchlist within its plan's cap):
 * every account is re-scored each day, so this bounds both memory and what a day of the clock
 * costs (1 to 2 s for 20,000 accounts of distinct domains).
 */
export const MAX_WATCHED_ACCOUNTS_PER_SPACE = 20_000;

function watchedAccounts(space: Space): number {
  let total = 0;
  for (const watchlist of space.get(watchlistStore).values()) total += watchlist.accounts.size;
  return total;
}

function spaceCapError(total: number): Error {
  return invalidRequest(
    'accounts',
    `The watchlists of a workspace hold at most ${MAX_WATCHED_ACCOUNTS_PER_SPACE.toLocaleString('en-US')} accounts in all in each mode (a limit of the mock); this change would make ${total.toLocaleString('en-US')}. Remove accounts or delete a watchlist first.`,
  );
}

/** Adds apex domains (already normalised); those already on the list are left alone. */
export function addAccounts(
  ctx: MockContext,
  space: Space,
  watchlist: WatchlistRecord,
  domains: readonly string[],
): string[] {
  const added = [...new Set(domains)].filter((domain) => !watchlist.accounts.has(domain));
  const total = watchlist.accounts.size + added.length;
  if (total > space.workspace.plan.watchlistAccounts) throw capError(space, total);
  if (added.length === 0) return added;
  const watched = watchedAccounts(space) + added.length;
  if (watched > MAX_WATCHED_ACCOUNTS_PER_SPACE) throw spaceCapError(watched);
  const now = ctx.now();
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
    scoreNewAccount(ctx, space, account);
  });
  watchlist.updatedAt = now;
  return added;
}

export function removeAccounts(
  ctx: MockContext,
  watchlist: WatchlistRecord,
  domains: readonly string[],
): string[] {
  const removed = [...new Set(domains)].filter((domain) => watchlist.accounts.delete(domain));
  if (removed.length > 0) watchlist.updatedAt = ctx.now();
  return removed;
}

export interface CreateWatchlistInput {
  name: string;
  accounts?: readonly string[];
  alertThreshold?: AlertThreshold;
}

/** The most watchlists a space holds; creating one more is refused. */
export const MAX_WATCHLISTS_PER_SPACE = 1_000;

export function createWatchlist(
  ctx: MockContext,
  space: Space,
  input: CreateWatchlistInput,
): WatchlistRecord {
  if (space.get(watchlistStore).size >= MAX_WATCHLISTS_PER_SPACE) {
    throw invalidRequest(
      'body',
      `A workspace holds at most ${MAX_WATCHLISTS_PER_SPACE.toLocaleString('en-US')} watchlists in each mode. Delete one before creating another.`,
    );
  }
  const accounts = [...new Set(input.accounts ?? [])];
  if (accounts.length > space.workspace.plan.watchlistAccounts)
    throw capError(space, accounts.length);
  const watched = watchedAccounts(space) + accounts.length;
  if (watched > MAX_WATCHED_ACCOUNTS_PER_SPACE) throw spaceCapError(watched);
  const now = ctx.now();
  const watchlist: WatchlistRecord = {
    id: ctx.ids.next('wl'),
    name: input.name,
    alertThreshold: input.alertThreshold ?? 'hot_entry',
    accounts: new Map(),
    createdAt: now,
    updatedAt: now,
    batches: 0,
  };
  addAccounts(ctx, space, watchlist, accounts);
  watchlist.updatedAt = now;
  space.get(watchlistStore).set(watchlist.id, watchlist);
  return watchlist;
}

export function retrieveWatchlist(space: Space, id: string): WatchlistRecord {
  const watchlist = space.get(watchlistStore).get(id);
  if (watchlist === undefined) throw notFound('watchlist', id);
  return watchlist;
}

/** Deletes a watchlist (its accounts' score history stays). */
export function deleteWatchlist(space: Space, id: string): WatchlistRecord {
  const watchlist = retrieveWatchlist(space, id);
  space.get(watchlistStore).delete(watchlist.id);
  return watchlist;
}

export function updateWatchlist(
  ctx: MockContext,
  watchlist: WatchlistRecord,
  input: { name?: string; alertThreshold?: AlertThreshold },
): WatchlistRecord {
  if (input.name !== undefined) watchlist.name = input.name;
  if (input.alertThreshold !== undefined) watchlist.alertThreshold = input.alertThreshold;
  watchlist.updatedAt = ctx.now();
  return watchlist;
}

/** Watchlists, most recently updated first. */
export function listWatchlists(space: Space): WatchlistRecord[] {
  return [...space.get(watchlistStore).values()]
    .reverse()
    .sort((a, b) => b.updatedAt - a.updatedAt);
}

/** Accounts, most recently added first; accounts added together keep their request order. */
export function sortedAccounts(watchlist: WatchlistRecord): AccountRecord[] {
  return [...watchlist.accounts.values()].sort(
    (a, b) => b.batch - a.batch || a.position - b.position,
  );
}

/** The newest score of an account's domain, wherever it came from (a refresh, `POST /score`, a job). */
export function newestScore(space: Space, account: AccountRecord): ScoreRecord | null {
  return account.latest === null ? null : (latestScore(space, account.domain) ?? account.latest);
}

export interface AccountQuery {
  /** Only accounts in this band (unscored ones have none). */
  band?: 'HOT' | 'WARM' | 'COLD';
  /** `added` (default): most recently added first; `score`: highest score first. */
  sort?: 'added' | 'score';
}

/**
 * The accounts of a watchlist with their newest score, filtered and sorted. `sort: 'score'` puts
 * the highest score first, ties by domain A-Z, unscored accounts last (most recently added first).
 */
export function listAccounts(
  space: Space,
  watchlist: WatchlistRecord,
  query: AccountQuery = {},
): { account: AccountRecord; score: ScoreRecord | null }[] {
  let rows = sortedAccounts(watchlist).map((account) => {
    const score = newestScore(space, account);
    return { account, score, value: score?.score ?? null, band: score?.band ?? null };
  });
  if (query.band !== undefined) rows = rows.filter((row) => row.band === query.band);
  if (query.sort === 'score') {
    rows.sort((a, b) => {
      if (a.value === null || b.value === null)
        return a.value === null ? (b.value === null ? 0 : 1) : -1;
      const diff = b.value - a.value;
      return diff !== 0 ? diff : a.account.domain < b.account.domain ? -1 : 1;
    });
  }
  return rows.map(({ account, score }) => ({ account, score }));
}
