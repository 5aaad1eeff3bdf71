/**
 * Computing scores, on every trigger the API names: an assignment (at once), a rule upsert or
 * delete (every object of the profile, before the response), `POST /scoring/compute` (within a
 * second) and the daily refresh at 00:00 UTC (objects of profiles with a rule on an attribute that
 * moves with intent). A row's version goes up when its score or its contributions change, and a
 * change of score records `scoring.score_changed`. The first computation of a row (version 1) is
 * its starting point and records nothing.
 */
import type { MockContext } from '../../context.ts';
import { nextMidnight } from '../../kernel/clock.ts';
import type { Space } from '../../tenancy/workspace.ts';
import { attributeInfo, valuesOf } from './attributes.ts';
import { type AttributeValues, sameContributions, tally } from './evaluator.ts';
import {
  type AssignmentRecord,
  type Computation,
  DIMENSIONS,
  type Dimension,
  type ObjectType,
  type ProfileRecord,
  type ScoreRow,
} from './records.ts';
import { COMPUTE_DELAY_MS, objectKey, scoringOf } from './store.ts';

/** Objects' values read once per pass, however many profiles hold them. */
export class ValuesCache {
  readonly #ctx: MockContext;
  readonly #space: Space;
  readonly #values = new Map<string, AttributeValues>();

  constructor(ctx: MockContext, space: Space) {
    this.#ctx = ctx;
    this.#space = space;
  }

  get(objectType: ObjectType, objectId: string): AttributeValues {
    const key = objectKey(objectType, objectId);
    let values = this.#values.get(key);
    if (values === undefined) {
      values = valuesOf(this.#ctx, this.#space, objectType, objectId);
      this.#values.set(key, values);
    }
    return values;
  }
}

function computation(profile: ProfileRecord, dimension: Dimension, values: AttributeValues) {
  const rules = profile.ruleSets[dimension];
  return { rules, values, tally: tally(rules, values) } satisfies Computation;
}

/** The two rows of a new assignment, at version 1. */
export function firstRows(
  ctx: MockContext,
  profile: ProfileRecord,
  values: AttributeValues,
): Record<Dimension, ScoreRow> {
  const now = ctx.now();
  const row = (dimension: Dimension): ScoreRow => ({
    id: ctx.ids.next('pfs'),
    dimension,
    current: computation(profile, dimension, values),
    previous: null,
    version: 1,
    computedAt: now,
  });
  return { fit: row('fit'), urgency: row('urgency') };
}

/** Recomputes one assignment's rows with the object's values now. */
export function recompute(
  ctx: MockContext,
  space: Space,
  profile: ProfileRecord,
  assignment: AssignmentRecord,
  cache: ValuesCache,
): void {
  const values = cache.get(assignment.objectType, assignment.objectId);
  const now = ctx.now();
  for (const dimension of DIMENSIONS) {
    const row = assignment.rows[dimension];
    const next = computation(profile, dimension, values);
    const before = row.current;
    const changed = before.tally.score !== next.tally.score || !sameContributions(before, next);
    row.current = next;
    row.computedAt = now;
    if (!changed) continue;
    row.previous = before;
    row.version++;
    if (before.tally.score !== next.tally.score) {
      ctx.events.record(space, 'scoring.score_changed', {
        profile_id: profile.id,
        object_type: assignment.objectType,
        object_id: assignment.objectId,
        dimension,
        score: next.tally.score,
        previous_score: before.tally.score,
        version: row.version,
      });
    }
  }
}

/** Recomputes every object assigned to the profile (after one of its rules changed). */
export function recomputeProfile(ctx: MockContext, space: Space, profile: ProfileRecord): void {
  const cache = new ValuesCache(ctx, space);
  for (const assignment of profile.assignments.values()) {
    recompute(ctx, space, profile, assignment, cache);
  }
}

/** Recomputes the queued objects on every profile they are assigned to. */
function flushQueue(ctx: MockContext, space: Space): void {
  const book = scoringOf(space);
  const cache = new ValuesCache(ctx, space);
  for (const key of book.queued) {
    for (const assignment of book.byObject.get(key) ?? []) {
      const profile = book.profiles.get(assignment.profileId);
      if (profile !== undefined) recompute(ctx, space, profile, assignment, cache);
    }
  }
  book.queued.clear();
}

/**
 * Queues objects for recomputation within a second; an object already queued stays queued once.
 * Returns how many distinct objects were queued, and how many have nothing to compute (no profile
 * of that object type holds them).
 */
export function queueCompute(
  ctx: MockContext,
  space: Space,
  objectType: ObjectType,
  objectIds: readonly string[],
): { queued: number; failed: number } {
  const book = scoringOf(space);
  const wasEmpty = book.queued.size === 0;
  let queued = 0;
  let failed = 0;
  for (const objectId of new Set(objectIds)) {
    const key = objectKey(objectType, objectId);
    if (!book.byObject.has(key)) {
      failed++;
      continue;
    }
    queued++;
    book.queued.add(key);
  }
  if (wasEmpty && book.queued.size > 0) {
    ctx.scheduler.after(COMPUTE_DELAY_MS, () => flushQueue(ctx, space));
  }
  return { queued, failed };
}

/** Whether one of the profile's rules tests an attribute that moves with intent. */
function followsIntent(profile: ProfileRecord): boolean {
  for (const rule of profile.rules.values()) {
    if (attributeInfo(rule.attribute)?.intent) return true;
  }
  return false;
}

/** The daily refresh of one space: objects of profiles whose rules read intent. */
export function refreshSpace(ctx: MockContext, space: Space): void {
  const cache = new ValuesCache(ctx, space);
  for (const profile of scoringOf(space).profiles.values()) {
    if (!followsIntent(profile)) continue;
    for (const assignment of profile.assignments.values()) {
      recompute(ctx, space, profile, assignment, cache);
    }
  }
}

/** Schedules the daily refresh of every workspace; a day with nothing to refresh is skipped. */
export function scheduleDailyRefresh(ctx: MockContext): void {
  const refresh = () => {
    for (const space of ctx.tenants.spaces()) refreshSpace(ctx, space);
  };
  const idle = () => {
    for (const space of ctx.tenants.spaces()) {
      for (const profile of scoringOf(space).profiles.values()) {
        if (profile.assignments.size > 0 && followsIntent(profile)) return false;
      }
    }
    return true;
  };
  const objects = () => {
    let total = 0;
    for (const space of ctx.tenants.spaces()) {
      for (const profile of scoringOf(space).profiles.values()) {
        if (followsIntent(profile)) total += profile.assignments.size;
      }
    }
    return total;
  };
  ctx.scheduler.every(nextMidnight, refresh, idle, {
    units: 'profile object re-scores',
    count: objects,
  });
}
