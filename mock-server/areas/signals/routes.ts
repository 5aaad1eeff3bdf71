/** `GET /signals/aggregate?domain=…` or `?industry=…`. */
import { AggregateSignalsParamsSchema } from '../../../src/schemas/params.ts';
import { invalidRequest } from '../../kernel/errors.ts';
import { route } from '../../pipeline/route.ts';
import { apexDomain } from '../../pipeline/validation.ts';
import { REPORT_PLANS } from '../reports/index.ts';
import { aggregateSignals, canonicalIndustry, type Segment } from './model.ts';
import { renderAggregate } from './wire.ts';

function segmentOf(query: { domain?: string; industry?: string }): Segment {
  if ((query.domain === undefined) === (query.industry === undefined)) {
    // A query has no body: the error names the parameter the segment starts from.
    throw invalidRequest(
      'domain',
      'Pass exactly one of domain or industry: the segment is one domain, or every domain of one industry.',
    );
  }
  if (query.domain !== undefined) {
    return { type: 'domain', value: apexDomain('domain', query.domain) };
  }
  const industry = canonicalIndustry(query.industry as string);
  if (industry === '') throw invalidRequest('industry', 'industry must not be blank.');
  return { type: 'industry', value: industry };
}

export const signalRoutes = [
  route({
    method: 'GET',
    path: '/signals/aggregate',
    operation: 'retrieveAggregateSignals',
    bucket: 'read',
    plans: { names: REPORT_PLANS, feature: 'Aggregate signals' },
    query: AggregateSignalsParamsSchema,
    handler: (_request, { ctx, space, query, json }) =>
      json(200, renderAggregate(aggregateSignals(ctx, space.mode, segmentOf(query)))),
  }),
];
