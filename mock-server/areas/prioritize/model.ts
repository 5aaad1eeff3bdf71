/**
 * Prioritised accounts: every account of the workspace's watchlists (each domain once) or of one
 * watchlist, with its newest score and a `priority` that says how urgently to work it. It keeps no
 * state of its own: it reads the watchlists and the scores through their areas.
 *
 * `priority` = round(0.6 × score) + urgency (act_now 25, this_week 15, this_month 5, monitor 0)
 * + `delta_30d` capped to -10..+10 + fresh evidence (5 for a trigger from today or yesterday, 3 for
 * one from the last 7 days), kept within 0..100. Each term is one line of `reasons`.
 */
import type { Space } from '../../tenancy/workspace.ts';
import { freshestAge, type Intelligence, type Urgency } from '../../world/intelligence.ts';
import type { Band } from '../../world/scoring-model.ts';
import { intelligenceOfRecord, type ScoreRecord } from '../scores/index.ts';
import { allWatchlists, newestScore, retrieveWatchlist } from '../watchlists/index.ts';

export const URGENCY_POINTS: Readonly<Record<Urgency, number>> = {
  act_now: 25,
  this_week: 15,
  this_month: 5,
  monitor: 0,
};
/** `delta_30d` counts for at most this many points either way. */
export const MOMENTUM_CAP = 10;

export interface PriorityRow {
  domain: string;
  score: ScoreRecord;
  intelligence: Intelligence;
  /** The watchlists the account is on, oldest first. */
  watchlistIds: string[];
  priority: number;
  reasons: string[];
}

export interface PriorityQuery {
  watchlistId?: string;
  band?: Band;
  urgency?: Urgency;
}

const signed = (points: number) => (points < 0 ? `${points}` : `+${points}`);

function ago(days: number): string {
  return days === 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`;
}

/** The priority of a score and the reasons for it, one per term. */
export function priorityOf(
  score: Pick<ScoreRecord, 'score' | 'band' | 'delta30d'>,
  intelligence: Intelligence,
): { priority: number; reasons: string[] } {
  const base = Math.round(0.6 * score.score);
  const urgency = URGENCY_POINTS[intelligence.urgency];
  const delta = score.delta30d;
  const momentum = Math.max(-MOMENTUM_CAP, Math.min(MOMENTUM_CAP, delta));
  const fresh = freshestAge(intelligence.triggers);
  const freshness = fresh <= 1 ? 5 : fresh <= 7 ? 3 : 0;
  const capped = Math.abs(delta) > MOMENTUM_CAP ? ' (capped)' : '';
  const trend =
    delta === 0
      ? 'Flat over 30 days'
      : `${delta > 0 ? 'Up' : 'Down'} ${Math.abs(delta)} point${Math.abs(delta) === 1 ? '' : 's'} in 30 days${capped}`;
  const reasons = [
    `Score ${score.score} (${score.band}): ${signed(base)}`,
    `Urgency ${intelligence.urgency}: ${signed(urgency)}`,
    `${trend}: ${signed(momentum)}`,
    fresh <= 7
      ? `Strong evidence ${ago(fresh)}: ${signed(freshness)}`
      : 'No strong evidence this week: +0',
  ];
  const priority = Math.max(0, Math.min(100, base + urgency + momentum + freshness));
  return { priority, reasons };
}

/**
 * The scored accounts, each domain once, highest priority first, then highest score, then domain
 * A-Z: the one list of the API that is not ordered newest first.
 */
export function prioritizedAccounts(space: Space, query: PriorityQuery = {}): PriorityRow[] {
  const only =
    query.watchlistId === undefined ? undefined : retrieveWatchlist(space, query.watchlistId);
  const byDomain = new Map<string, PriorityRow>();
  for (const watchlist of allWatchlists(space)) {
    for (const account of watchlist.accounts.values()) {
      const known = byDomain.get(account.domain);
      if (known !== undefined) {
        known.watchlistIds.push(watchlist.id);
        continue;
      }
      if (only !== undefined && !only.accounts.has(account.domain)) continue;
      const score = newestScore(space, account);
      if (score === null) continue;
      const intelligence = intelligenceOfRecord(score);
      byDomain.set(account.domain, {
        domain: account.domain,
        score,
        intelligence,
        watchlistIds: [watchlist.id],
        ...priorityOf(score, intelligence),
      });
    }
  }
  const rows = [...byDomain.values()].filter(
    (row) =>
      (query.band === undefined || row.score.band === query.band) &&
      (query.urgency === undefined || row.intelligence.urgency === query.urgency),
  );
  return rows.sort(
    (a, b) =>
      b.priority - a.priority ||
      b.score.score - a.score.score ||
      (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0),
  );
}
