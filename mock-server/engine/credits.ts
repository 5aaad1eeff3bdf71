/**
 * Charging credits. Test mode never charges. A live charge that the cycle cannot cover is refused
 * whole with `402 insufficient_credits` (nothing is deducted); the first charge that leaves less
 * than 10% of the cycle's credits records `credits.low`, once per cycle.
 */
import { isoSeconds } from './clock.ts';
import type { Engine } from './engine.ts';
import { MockApiError } from './errors.ts';
import { recordEvent } from './events.ts';
import type { Space } from './space.ts';
import { creditsView } from './workspaces.ts';

export const LOW_CREDITS_PERCENT = 10;

/** Throws `402` unless the workspace can pay `cost` credits now (live mode only). */
export function ensureCredits(engine: Engine, space: Space, cost: number): void {
  if (space.mode === 'test' || cost === 0) return;
  const view = creditsView(space.workspace, engine.clock.now());
  if (view.remaining < cost) {
    const needs = cost === 1 ? 'this request needs 1 credit' : `this request needs ${cost} credits`;
    throw new MockApiError(
      'insufficient_credits',
      `This workspace has ${view.remaining} credits left in the current cycle and ${needs}. Credits reset at ${isoSeconds(view.resetsAt)}; upgrade the plan for more.`,
      { resetsAt: view.resetsAt },
    );
  }
}

/** Deducts `cost` credits (live mode only) after `ensureCredits`, and returns what was charged. */
export function charge(engine: Engine, space: Space, cost: number): number {
  if (space.mode === 'test' || cost === 0) return 0;
  ensureCredits(engine, space, cost);
  const workspace = space.workspace;
  workspace.credits.used += cost;
  const view = creditsView(workspace, engine.clock.now());
  if (!workspace.credits.lowNotified && view.remaining * 100 < view.limit * LOW_CREDITS_PERCENT) {
    workspace.credits.lowNotified = true;
    recordEvent(engine, space, 'credits.low', {
      remaining: view.remaining,
      limit: view.limit,
      threshold_percent: LOW_CREDITS_PERCENT,
      resets_at: isoSeconds(view.resetsAt),
    });
  }
  return cost;
}
