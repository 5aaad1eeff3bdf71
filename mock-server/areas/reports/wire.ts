/** How a pipeline report looks on the wire. */
import type { components } from '../../../src/generated/openapi.ts';
import { isoSeconds } from '../../kernel/clock.ts';
import type { ReportRecord } from './model.ts';

export type WirePipelineReport = components['schemas']['PipelineReport'];

export function renderReport(report: ReportRecord, cached: boolean): WirePipelineReport {
  return {
    period: report.period.name,
    generated_at: isoSeconds(report.generatedAt),
    cached,
    ...report.figures,
  };
}
