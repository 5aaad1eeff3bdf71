/**
 * What each plan allows. Credits reset at 00:00 UTC on the first day of each month (the cycle the
 * `resets_at` of a 402 points at). Watchlist refreshes are included in every plan and cost nothing.
 */
import type { components } from '../../src/generated/openapi.ts';
import { MockApiError } from '../kernel/errors.ts';

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

const TITLES: Readonly<Record<PlanName, string>> = {
  starter: 'Starter',
  team: 'Team',
  scale: 'Scale',
};

/**
 * The `403 plan_required` of a feature the workspace's plan lacks; the message names the plans
 * that have it.
 *
 * @example
 * planRequired('Pipeline reports', ['team', 'scale'], 'starter').message
 * // 'Pipeline reports are part of the Team and Scale plans; this workspace is on Starter. …'
 */
export function planRequired(
  feature: string,
  plans: readonly PlanName[],
  current: PlanName,
): MockApiError {
  const names = plans.map((plan) => TITLES[plan]);
  const list =
    names.length > 1
      ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)} plans`
      : `${names[0]} plan`;
  return new MockApiError(
    'plan_required',
    `${feature} are part of the ${list}; this workspace is on ${TITLES[current]}. Upgrade the plan to use them.`,
  );
}
