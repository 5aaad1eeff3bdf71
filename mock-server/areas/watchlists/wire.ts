/** How watchlists and their accounts look on the wire. */
import type { components } from '../../../src/generated/openapi.ts';
import { isoSeconds } from '../../kernel/clock.ts';
import type { Space } from '../../tenancy/workspace.ts';
import { intelligenceOfRecord, renderIntelligence, type ScoreRecord } from '../scores/index.ts';
import { type AccountRecord, newestScore, sortedAccounts, type WatchlistRecord } from './model.ts';

type Schemas = components['schemas'];
export type WireWatchlist = Schemas['Watchlist'];
export type WireWatchlistAccount = Schemas['WatchlistAccount'];
export type WireWatchlistAccounts = Schemas['WatchlistAccounts'];

export function renderWatchlist(space: Space, watchlist: WatchlistRecord): WireWatchlist {
  const bands = { HOT: 0, WARM: 0, COLD: 0, unscored: 0 };
  for (const account of watchlist.accounts.values()) {
    const band = newestScore(space, account)?.band;
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

/** An account with its newest score (`latest`), and that score's account intelligence. */
export function renderAccount(
  account: AccountRecord,
  latest: ScoreRecord | null,
): WireWatchlistAccount {
  return {
    domain: account.domain,
    score_id: latest?.id ?? null,
    score: latest?.score ?? null,
    band: latest?.band ?? null,
    delta_30d: latest?.delta30d ?? null,
    added_at: isoSeconds(account.addedAt),
    last_scored_at: latest === null ? null : isoSeconds(latest.computedAt),
    ...renderIntelligence(latest === null ? null : intelligenceOfRecord(latest)),
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
