/**
 * What scoring profiles keep in a space, and the caps that bound it. Profiles hold their rules and
 * assignments; the book indexes assignments by ID and by object, so that reading an object's
 * scores or recomputing it never scans the profiles.
 */
import { defineStore, type Space } from '../../tenancy/workspace.ts';
import type { AssignmentRecord, ObjectType, ProfileRecord } from './records.ts';

/** The most profiles a space holds; creating one more is refused. */
export const MAX_PROFILES_PER_SPACE = 100;
/** The most rules a profile holds (both dimensions together); adding one more is refused. */
export const MAX_RULES_PER_PROFILE = 100;
/** The most assignments a space holds, over all its profiles; assigning more is refused. */
export const MAX_ASSIGNMENTS_PER_SPACE = 10_000;
/** How long `POST /scoring/compute` takes to recompute what it queued, in virtual ms. */
export const COMPUTE_DELAY_MS = 1_000;

export interface ScoringBook {
  /** By ID, in creation order. */
  readonly profiles: Map<string, ProfileRecord>;
  /** By ID, in creation order. */
  readonly assignments: Map<string, AssignmentRecord>;
  /** By object (`objectKey`): every profile the object is assigned to. */
  readonly byObject: Map<string, Set<AssignmentRecord>>;
  /** Objects queued by `POST /scoring/compute` (`objectKey`), until they are recomputed. */
  readonly queued: Set<string>;
}

const scoringStore = defineStore(
  'scoring-profiles',
  (): ScoringBook => ({
    profiles: new Map(),
    assignments: new Map(),
    byObject: new Map(),
    queued: new Set(),
  }),
);

/** The scoring profiles of a space. */
export function scoringOf(space: Space): ScoringBook {
  return space.get(scoringStore);
}

/** The key of an object in the book's indexes. */
export function objectKey(objectType: ObjectType, objectId: string): string {
  return `${objectType} ${objectId}`;
}

/** Every profile the object is assigned to, oldest assignment first. */
export function assignmentsOf(
  book: ScoringBook,
  objectType: ObjectType,
  objectId: string,
): readonly AssignmentRecord[] {
  return [...(book.byObject.get(objectKey(objectType, objectId)) ?? [])];
}

export function indexAssignment(book: ScoringBook, assignment: AssignmentRecord): void {
  book.assignments.set(assignment.id, assignment);
  const key = objectKey(assignment.objectType, assignment.objectId);
  let set = book.byObject.get(key);
  if (set === undefined) {
    set = new Set();
    book.byObject.set(key, set);
  }
  set.add(assignment);
}

export function unindexAssignment(book: ScoringBook, assignment: AssignmentRecord): void {
  book.assignments.delete(assignment.id);
  const key = objectKey(assignment.objectType, assignment.objectId);
  const set = book.byObject.get(key);
  set?.delete(assignment);
  if (set?.size === 0) {
    book.byObject.delete(key);
    book.queued.delete(key);
  }
}
