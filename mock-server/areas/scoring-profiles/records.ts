/** The shapes scoring profiles keep in a space, shared by the model and the wire format. */
import type { components } from '../../../src/generated/openapi.ts';
import type { AttributeValues, CompiledRule, Tally } from './evaluator.ts';

type Schemas = components['schemas'];
export type ObjectType = Schemas['ScoringObjectType'];
export type Dimension = Schemas['ScoringDimension'];

export const DIMENSIONS: readonly Dimension[] = ['fit', 'urgency'];

export interface RuleRecord {
  readonly id: string;
  readonly profileId: string;
  readonly attribute: string;
  readonly dimension: Dimension;
  /** Replaced (never changed) by an upsert, so a computation that holds it keeps its own. */
  compiled: CompiledRule;
  readonly createdAt: number;
  updatedAt: number;
}

export interface ProfileRecord {
  readonly id: string;
  readonly objectType: ObjectType;
  name: string;
  description: string | null;
  readonly createdAt: number;
  updatedAt: number;
  /** By ID, in creation order. */
  readonly rules: Map<string, RuleRecord>;
  /** Each dimension's compiled rules in contribution order: a new array after every rule change. */
  ruleSets: Readonly<Record<Dimension, readonly CompiledRule[]>>;
  /** By object ID. */
  readonly assignments: Map<string, AssignmentRecord>;
}

/** One computation of one row: the rules and values it used (enough to explain it) and its tally. */
export interface Computation {
  readonly rules: readonly CompiledRule[];
  readonly values: AttributeValues;
  readonly tally: Tally;
}

/** The score of one assigned object on one dimension of its profile. */
export interface ScoreRow {
  readonly id: string;
  readonly dimension: Dimension;
  current: Computation;
  /** The computation of the previous version; null at version 1. */
  previous: Computation | null;
  version: number;
  computedAt: number;
}

export interface AssignmentRecord {
  readonly id: string;
  readonly profileId: string;
  readonly objectType: ObjectType;
  readonly objectId: string;
  readonly assignedAt: number;
  readonly rows: Record<Dimension, ScoreRow>;
}
