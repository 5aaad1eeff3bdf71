/** How watchlists and their accounts look on the wire. */
import type { components } from '../../../src/generated/openapi.ts';
import { isoSeconds } from '../../kernel/clock.ts';
import type { Space } from '../../tenancy/workspace.ts';
import { latestScore, type ScoreRecord } from '../scores/index.ts';
import { type AccountRecord, sortedAccounts, type WatchlistRecord } from './model.ts';

type Schemas = components['schemas'];
export type WireWatchlist = Schemas['Watchlist'];
export type WireWatchlistAccount = Schemas['WatchlistAccount'];
export type WireWatchlistAccounts = Schemas['WatchlistAccounts'];

/** The newest score of an account's domain, wherever it came from (a refresh, `POST /score`, a job). */
function newestScore(space: Space, account: AccountRecord): ScoreRecord | null {
  return account.latest === null ? null : (latestScore(space, account.domain) ?? account.latest);
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
