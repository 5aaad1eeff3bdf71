import type { APIPromise } from '../core/api-promise.ts';
import { apexDomain } from '../core/domains.ts';
import type { RequestOptions } from '../core/options.ts';
import { APIResource, type WithMode } from '../core/resource.ts';
import { parseParams } from '../core/validate.ts';
import type { components } from '../generated/openapi.ts';
import { FitParamsSchema } from '../schemas/params.ts';

type Schemas = components['schemas'];

/** How well an offering fits a company: a verdict, a 0-100 score, what matched and what did not. */
export type FitAnalysis = Schemas['FitAnalysis'];
/** `strong_fit` (score >= 70), `maybe` (40-69) or `misfit` (< 40). */
export type OverallFit = FitAnalysis['overall_fit'];
/** `{ domain, offering }`: the company, and what you sell and to whom (1 to 10,000 characters). */
export type FitParams = Schemas['FitParams'];

/** Fit analysis of an offering against a company. */
export class FitResource extends APIResource {
  /**
   * Meets the offering against the company's industry, tech stack, size and evidence. One credit
   * on live keys; never cached.
   * @example
   * const fit = await iiq.fit.analyze({
   *   domain: 'stripe.com',
   *   offering: 'Revenue analytics for enterprise payments teams',
   * });
   * console.log(fit.overall_fit, fit.fit_score, fit.one_line_pitch);
   */
  analyze(params: FitParams, options?: RequestOptions): APIPromise<WithMode<FitAnalysis>> {
    return this.call(async () => {
      const body = parseParams(FitParamsSchema, params);
      const domain = await apexDomain('domain', body.domain);
      return { operation: 'fit.analyze', method: 'POST', path: '/fit', body: { ...body, domain } };
    }, options);
  }
}
