/** `GET /reports/pipeline` (cached per quarter) and `POST /reports/pipeline` (regenerates). */
import { PipelineReportParamsSchema } from '../../../src/schemas/params.ts';
import { route } from '../../pipeline/route.ts';
import type { PlanName } from '../../tenancy/plans.ts';
import { regenerateReport, retrieveReport } from './model.ts';
import { renderReport } from './wire.ts';

/** The plans that include pipeline reports. */
export const REPORT_PLANS: readonly PlanName[] = ['team', 'scale'];
const plans = { names: REPORT_PLANS, feature: 'Pipeline reports' };

export const reportRoutes = [
  route({
    method: 'GET',
    path: '/reports/pipeline',
    operation: 'retrievePipelineReport',
    bucket: 'read',
    plans,
    query: PipelineReportParamsSchema,
    handler: (_request, { ctx, space, query, json }) => {
      const { report, cached } = retrieveReport(ctx, space, query.period);
      return json(200, renderReport(report, cached));
    },
  }),
  route({
    method: 'POST',
    path: '/reports/pipeline',
    operation: 'regeneratePipelineReport',
    bucket: 'write',
    plans,
    optionalBody: true,
    body: PipelineReportParamsSchema,
    handler: (_request, { ctx, space, body, json }) =>
      json(200, renderReport(regenerateReport(ctx, space, body.period), false)),
  }),
];
