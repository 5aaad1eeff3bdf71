/**
 * What each plan allows. Credits reset at 00:00 UTC on the first day of each month (the cycle the
 * `resets_at` of a 402 points at). Watchlist refreshes are included in every plan and cost nothing.
 */
import type { components } from '../../src/generated/openapi.ts';

/** `starter`, `team` or `scale`. */
export type PlanName = components['schemas']['Plan'];

/** What a plan allows: credits, rate limits and caps. */
export interface Plan {
  name: PlanName;
  /** Credits per monthly cycle. */
  credits: number;
  /** `POST /score` and `POST /people/score` per minute (sliding window). */
  scorePerMinute: number;
  /** GET requests per minute. */
  readsPerMinute: number;
  /** Other writes (bulk jobs, watchlists, webhook endpoints) per minute. */
  writesPerMinute: number;
  /** Bulk jobs queued or running at once. */
  concurrentBulkJobs: number;
  /** Accounts on one watchlist. */
  watchlistAccounts: number;
}

/** The three plans, by name. */
export const PLANS: Readonly<Record<PlanName, Plan>> = {
  starter: {
    name: 'starter',
    credits: 1_000,
    scorePerMinute: 60,
    readsPerMinute: 600,
    writesPerMinute: 600,
    concurrentBulkJobs: 10,
    watchlistAccounts: 250,
  },
  team: {
    name: 'team',
    credits: 10_000,
    scorePerMinute: 300,
    readsPerMinute: 600,
    writesPerMinute: 600,
    concurrentBulkJobs: 10,
    watchlistAccounts: 1_000,
  },
  scale: {
    name: 'scale',
    credits: 100_000,
    scorePerMinute: 1_200,
    readsPerMinute: 600,
    writesPerMinute: 600,
    concurrentBulkJobs: 10,
    watchlistAccounts: 10_000,
  },
};

/** Whether a value is one of the plan names. */
export function isPlanName(value: unknown): value is PlanName {
  return value === 'starter' || value === 'team' || value === 'scale';
}
