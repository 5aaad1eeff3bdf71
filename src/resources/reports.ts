import type { APIPromise } from '../core/api-promise.ts';
import type { RequestOptions } from '../core/options.ts';
import { APIResource, type WithMode } from '../core/resource.ts';
import { parseParams } from '../core/validate.ts';
import type { components } from '../generated/openapi.ts';
import { PipelineReportParamsSchema } from '../schemas/params.ts';

type Schemas = components['schemas'];

/** A quarter's pipeline: accounts scored, bands, top accounts and triggers, conversion by band. */
export type PipelineReport = Schemas['PipelineReport'];
/** The conversion of the tracked outcomes, overall and by band. */
export type OutcomeSummary = Schemas['OutcomeSummary'];
/** `{ period?: '2026-Q2' }`: a quarter (UTC), default the current one. */
export type PipelineReportParams = Schemas['PipelineReportParams'];
/** `increasing`, `stable`, `decreasing` or `insufficient_data`. */
export type MarketDemandSignal = PipelineReport['market_demand_signal'];

/** The pipeline report of a quarter (Team and Scale plans). */
export class PipelineReportsResource extends APIResource {
  /**
   * The report of `period` (default: the current quarter), generated on the first request and
   * cached after (`cached: true`).
   * @example const report = await iiq.reports.pipeline.retrieve({ period: '2026-Q2' });
   * @throws {PlanRequiredError} on the Starter plan.
   */
  retrieve(
    params: PipelineReportParams = {},
    options?: RequestOptions,
  ): APIPromise<WithMode<PipelineReport>> {
    return this.call(() => {
      const query = parseParams(PipelineReportParamsSchema, params);
      return {
        operation: 'reports.pipeline.retrieve',
        method: 'GET',
        path: '/reports/pipeline',
        query,
      };
    }, options);
  }

  /**
   * Generates the report of `period` anew from the current data, replacing the cached one.
   * @example const fresh = await iiq.reports.pipeline.regenerate({ period: '2026-Q2' });
   */
  regenerate(
    params: PipelineReportParams = {},
    options?: RequestOptions,
  ): APIPromise<WithMode<PipelineReport>> {
    return this.call(() => {
      const body = parseParams(PipelineReportParamsSchema, params);
      return {
        operation: 'reports.pipeline.regenerate',
        method: 'POST',
        path: '/reports/pipeline',
        body,
      };
    }, options);
  }
}

/** Reports: `reports.pipeline`. */
export interface ReportsResource {
  /** The pipeline report of a quarter. */
  readonly pipeline: PipelineReportsResource;
}
