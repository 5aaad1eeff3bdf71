/** How scoring profiles, rules, assignments and scores look on the wire. */
import type { components } from '../../../src/generated/openapi.ts';
import { isoSeconds } from '../../kernel/clock.ts';
import { explain } from './evaluator.ts';
import type { AssignmentRecord, Dimension, ProfileRecord, RuleRecord } from './records.ts';

type Schemas = components['schemas'];
export type WireProfile = Schemas['ScoringProfile'];
export type WireRule = Schemas['ScoringRule'];
export type WireAssignment = Schemas['ScoringAssignment'];
export type WireScore = Schemas['ScoringScore'];

export function renderProfile(profile: ProfileRecord): WireProfile {
  return {
    id: profile.id,
    object_type: profile.objectType,
    name: profile.name,
    description: profile.description,
    rule_count: profile.rules.size,
    assignment_count: profile.assignments.size,
    created_at: isoSeconds(profile.createdAt),
    updated_at: isoSeconds(profile.updatedAt),
  };
}

export function renderRule(rule: RuleRecord): WireRule {
  return {
    id: rule.id,
    profile_id: rule.profileId,
    attribute: rule.attribute,
    dimension: rule.dimension,
    answer_type: rule.compiled.answerType,
    points: rule.compiled.points,
    max_points: rule.compiled.maxPoints,
    created_at: isoSeconds(rule.createdAt),
    updated_at: isoSeconds(rule.updatedAt),
  };
}

export function renderAssignment(assignment: AssignmentRecord): WireAssignment {
  return {
    id: assignment.id,
    profile_id: assignment.profileId,
    object_type: assignment.objectType,
    object_id: assignment.objectId,
    assigned_at: isoSeconds(assignment.assignedAt),
  };
}

/** A score row, with the contributions of its current and previous versions. */
export function renderScore(assignment: AssignmentRecord, dimension: Dimension): WireScore {
  const row = assignment.rows[dimension];
  const { rules, values, tally } = row.current;
  return {
    id: row.id,
    profile_id: assignment.profileId,
    object_type: assignment.objectType,
    object_id: assignment.objectId,
    dimension,
    score: tally.score,
    raw_points: tally.raw,
    max_points: tally.max,
    signal_coverage: tally.coverage,
    total_rules: rules.length,
    contributions: explain(rules, values),
    previous_score: row.previous === null ? null : row.previous.tally.score,
    previous_contributions:
      row.previous === null ? null : explain(row.previous.rules, row.previous.values),
    version: row.version,
    computed_at: isoSeconds(row.computedAt),
  };
}
