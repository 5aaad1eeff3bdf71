/** `POST /score/bulk`, `GET /score/bulk/{id}` and `GET /score/bulk/{id}/results` (JSON or CSV). */
import { BulkJobCreateParamsSchema, BulkJobResultsParamsSchema } from '../../src/schemas/params.ts';
import { createBulkJob, renderJob, retrieveJob } from '../engine/bulk.ts';
import { paginate } from '../engine/pagination.ts';
import { renderScore, type WireScore } from '../engine/scores.ts';
import { requireEndpointAt } from '../engine/webhook-endpoints.ts';
import { resultsCsv } from './csv.ts';
import { route } from './types.ts';
import { apexDomains } from './validation.ts';

export const bulkRoutes = [
  route({
    method: 'POST',
    path: '/score/bulk',
    operation: 'createBulkJob',
    bucket: 'write',
    body: BulkJobCreateParamsSchema,
    handler: (_request, { engine, space, body, json }) => {
      const domains = apexDomains('domains', body.domains);
      if (body.webhook_url !== undefined) requireEndpointAt(space, body.webhook_url);
      const job = createBulkJob(engine, space, {
        domains,
        domainsSubmitted: body.domains.length,
        deferred: body.deferred ?? false,
        ...(body.webhook_url === undefined ? {} : { webhookUrl: body.webhook_url }),
        ...(body.tag === undefined ? {} : { tag: body.tag }),
      });
      return json(202, renderJob(job));
    },
  }),
  route({
    method: 'GET',
    path: '/score/bulk/{id}',
    operation: 'retrieveBulkJob',
    bucket: 'read',
    handler: (_request, { space, params, json }) =>
      json(200, renderJob(retrieveJob(space, params.id as string))),
  }),
  route({
    method: 'GET',
    path: '/score/bulk/{id}/results',
    operation: 'listBulkJobResults',
    bucket: 'read',
    query: BulkJobResultsParamsSchema,
    handler: (_request, { space, params, query, json }) => {
      const job = retrieveJob(space, params.id as string);
      const rows = job.outcomes.map((outcome) => {
        if (typeof outcome !== 'string') return outcome;
        const record = space.scores.byId.get(outcome);
        return record === undefined ? undefined : renderScore(record);
      });
      if (query.format === 'csv') {
        return {
          status: 200,
          headers: { 'Content-Type': 'text/csv; charset=utf-8' },
          body: resultsCsv(rows.filter((row) => row !== undefined)),
        };
      }
      const scores = rows.filter((row): row is WireScore => row !== undefined && !('code' in row));
      return json(
        200,
        paginate(scores, (score) => score.id, query),
      );
    },
  }),
];
