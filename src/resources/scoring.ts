import type { APIPromise } from '../core/api-promise.ts';
import type { RequestOptions } from '../core/options.ts';
import { APIResource, type Transport, type WithMode } from '../core/resource.ts';
import { parseParams } from '../core/validate.ts';
import type { components } from '../generated/openapi.ts';
import { ScoringComputeParamsSchema } from '../schemas/params.ts';
import { ScoringAssignmentsResource } from './scoring-assignments.ts';
import { ScoringAttributesResource } from './scoring-attributes.ts';
import { objectIdsParam } from './scoring-objects.ts';
import { ScoringProfilesResource } from './scoring-profiles.ts';
import { ScoringScoresResource } from './scoring-scores.ts';

type Schemas = components['schemas'];

/** Parameters of `scoring.compute`: 1 to 500 objects of one type. */
export type ScoringComputeParams = Schemas['ScoringComputeParams'];
/** What `scoring.compute` returns: how many objects were queued, and how many had no profile. */
export type ScoringComputeResult = Schemas['ScoringComputeResult'];

/** Scoring profiles: your own fit and urgency rules over firmographics and intent. */
export class ScoringResource extends APIResource {
  /** What rules can test, and what an object holds. */
  readonly attributes: ScoringAttributesResource;
  /** Profiles, and their rules. */
  readonly profiles: ScoringProfilesResource;
  /** Which objects each profile scores. */
  readonly assignments: ScoringAssignmentsResource;
  /** Scores, explained rule by rule. */
  readonly scores: ScoringScoresResource;

  constructor(transport: Transport) {
    super(transport);
    this.attributes = new ScoringAttributesResource(transport);
    this.profiles = new ScoringProfilesResource(transport);
    this.assignments = new ScoringAssignmentsResource(transport);
    this.scores = new ScoringScoresResource(transport);
  }

  /**
   * Recomputes the objects' scores on every profile they are assigned to, within a second
   * (`202`): `queued` objects, and `failed` ones that no profile holds.
   * @example await iiq.scoring.compute({ object_type: 'company', object_ids: ['stripe.com'] });
   */
  compute(
    params: ScoringComputeParams,
    options?: RequestOptions,
  ): APIPromise<WithMode<ScoringComputeResult>> {
    return this.call(async () => {
      const body = parseParams(ScoringComputeParamsSchema, params);
      const objectIds = await objectIdsParam(body.object_type, 'object_ids', body.object_ids);
      return {
        operation: 'scoring.compute',
        method: 'POST',
        path: '/scoring/compute',
        body: { ...body, object_ids: objectIds },
      };
    }, options);
  }
}
