import type { APIPromise } from '../core/api-promise.ts';
import type { RequestOptions } from '../core/options.ts';
import type { PagePromise } from '../core/pagination.ts';
import { APIResource, type ListParams, type WithMode } from '../core/resource.ts';
import { parseParams } from '../core/validate.ts';
import type { components } from '../generated/openapi.ts';
import {
  ScoringAttributeListParamsSchema,
  ScoringAttributeValuesParamsSchema,
} from '../schemas/params.ts';
import { objectIdParam } from './scoring-objects.ts';
import type { ScoringObjectType } from './scoring-profiles.ts';

type Schemas = components['schemas'];

/** An attribute a scoring rule can test, with its answer type, choices and unit. */
export type ScoringAttribute = Schemas['ScoringAttribute'];
/** One object's value for every attribute of its type, as the rules engine sees it now. */
export type ScoringAttributeValues = Schemas['ScoringAttributeValues'];
/** A value: number, boolean, string, list of strings, or `null` (no value). */
export type ScoringAttributeValue = Schemas['ScoringAttributeValue'];
/** Parameters of `scoring.attributes.list`: paging, and `object_type` to keep one kind. */
export interface ScoringAttributeListParams extends ListParams {
  /** Only the attributes of this object type. */
  object_type?: ScoringObjectType;
}
/** Parameters of `scoring.attributes.values`. */
export interface ScoringAttributeValuesParams {
  /** `company` or `contact`. */
  object_type: ScoringObjectType;
  /** A domain for a company, a LinkedIn profile URL for a contact. */
  object_id: string;
}

/** What scoring rules can test, and what an object holds. */
export class ScoringAttributesResource extends APIResource {
  /**
   * The attribute catalog.
   * @example for await (const a of iiq.scoring.attributes.list({ object_type: 'company' })) console.log(a.id, a.answer_type);
   */
  list(
    params: ScoringAttributeListParams = {},
    options?: RequestOptions,
  ): PagePromise<ScoringAttribute> {
    return this.paginate(
      () => ({
        operation: 'scoring.attributes.list',
        path: '/scoring/attributes',
        query: parseParams(ScoringAttributeListParamsSchema, params),
      }),
      options,
    );
  }

  /**
   * An object's value for every attribute, so a rule's outcome can be predicted.
   * @example const { values } = await iiq.scoring.attributes.values({ object_type: 'company', object_id: 'stripe.com' });
   */
  values(
    params: ScoringAttributeValuesParams,
    options?: RequestOptions,
  ): APIPromise<WithMode<ScoringAttributeValues>> {
    return this.call(async () => {
      const query = parseParams(ScoringAttributeValuesParamsSchema, params);
      const objectId = await objectIdParam(query.object_type, 'object_id', query.object_id);
      return {
        operation: 'scoring.attributes.values',
        method: 'GET',
        path: '/scoring/attributes/values',
        query: { ...query, object_id: objectId },
      };
    }, options);
  }
}
