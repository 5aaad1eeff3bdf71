import type { APIPromise } from '../core/api-promise.ts';
import type { RequestOptions } from '../core/options.ts';
import type { PagePromise } from '../core/pagination.ts';
import { path } from '../core/path.ts';
import { APIResource, type ListParams, type WithMode } from '../core/resource.ts';
import { parseParams } from '../core/validate.ts';
import type { components } from '../generated/openapi.ts';
import { ListParamsSchema, ScoringRuleUpsertParamsSchema } from '../schemas/params.ts';
import type { SCORING_ATTRIBUTES } from '../schemas/scoring-attributes.ts';
import type { Deleted } from './watchlists.ts';

type Schemas = components['schemas'];

/** A rule of a scoring profile: points for an attribute, on one dimension. */
export type ScoringRule = Schemas['ScoringRule'];
/** `fit` (how well an object matches your ideal customer) or `urgency` (how ready it is now). */
export type ScoringDimension = Schemas['ScoringDimension'];
/** What an attribute holds: `boolean`, `number`, `percentage`, `currency` or `list`. */
export type ScoringAnswerType = Schemas['ScoringAnswerType'];
/** How a list rule earns: `additive`, `best_match`, `contains_all`, `contains_none`, `exact_match`. */
export type ScoringListMode = Schemas['ScoringListMode'];
/** Points of a boolean attribute: `{ true: 20, false: -5 }`; a missing key is 0. */
export type ScoringBooleanPoints = Schemas['ScoringBooleanPoints'];
/** One range of a number rule: `min` inclusive, `max` exclusive, either `null` or left out (open). */
export type ScoringRange = Schemas['ScoringRange'];
/** Points of a number, percentage or currency attribute: `{ ranges: [{ min, max, points }] }`. */
export type ScoringRangePoints = Schemas['ScoringRangePoints'];
/** Points of a list attribute: `{ choices: { Salesforce: 10 }, mode: 'additive' }`. */
export type ScoringListPoints = Schemas['ScoringListPoints'];
/** Points of any shape, for an attribute this version of the SDK does not know. */
export type ScoringPoints = Schemas['ScoringPoints'];

/** The answer type of every attribute this version of the SDK knows, by attribute ID. */
export type ScoringAttributeAnswerTypes = (typeof SCORING_ATTRIBUTES)['company'] &
  (typeof SCORING_ATTRIBUTES)['contact'];

/** An attribute ID this version of the SDK knows, e.g. `'employee_count'`. */
export type KnownScoringAttribute = keyof ScoringAttributeAnswerTypes;

/** The shape of `points` an answer type takes. */
export type ScoringPointsFor<T extends ScoringAnswerType> = T extends 'boolean'
  ? ScoringBooleanPoints
  : T extends 'list'
    ? ScoringListPoints
    : ScoringRangePoints;

/**
 * Parameters of `scoring.profiles.rules.upsert`. For an attribute the SDK knows, `points` must
 * have the shape of its answer type (ranges for `employee_count`, choices for `tech_stack`); an
 * attribute added to the API later takes points of any shape.
 */
export interface ScoringRuleUpsertParams<A extends string = string> {
  /** An attribute ID of the profile's object type (see `scoring.attributes.list()`). */
  attribute: A;
  /** `fit` or `urgency`. */
  dimension: ScoringDimension;
  /** Shaped by the attribute's answer type. */
  points: A extends KnownScoringAttribute
    ? ScoringPointsFor<ScoringAttributeAnswerTypes[A]>
    : ScoringPoints;
}

/** The rules of a scoring profile. */
export class ScoringRulesResource extends APIResource {
  /** The profile's rules, oldest first. */
  list(
    profileId: string,
    params: ListParams = {},
    options?: RequestOptions,
  ): PagePromise<ScoringRule> {
    return this.paginate(
      () => ({
        operation: 'scoring.profiles.rules.list',
        path: path`/scoring/profiles/${profileId}/rules`,
        query: parseParams(ListParamsSchema, params),
      }),
      options,
    );
  }

  /**
   * Creates the profile's rule for (`attribute`, `dimension`), or replaces its points. Every object
   * assigned to the profile is re-scored before this resolves.
   * @example
   * await iiq.scoring.profiles.rules.upsert(profile.id, {
   *   attribute: 'employee_count',
   *   dimension: 'fit',
   *   points: { ranges: [{ min: 100, max: 1000, points: 10 }, { min: 1000, max: null, points: 25 }] },
   * });
   */
  upsert<A extends string>(
    profileId: string,
    params: ScoringRuleUpsertParams<A>,
    options?: RequestOptions,
  ): APIPromise<WithMode<ScoringRule>> {
    return this.call(
      () => ({
        operation: 'scoring.profiles.rules.upsert',
        method: 'PUT',
        path: path`/scoring/profiles/${profileId}/rules`,
        body: parseParams(ScoringRuleUpsertParamsSchema, params),
      }),
      options,
    );
  }

  /** Deletes a rule; every object assigned to the profile is re-scored before this resolves. */
  delete(
    profileId: string,
    ruleId: string,
    options?: RequestOptions,
  ): APIPromise<WithMode<Deleted>> {
    return this.call(
      () => ({
        operation: 'scoring.profiles.rules.delete',
        method: 'DELETE',
        path: path`/scoring/profiles/${profileId}/rules/${ruleId}`,
      }),
      options,
    );
  }
}
