/**
 * Credits of a workspace's monthly cycle. Test mode never pays. A live charge the cycle cannot
 * cover is refused whole with `402 insufficient_credits` (nothing is deducted). The first charge
 * that leaves less than 10% of the cycle's credits is reported to the caller, once per cycle, so
 * that `credits.low` can be recorded.
 */
import type { components } from '../../src/generated/openapi.ts';
import { isoSeconds } from '../kernel/clock.ts';
import { MockApiError } from '../kernel/errors.ts';
import { nextCycleStart, type Space, type Workspace } from './workspace.ts';

export const LOW_CREDITS_PERCENT = 10;

/** The `data` of a `credits.low` event. */
export type CreditsLowData = components['schemas']['CreditsLowData'];

/** Credits of the current cycle, as `GET /account` shows them. */
export type WireCredits = components['schemas']['Account']['credits'];

export interface CreditsView {
  limit: number;
  used: number;
  remaining: number;
  resetsAt: number;
}

/** Starts a new cycle if the current one is over. */
function rollCycle(workspace: Workspace, now: number): void {
  const credits = workspace.credits;
  if (now >= credits.resetsAt) {
    credits.used = 0;
    credits.lowNotified = false;
    credits.resetsAt = nextCycleStart(now);
  }
}

export function creditsView(workspace: Workspace, now: number): CreditsView {
  rollCycle(workspace, now);
  const limit = workspace.plan.credits;
  const { used, resetsAt } = workspace.credits;
  return { limit, used, remaining: Math.max(0, limit - used), resetsAt };
}

/** The credits of the current cycle as the API writes them. */
export function renderCredits(workspace: Workspace, now: number): WireCredits {
  const view = creditsView(workspace, now);
  return {
    limit: view.limit,
    used: view.used,
    remaining: view.remaining,
    resets_at: isoSeconds(view.resetsAt),
  };
}

/** Throws `402` unless the workspace can pay `cost` credits now (live mode only). */
export function ensureCredits(space: Space, cost: number, now: number): void {
  if (space.mode === 'test' || cost === 0) return;
  const view = creditsView(space.workspace, now);
  if (view.remaining < cost) {
    const needs = cost === 1 ? 'this request needs 1 credit' : `this request needs ${cost} credits`;
    throw new MockApiError(
      'insufficient_credits',
      `This workspace has ${view.remaining} credits left in the current cycle and ${needs}. Credits reset at ${isoSeconds(view.resetsAt)}; upgrade the plan for more.`,
      { resetsAt: view.resetsAt },
    );
  }
}

/**
 * Deducts `cost` credits (live mode only), after the check of `ensureCredits`. Returns what was
 * charged, and the `credits.low` data when this charge is the first of the cycle below 10%.
 */
export function deduct(
  space: Space,
  cost: number,
  now: number,
): { charged: number; low?: CreditsLowData } {
  if (space.mode === 'test' || cost === 0) return { charged: 0 };
  ensureCredits(space, cost, now);
  const workspace = space.workspace;
  workspace.credits.used += cost;
  const view = creditsView(workspace, now);
  if (workspace.credits.lowNotified || view.remaining * 100 >= view.limit * LOW_CREDITS_PERCENT) {
    return { charged: cost };
  }
  workspace.credits.lowNotified = true;
  return {
    charged: cost,
    low: {
      remaining: view.remaining,
      limit: view.limit,
      threshold_percent: LOW_CREDITS_PERCENT,
      resets_at: isoSeconds(view.resetsAt),
    },
  };
}
