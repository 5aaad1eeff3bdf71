import type { APIPromise } from '../core/api-promise.ts';
import { apexDomain } from '../core/domains.ts';
import type { RequestOptions } from '../core/options.ts';
import type { PagePromise } from '../core/pagination.ts';
import { path } from '../core/path.ts';
import { APIResource, type ListParams, type WithMode } from '../core/resource.ts';
import { fail, parseParams } from '../core/validate.ts';
import type { components } from '../generated/openapi.ts';
import {
  OutcomeCreateParamsSchema,
  OutcomeListParamsSchema,
  OutcomeUpdateParamsSchema,
} from '../schemas/params.ts';
import type { Deleted } from './watchlists.ts';

type Schemas = components['schemas'];

/** What happened with an account, with the score it had when it happened. */
export type Outcome = Schemas['Outcome'];
/** `no_response`, `contacted`, `meeting_booked`, `opportunity`, `won`, `lost` or `disqualified`. */
export type OutcomeKind = Schemas['OutcomeKind'];
/** Parameters of `outcomes.create`. */
export type OutcomeCreateParams = Schemas['OutcomeCreateParams'];
/** Parameters of `outcomes.update`: at least one of `outcome`, `notes`. */
export type OutcomeUpdateParams = Schemas['OutcomeUpdateParams'];
/** Parameters of `outcomes.list`: paging, and filters by `domain` and `outcome`. */
export interface OutcomeListParams extends ListParams {
  /** Only this domain's outcomes (normalised to its apex). */
  domain?: string;
  /** Only outcomes of this kind. */
  outcome?: OutcomeKind;
}

/** Outcomes: what happened with each account, for reports and conversion by band. */
export class OutcomesResource extends APIResource {
  /**
   * Records an outcome. `occurred_at` defaults to now; `score_at_outcome` and `band_at_outcome`
   * are the workspace's latest score of the domain at that moment (null if it had none).
   * @example await iiq.outcomes.create({ domain: 'stripe.com', outcome: 'meeting_booked' });
   */
  create(params: OutcomeCreateParams, options?: RequestOptions): APIPromise<WithMode<Outcome>> {
    return this.call(async () => {
      const body = parseParams(OutcomeCreateParamsSchema, params);
      const domain = await apexDomain('domain', body.domain);
      return {
        operation: 'outcomes.create',
        method: 'POST',
        path: '/outcomes',
        body: { ...body, domain },
      };
    }, options);
  }

  /**
   * The workspace's outcomes, newest `occurred_at` first.
   * @example for await (const o of iiq.outcomes.list({ outcome: 'won' })) console.log(o.domain);
   */
  list(params: OutcomeListParams = {}, options?: RequestOptions): PagePromise<Outcome> {
    return this.paginate(async () => {
      const query = parseParams(OutcomeListParamsSchema, params);
      const domain =
        query.domain === undefined ? undefined : await apexDomain('domain', query.domain);
      return { operation: 'outcomes.list', path: '/outcomes', query: { ...query, domain } };
    }, options);
  }

  /** One outcome by its `out_` ID. */
  retrieve(id: string, options?: RequestOptions): APIPromise<WithMode<Outcome>> {
    return this.call(
      () => ({ operation: 'outcomes.retrieve', method: 'GET', path: path`/outcomes/${id}` }),
      options,
    );
  }

  /**
   * Changes the outcome or its notes (`occurred_at` and the score at the outcome stay).
   * @example await iiq.outcomes.update(outcome.id, { outcome: 'won' });
   */
  update(
    id: string,
    params: OutcomeUpdateParams,
    options?: RequestOptions,
  ): APIPromise<WithMode<Outcome>> {
    return this.call(() => {
      const target = path`/outcomes/${id}`;
      const body = parseParams(OutcomeUpdateParamsSchema, params);
      if (body.outcome === undefined && body.notes === undefined) {
        fail([{ field: 'params', message: 'must set at least one of outcome, notes' }]);
      }
      return { operation: 'outcomes.update', method: 'PATCH', path: target, body };
    }, options);
  }

  /** Deletes an outcome; reports generated afterwards no longer count it. */
  delete(id: string, options?: RequestOptions): APIPromise<WithMode<Deleted>> {
    return this.call(
      () => ({ operation: 'outcomes.delete', method: 'DELETE', path: path`/outcomes/${id}` }),
      options,
    );
  }
}
