import type { APIPromise } from '../core/api-promise.ts';
import type { RequestOptions } from '../core/options.ts';
import type { PagePromise } from '../core/pagination.ts';
import { path } from '../core/path.ts';
import { APIResource, type ListParams, type WithMode } from '../core/resource.ts';
import { parseParams } from '../core/validate.ts';
import type { components } from '../generated/openapi.ts';
import {
  ScoringAssignmentBulkParamsSchema,
  ScoringAssignmentCreateParamsSchema,
  ScoringAssignmentListParamsSchema,
} from '../schemas/params.ts';
import { objectIdParam, objectIdsInOrderParam } from './scoring-objects.ts';
import type { ScoringObjectType } from './scoring-profiles.ts';
import type { Deleted } from './watchlists.ts';

type Schemas = components['schemas'];

/** An object assigned to a scoring profile. */
export type ScoringAssignment = Schemas['ScoringAssignment'];
/** Parameters of `scoring.assignments.create`. */
export type ScoringAssignmentCreateParams = Schemas['ScoringAssignmentCreateParams'];
/** Parameters of `scoring.assignments.createMany`: 1 to 500 objects. */
export type ScoringAssignmentBulkParams = Schemas['ScoringAssignmentBulkParams'];
/** What `scoring.assignments.createMany` returns: the new assignments and how many were skipped. */
export type ScoringAssignmentBulkResult = Schemas['ScoringAssignmentBulkResult'];
/** Parameters of `scoring.assignments.list`: filters (`object_id` needs `object_type`) and paging. */
export interface ScoringAssignmentListParams extends ListParams {
  /** Only objects of this type. */
  object_type?: ScoringObjectType;
  /** Only this object: a domain, or a LinkedIn profile URL (needs `object_type`). */
  object_id?: string;
  /** Only this profile's objects. */
  profile_id?: string;
}

/** Which objects each scoring profile scores. */
export class ScoringAssignmentsResource extends APIResource {
  /**
   * Assignments, newest first: an object's profiles, a profile's objects, or all.
   * @example for await (const a of iiq.scoring.assignments.list({ object_type: 'company', object_id: 'stripe.com' })) console.log(a.profile_id);
   */
  list(
    params: ScoringAssignmentListParams = {},
    options?: RequestOptions,
  ): PagePromise<ScoringAssignment> {
    return this.paginate(async () => {
      const query = parseParams(ScoringAssignmentListParamsSchema, params);
      const objectId =
        query.object_id === undefined || query.object_type === undefined
          ? query.object_id
          : await objectIdParam(query.object_type, 'object_id', query.object_id);
      return {
        operation: 'scoring.assignments.list',
        path: '/scoring/assignments',
        query: { ...query, object_id: objectId },
      };
    }, options);
  }

  /**
   * Assigns a company (domain) or a contact (LinkedIn profile URL) to a profile; its scores are
   * computed at once. Assigning it again returns the existing assignment.
   * @example await iiq.scoring.assignments.create({ profile_id, object_type: 'company', object_id: 'stripe.com' });
   */
  create(
    params: ScoringAssignmentCreateParams,
    options?: RequestOptions,
  ): APIPromise<WithMode<ScoringAssignment>> {
    return this.call(async () => {
      const body = parseParams(ScoringAssignmentCreateParamsSchema, params);
      const objectId = await objectIdParam(body.object_type, 'object_id', body.object_id);
      return {
        operation: 'scoring.assignments.create',
        method: 'POST',
        path: '/scoring/assignments',
        body: { ...body, object_id: objectId },
      };
    }, options);
  }

  /**
   * Assigns 1 to 500 objects to a profile. Objects already assigned, and repeats, are skipped:
   * `data` lists only the new assignments, and `data.length + skipped` is the number of
   * `object_ids` given.
   */
  createMany(
    params: ScoringAssignmentBulkParams,
    options?: RequestOptions,
  ): APIPromise<WithMode<ScoringAssignmentBulkResult>> {
    return this.call(async () => {
      const body = parseParams(ScoringAssignmentBulkParamsSchema, params);
      const objectIds = await objectIdsInOrderParam(
        body.object_type,
        'object_ids',
        body.object_ids,
      );
      return {
        operation: 'scoring.assignments.createMany',
        method: 'POST',
        path: '/scoring/assignments/bulk',
        body: { ...body, object_ids: objectIds },
      };
    }, options);
  }

  /** Removes an assignment and that object's scores on that profile. */
  delete(id: string, options?: RequestOptions): APIPromise<WithMode<Deleted>> {
    return this.call(
      () => ({
        operation: 'scoring.assignments.delete',
        method: 'DELETE',
        path: path`/scoring/assignments/${id}`,
      }),
      options,
    );
  }
}
