import type { APIPromise } from '../core/api-promise.ts';
import { apexDomain } from '../core/domains.ts';
import type { RequestOptions } from '../core/options.ts';
import { APIResource, type WithMode } from '../core/resource.ts';
import { fail, parseParams } from '../core/validate.ts';
import type { components } from '../generated/openapi.ts';
import { AggregateSignalsParamsSchema } from '../schemas/params.ts';

type Schemas = components['schemas'];

/**
 * How accounts like one convert, across every workspace: all the figures (`available: true`), or
 * none below the privacy threshold (`available: false`). Narrow on `available`.
 */
export type AggregateSignals = Schemas['AggregateSignals'];
/** The figures of a segment with enough samples. */
export type AggregateSignalsAvailable = Schemas['AggregateSignalsAvailable'];
/** A segment below the privacy threshold: no figure, only the `threshold`. */
export type AggregateSignalsUnavailable = Schemas['AggregateSignalsUnavailable'];
/** `{ type: 'domain' | 'industry', value }`. */
export type Segment = Schemas['Segment'];

/** Exactly one of `domain` (that domain) or `industry` (every domain of that industry). */
export type AggregateSignalsParams =
  | { domain: string; industry?: never }
  | { industry: string; domain?: never };

/** Anonymised signals across every workspace (Team and Scale plans). */
export class SignalsResource extends APIResource {
  /**
   * The aggregate signals of one domain or one industry.
   * @example
   * const signals = await iiq.signals.aggregate({ domain: 'stripe.com' });
   * if (signals.available) console.log(signals.meeting_rate, signals.sample_size);
   * @throws {PlanRequiredError} on the Starter plan.
   */
  aggregate(
    params: AggregateSignalsParams,
    options?: RequestOptions,
  ): APIPromise<WithMode<AggregateSignals>> {
    return this.call(async () => {
      const query = parseParams(AggregateSignalsParamsSchema, params);
      if ((query.domain === undefined) === (query.industry === undefined)) {
        fail([{ field: 'params', message: 'must set exactly one of domain, industry' }]);
      }
      const domain =
        query.domain === undefined ? undefined : await apexDomain('domain', query.domain);
      return {
        operation: 'signals.aggregate',
        method: 'GET',
        path: '/signals/aggregate',
        query: { ...query, domain },
      };
    }, options);
  }
}
