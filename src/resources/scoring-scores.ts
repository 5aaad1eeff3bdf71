import type { RequestOptions } from '../core/options.ts';
import type { PagePromise } from '../core/pagination.ts';
import { APIResource } from '../core/resource.ts';
import { parseParams } from '../core/validate.ts';
import type { components } from '../generated/openapi.ts';
import { ScoringScoreListParamsSchema } from '../schemas/params.ts';
import { objectIdsParam } from './scoring-objects.ts';
import type { ScoringObjectType } from './scoring-profiles.ts';

type Schemas = components['schemas'];

/** The score of one object on one profile and dimension, explained by its rules. */
export type ScoringScore = Schemas['ScoringScore'];
/** What one rule added to a score: the value it matched and the points it earned. */
export type ScoringContribution = Schemas['ScoringContribution'];
/** Parameters of `scoring.scores.list`. */
export interface ScoringScoreListParams {
  /** `company` or `contact`: how `object_ids` are read. */
  object_type: ScoringObjectType;
  /** 1 to 100 objects: domains for companies, LinkedIn profile URLs for contacts. */
  object_ids: string[];
  /** Only this profile's scores. */
  profile_id?: string;
  /** Rows per page, 1 to 100 (default 20). */
  limit?: number;
  /** The `next_cursor` of the previous page. */
  cursor?: string;
}

/** Scores, with the contributions that explain them. */
export class ScoringScoresResource extends APIResource {
  /**
   * One row per (profile, object, dimension) for every profile the objects are assigned to, in
   * the order the objects are given. The objects are sent as a repeated `object_id` parameter.
   * @example
   * for await (const row of iiq.scoring.scores.list({ object_type: 'company', object_ids: ['stripe.com'] })) {
   *   console.log(row.dimension, row.score, row.contributions);
   * }
   */
  list(params: ScoringScoreListParams, options?: RequestOptions): PagePromise<ScoringScore> {
    return this.paginate(async () => {
      const { object_ids, ...rest } = parseParams(ScoringScoreListParamsSchema, params);
      const objectIds = await objectIdsParam(rest.object_type, 'object_ids', object_ids);
      return {
        operation: 'scoring.scores.list',
        path: '/scoring/scores',
        query: { ...rest, object_id: objectIds },
      };
    }, options);
  }
}
