import type { APIPromise } from '../core/api-promise.ts';
import type { RequestOptions } from '../core/options.ts';
import type { PagePromise } from '../core/pagination.ts';
import { path } from '../core/path.ts';
import { APIResource, type ListParams, type Transport, type WithMode } from '../core/resource.ts';
import { fail, parseParams } from '../core/validate.ts';
import type { components } from '../generated/openapi.ts';
import {
  ScoringProfileCreateParamsSchema,
  ScoringProfileListParamsSchema,
  ScoringProfileUpdateParamsSchema,
} from '../schemas/params.ts';
import { ScoringRulesResource } from './scoring-rules.ts';
import type { Deleted } from './watchlists.ts';

type Schemas = components['schemas'];

/** A named set of rules that scores objects of one type on `fit` and `urgency`. */
export type ScoringProfile = Schemas['ScoringProfile'];
/** `company` or `contact`. */
export type ScoringObjectType = Schemas['ScoringObjectType'];
/** Parameters of `scoring.profiles.create`. */
export type ScoringProfileCreateParams = Schemas['ScoringProfileCreateParams'];
/** Parameters of `scoring.profiles.update`: at least one of `name`, `description`. */
export type ScoringProfileUpdateParams = Schemas['ScoringProfileUpdateParams'];
/** Parameters of `scoring.profiles.list`: paging, and `object_type` to keep one kind. */
export interface ScoringProfileListParams extends ListParams {
  /** Only profiles of this object type. */
  object_type?: ScoringObjectType;
}

/** Scoring profiles, and their rules under `scoring.profiles.rules`. */
export class ScoringProfilesResource extends APIResource {
  /** The rules of a profile. */
  readonly rules: ScoringRulesResource;

  constructor(transport: Transport) {
    super(transport);
    this.rules = new ScoringRulesResource(transport);
  }

  /** The workspace's profiles, newest first. */
  list(
    params: ScoringProfileListParams = {},
    options?: RequestOptions,
  ): PagePromise<ScoringProfile> {
    return this.paginate(
      () => ({
        operation: 'scoring.profiles.list',
        path: '/scoring/profiles',
        query: parseParams(ScoringProfileListParamsSchema, params),
      }),
      options,
    );
  }

  /**
   * Creates a profile; its `object_type` cannot change later.
   * @example const profile = await iiq.scoring.profiles.create({ object_type: 'company', name: 'Mid-market fintech' });
   */
  create(
    params: ScoringProfileCreateParams,
    options?: RequestOptions,
  ): APIPromise<WithMode<ScoringProfile>> {
    return this.call(
      () => ({
        operation: 'scoring.profiles.create',
        method: 'POST',
        path: '/scoring/profiles',
        body: parseParams(ScoringProfileCreateParamsSchema, params),
      }),
      options,
    );
  }

  /** One profile with its rule and assignment counts. */
  retrieve(id: string, options?: RequestOptions): APIPromise<WithMode<ScoringProfile>> {
    return this.call(
      () => ({
        operation: 'scoring.profiles.retrieve',
        method: 'GET',
        path: path`/scoring/profiles/${id}`,
      }),
      options,
    );
  }

  /**
   * Renames a profile or changes its description (`null` removes it); fields left out are unchanged.
   * @example await iiq.scoring.profiles.update(id, { name: 'Mid-market fintech (EMEA)' });
   */
  update(
    id: string,
    params: ScoringProfileUpdateParams,
    options?: RequestOptions,
  ): APIPromise<WithMode<ScoringProfile>> {
    return this.call(() => {
      const target = path`/scoring/profiles/${id}`;
      const body = parseParams(ScoringProfileUpdateParamsSchema, params);
      if (body.name === undefined && body.description === undefined) {
        fail([{ field: 'params', message: 'must set at least one of name, description' }]);
      }
      return { operation: 'scoring.profiles.update', method: 'PATCH', path: target, body };
    }, options);
  }

  /** Deletes a profile with its rules, its assignments and their scores. */
  delete(id: string, options?: RequestOptions): APIPromise<WithMode<Deleted>> {
    return this.call(
      () => ({
        operation: 'scoring.profiles.delete',
        method: 'DELETE',
        path: path`/scoring/profiles/${id}`,
      }),
      options,
    );
  }
}
