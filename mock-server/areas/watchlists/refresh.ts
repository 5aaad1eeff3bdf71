/**
 * The daily re-scoring of watchlist accounts, at 00:00 UTC on virtual time, and the alerts it
 * raises: `account.band_changed` when an account crosses its watchlist's `alert_threshold`, and
 * `signal.spike` when one of its signals rose more than 25 points week over week (once per rise).
 * Each domain is computed once per refresh and mode, however many watchlists hold it.
 */
import type { MockContext } from '../../context.ts';
import { nextMidnight } from '../../kernel/clock.ts';
import type { Space } from '../../tenancy/workspace.ts';
import { isScorable } from '../../world/magic.ts';
import { SIGNAL_NAMES } from '../../world/scoring-model.ts';
import { computeScore, type ScoreRecord } from '../scores/index.ts';
import { type AccountRecord, allWatchlists, type WatchlistRecord } from './model.ts';

/** A signal rising by more than this many points in 7 days is a spike. */
export const SPIKE_POINTS = 25;

function crossed(
  watchlist: WatchlistRecord,
  account: AccountRecord,
  previous: ScoreRecord,
  next: ScoreRecord,
): boolean {
  switch (watchlist.alertThreshold) {
    case 'hot_entry':
      return previous.band !== 'HOT' && next.band === 'HOT';
    case 'any_band_change':
      return previous.band !== next.band;
    case 'score_delta_10':
      return Math.abs(next.score - (account.baseline ?? previous.score)) >= 10;
  }
}

function alert(
  ctx: MockContext,
  space: Space,
  watchlist: WatchlistRecord,
  account: AccountRecord,
  next: ScoreRecord,
): void {
  const previous = account.latest;
  if (previous !== null && crossed(watchlist, account, previous, next)) {
    account.baseline = next.score;
    ctx.events.record(space, 'account.band_changed', {
      watchlist_id: watchlist.id,
      domain: account.domain,
      score_id: next.id,
      previous_band: previous.band,
      band: next.band,
      previous_score: previous.score,
      score: next.score,
      alert_threshold: watchlist.alertThreshold,
    });
  }
  for (const name of SIGNAL_NAMES) {
    const signal = next.snapshot.signals[name];
    const change = signal.score - signal.weekAgo;
    if (change <= SPIKE_POINTS) {
      account.spiking.delete(name);
    } else if (!account.spiking.has(name)) {
      account.spiking.add(name);
      ctx.events.record(space, 'signal.spike', {
        watchlist_id: watchlist.id,
        domain: account.domain,
        score_id: next.id,
        signal: name,
        previous: signal.weekAgo,
        current: signal.score,
        change,
      });
    }
  }
  account.latest = next;
}

/** Re-scores every account of every watchlist in one mode of one workspace. */
export function refreshSpace(ctx: MockContext, space: Space): void {
  const computed = new Map<string, ScoreRecord>();
  for (const watchlist of allWatchlists(space)) {
    for (const account of watchlist.accounts.values()) {
      if (!isScorable(account.domain)) continue;
      let next = computed.get(account.domain);
      if (next === undefined) {
        next = computeScore(ctx, space, account.domain, 'watchlist_refresh');
        computed.set(account.domain, next);
      }
      alert(ctx, space, watchlist, account, next);
    }
  }
}

/** Schedules the daily refresh of every workspace, from the next midnight on. */
export function scheduleDailyRefresh(ctx: MockContext): void {
  const refresh = () => {
    for (const workspace of ctx.tenants.all()) {
      refreshSpace(ctx, workspace.spaces.test);
      refreshSpace(ctx, workspace.spaces.live);
    }
  };
  // A day with no account on any watchlist has nothing to refresh: the scheduler skips it.
  const idle = () => {
    for (const space of ctx.tenants.spaces()) {
      for (const watchlist of allWatchlists(space)) if (watchlist.accounts.size > 0) return false;
    }
    return true;
  };
  const accounts = () => {
    let total = 0;
    for (const space of ctx.tenants.spaces()) {
      for (const watchlist of allWatchlists(space)) total += watchlist.accounts.size;
    }
    return total;
  };
  ctx.scheduler.every(nextMidnight, refresh, idle, {
    units: 'watchlist account refreshes',
    count: accounts,
  });
}
