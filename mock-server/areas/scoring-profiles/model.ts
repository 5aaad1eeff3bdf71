/**
 * Scoring profiles, their rules and their assignments. A profile scores objects of one type on two
 * dimensions (`fit`, `urgency`) with rules over attributes; every assigned object has one score row
 * per dimension, computed when it is assigned and again on every trigger `compute.ts` names.
 * Scoring profiles cost no credits. Every store is capped (`store.ts`); a refused request changes
 * nothing.
 */
import type { components } from '../../../src/generated/openapi.ts';
import type { MockContext } from '../../context.ts';
import { invalidRequest, MockApiError, notFound } from '../../kernel/errors.ts';
import type { Space } from '../../tenancy/workspace.ts';
import { attributeInfo } from './attributes.ts';
import { firstRows, recomputeProfile, ValuesCache } from './compute.ts';
import { type CompiledRule, compileRule, inContributionOrder } from './evaluator.ts';
import {
  type AssignmentRecord,
  DIMENSIONS,
  type Dimension,
  type ObjectType,
  type ProfileRecord,
  type RuleRecord,
} from './records.ts';
import {
  assignmentsOf,
  indexAssignment,
  MAX_ASSIGNMENTS_PER_SPACE,
  MAX_PROFILES_PER_SPACE,
  MAX_RULES_PER_PROFILE,
  scoringOf,
  unindexAssignment,
} from './store.ts';

export { queueCompute } from './compute.ts';

type Points = components['schemas']['ScoringPoints'];

const TYPE_NAMES: Readonly<Record<ObjectType, string>> = {
  company: 'companies',
  contact: 'contacts',
};

// Profiles

export interface CreateProfileInput {
  objectType: ObjectType;
  name: string;
  description?: string;
}

export function createProfile(
  ctx: MockContext,
  space: Space,
  input: CreateProfileInput,
): ProfileRecord {
  const book = scoringOf(space);
  if (book.profiles.size >= MAX_PROFILES_PER_SPACE) {
    throw invalidRequest(
      'body',
      `A workspace holds at most ${MAX_PROFILES_PER_SPACE} scoring profiles in each mode. Delete one before creating another.`,
    );
  }
  const now = ctx.now();
  const profile: ProfileRecord = {
    id: ctx.ids.next('prf'),
    objectType: input.objectType,
    name: input.name,
    description: input.description ?? null,
    createdAt: now,
    updatedAt: now,
    rules: new Map(),
    ruleSets: { fit: [], urgency: [] },
    assignments: new Map(),
  };
  book.profiles.set(profile.id, profile);
  return profile;
}

export function retrieveProfile(space: Space, id: string): ProfileRecord {
  const profile = scoringOf(space).profiles.get(id);
  if (profile === undefined) throw notFound('scoring profile', id);
  return profile;
}

export function updateProfile(
  ctx: MockContext,
  profile: ProfileRecord,
  input: { name?: string; description?: string | null },
): ProfileRecord {
  if (input.name !== undefined) profile.name = input.name;
  if (input.description !== undefined) profile.description = input.description;
  profile.updatedAt = ctx.now();
  return profile;
}

/** Deletes a profile with its rules, assignments and scores. */
export function deleteProfile(space: Space, id: string): ProfileRecord {
  const profile = retrieveProfile(space, id);
  const book = scoringOf(space);
  for (const assignment of profile.assignments.values()) unindexAssignment(book, assignment);
  book.profiles.delete(profile.id);
  return profile;
}

/** Profiles, newest first. */
export function listProfiles(space: Space, objectType?: ObjectType): ProfileRecord[] {
  return [...scoringOf(space).profiles.values()]
    .filter((profile) => objectType === undefined || profile.objectType === objectType)
    .reverse();
}

// Rules

export interface RuleInput {
  attribute: string;
  dimension: Dimension;
  points: Points;
}

function ruleSetsOf(profile: ProfileRecord): Record<Dimension, readonly CompiledRule[]> {
  const sets = { fit: [] as CompiledRule[], urgency: [] as CompiledRule[] };
  for (const rule of profile.rules.values()) sets[rule.dimension].push(rule.compiled);
  return { fit: inContributionOrder(sets.fit), urgency: inContributionOrder(sets.urgency) };
}

function findRule(
  profile: ProfileRecord,
  attribute: string,
  dimension: Dimension,
): RuleRecord | undefined {
  for (const rule of profile.rules.values()) {
    if (rule.attribute === attribute && rule.dimension === dimension) return rule;
  }
  return undefined;
}

/**
 * Creates or replaces the profile's rule for (attribute, dimension), then recomputes every object
 * assigned to the profile, so that the next read reflects it.
 */
export function upsertRule(
  ctx: MockContext,
  space: Space,
  profile: ProfileRecord,
  input: RuleInput,
): RuleRecord {
  const info = attributeInfo(input.attribute);
  if (info === undefined) {
    throw invalidRequest(
      'attribute',
      `attribute "${input.attribute.slice(0, 64)}" is not an attribute a rule can test. List them with GET /scoring/attributes.`,
    );
  }
  if (info.objectType !== profile.objectType) {
    throw new MockApiError(
      'object_type_mismatch',
      `${info.id} is an attribute of ${TYPE_NAMES[info.objectType]}, and profile ${profile.id} scores ${TYPE_NAMES[profile.objectType]}. Use a ${profile.objectType} attribute (GET /scoring/attributes?object_type=${profile.objectType}).`,
      { field: 'attribute' },
    );
  }
  const existing = findRule(profile, info.id, input.dimension);
  const compiled = compileRule({
    id: existing?.id ?? '',
    attribute: info.id,
    answerType: info.answerType,
    multi: info.multi,
    points: input.points,
  });
  if (!compiled.ok) {
    throw new MockApiError('invalid_point_values', `${compiled.problem}.`, { field: 'points' });
  }
  if (existing === undefined && profile.rules.size >= MAX_RULES_PER_PROFILE) {
    throw invalidRequest(
      'body',
      `A scoring profile holds at most ${MAX_RULES_PER_PROFILE} rules. Delete one, or replace an existing rule by upserting its attribute and dimension.`,
    );
  }
  const now = ctx.now();
  let rule: RuleRecord;
  if (existing === undefined) {
    const id = ctx.ids.next('rul');
    rule = {
      id,
      profileId: profile.id,
      attribute: info.id,
      dimension: input.dimension,
      compiled: { ...compiled.rule, id },
      createdAt: now,
      updatedAt: now,
    };
    profile.rules.set(id, rule);
  } else {
    rule = existing;
    rule.compiled = compiled.rule;
    rule.updatedAt = now;
  }
  profile.ruleSets = ruleSetsOf(profile);
  profile.updatedAt = now;
  recomputeProfile(ctx, space, profile);
  return rule;
}

/** Deletes a rule, then recomputes every object assigned to the profile. */
export function deleteRule(
  ctx: MockContext,
  space: Space,
  profile: ProfileRecord,
  ruleId: string,
): RuleRecord {
  const rule = profile.rules.get(ruleId);
  if (rule === undefined) throw notFound('rule', ruleId);
  profile.rules.delete(ruleId);
  profile.ruleSets = ruleSetsOf(profile);
  profile.updatedAt = ctx.now();
  recomputeProfile(ctx, space, profile);
  return rule;
}

/** The profile's rules, oldest first. */
export function listRules(profile: ProfileRecord): RuleRecord[] {
  return [...profile.rules.values()];
}

// Assignments

function requireType(profile: ProfileRecord, objectType: ObjectType): void {
  if (profile.objectType === objectType) return;
  throw new MockApiError(
    'object_type_mismatch',
    `Profile ${profile.id} scores ${TYPE_NAMES[profile.objectType]}; a ${objectType} cannot be assigned to it.`,
    { field: 'object_type' },
  );
}

function requireRoom(space: Space, adding: number): void {
  const total = scoringOf(space).assignments.size + adding;
  if (total <= MAX_ASSIGNMENTS_PER_SPACE) return;
  throw invalidRequest(
    'body',
    `A workspace holds at most ${MAX_ASSIGNMENTS_PER_SPACE.toLocaleString('en-US')} scoring assignments in each mode; this request would make ${total.toLocaleString('en-US')}. Remove assignments first.`,
  );
}

function newAssignment(
  ctx: MockContext,
  space: Space,
  profile: ProfileRecord,
  objectId: string,
  cache: ValuesCache,
): AssignmentRecord {
  const assignment: AssignmentRecord = {
    id: ctx.ids.next('asg'),
    profileId: profile.id,
    objectType: profile.objectType,
    objectId,
    assignedAt: ctx.now(),
    rows: firstRows(ctx, profile, cache.get(profile.objectType, objectId)),
  };
  profile.assignments.set(objectId, assignment);
  indexAssignment(scoringOf(space), assignment);
  return assignment;
}

export interface AssignInput {
  profileId: string;
  objectType: ObjectType;
  /** In canonical form (see `objects.ts`). */
  objectId: string;
}

/** Assigns an object and scores it at once; an existing assignment is returned as it is. */
export function assign(
  ctx: MockContext,
  space: Space,
  input: AssignInput,
): { assignment: AssignmentRecord; created: boolean } {
  const profile = retrieveProfile(space, input.profileId);
  requireType(profile, input.objectType);
  const existing = profile.assignments.get(input.objectId);
  if (existing !== undefined) return { assignment: existing, created: false };
  requireRoom(space, 1);
  const cache = new ValuesCache(ctx, space);
  return { assignment: newAssignment(ctx, space, profile, input.objectId, cache), created: true };
}

/** Assigns many objects; those already assigned, and repeats, are skipped. */
export function assignMany(
  ctx: MockContext,
  space: Space,
  input: { profileId: string; objectType: ObjectType; objectIds: readonly string[] },
): { created: AssignmentRecord[]; skipped: number } {
  const profile = retrieveProfile(space, input.profileId);
  requireType(profile, input.objectType);
  const fresh = [...new Set(input.objectIds)].filter((id) => !profile.assignments.has(id));
  requireRoom(space, fresh.length);
  const cache = new ValuesCache(ctx, space);
  const created = fresh.map((objectId) => newAssignment(ctx, space, profile, objectId, cache));
  return { created, skipped: input.objectIds.length - created.length };
}

export function retrieveAssignment(space: Space, id: string): AssignmentRecord {
  const assignment = scoringOf(space).assignments.get(id);
  if (assignment === undefined) throw notFound('scoring assignment', id);
  return assignment;
}

/** Removes an assignment and that pair's scores. */
export function unassign(space: Space, id: string): AssignmentRecord {
  const assignment = retrieveAssignment(space, id);
  const book = scoringOf(space);
  book.profiles.get(assignment.profileId)?.assignments.delete(assignment.objectId);
  unindexAssignment(book, assignment);
  return assignment;
}

export interface AssignmentFilter {
  objectType?: ObjectType;
  objectId?: string;
  profileId?: string;
}

/** Assignments, newest first, filtered. */
export function listAssignments(space: Space, filter: AssignmentFilter): AssignmentRecord[] {
  const book = scoringOf(space);
  const profile =
    filter.profileId === undefined ? undefined : retrieveProfile(space, filter.profileId);
  // The narrowest index that holds them: the object's, the profile's, or all (creation order).
  const pool =
    filter.objectType !== undefined && filter.objectId !== undefined
      ? assignmentsOf(book, filter.objectType, filter.objectId)
      : [...(profile ?? book).assignments.values()];
  return pool
    .filter(
      (assignment) =>
        (filter.objectType === undefined || assignment.objectType === filter.objectType) &&
        (filter.profileId === undefined || assignment.profileId === filter.profileId),
    )
    .reverse();
}

// Scores

/** One score row with what it belongs to. */
export interface ScoreEntry {
  readonly assignment: AssignmentRecord;
  readonly dimension: Dimension;
}

/**
 * The score rows of the objects, in the order given (repeats once), then by profile (oldest
 * first), `fit` before `urgency`.
 */
export function scoreEntries(
  space: Space,
  objectType: ObjectType,
  objectIds: readonly string[],
  profileId?: string,
): ScoreEntry[] {
  const book = scoringOf(space);
  if (profileId !== undefined) retrieveProfile(space, profileId);
  const order = new Map([...book.profiles.keys()].map((id, index) => [id, index]));
  const rank = (assignment: AssignmentRecord) => order.get(assignment.profileId) ?? 0;
  const entries: ScoreEntry[] = [];
  for (const objectId of new Set(objectIds)) {
    const assignments = assignmentsOf(book, objectType, objectId)
      .filter((assignment) => profileId === undefined || assignment.profileId === profileId)
      .sort((a, b) => rank(a) - rank(b));
    for (const assignment of assignments) {
      for (const dimension of DIMENSIONS) entries.push({ assignment, dimension });
    }
  }
  return entries;
}
