/**
 * `POST /score/bulk` (a JSON list of domains, or a CSV file as `multipart/form-data`),
 * `GET /score/bulk/{id}` and `GET /score/bulk/{id}/results` (JSON or CSV).
 */
import {
  BulkJobCreateParamsSchema,
  BulkJobResultsParamsSchema,
} from '../../../src/schemas/params.ts';
import { paginate } from '../../kernel/pagination.ts';
import { route } from '../../pipeline/route.ts';
import { apexDomains } from '../../pipeline/validation.ts';
import type { WireScore } from '../scores/index.ts';
import { requireEndpointAt } from '../webhook-endpoints/index.ts';
import { resultsCsv } from './csv.ts';
import { csvJobInput } from './csv-form.ts';
import { createBulkJob, retrieveJob } from './model.ts';
import { renderJob, resultRows } from './wire.ts';

export const bulkRoutes = [
  route({
    method: 'POST',
    path: '/score/bulk',
    operation: 'createBulkJob',
    bucket: 'write',
    body: BulkJobCreateParamsSchema,
    handler: (_request, { ctx, space, body, json }) => {
      const domains = apexDomains('domains', body.domains);
      if (body.webhook_url !== undefined) requireEndpointAt(ctx, space, body.webhook_url);
      const job = createBulkJob(ctx, space, {
        domains,
        domainsSubmitted: body.domains.length,
        deferred: body.deferred ?? false,
        ...(body.webhook_url === undefined ? {} : { webhookUrl: body.webhook_url }),
        ...(body.tag === undefined ? {} : { tag: body.tag }),
      });
      return json(202, renderJob(job));
    },
    multipart: {
      files: ['file'],
      handler: (_request, { ctx, space, form, json }) => {
        const input = csvJobInput(form);
        if (input.webhookUrl !== undefined) requireEndpointAt(ctx, space, input.webhookUrl);
        return json(202, renderJob(createBulkJob(ctx, space, input)));
      },
    },
  }),
  route({
    method: 'GET',
    path: '/score/bulk/{id}',
    operation: 'retrieveBulkJob',
    bucket: 'read',
    handler: (_request, { space, params, json }) =>
      json(200, renderJob(retrieveJob(space, params.id))),
  }),
  route({
    method: 'GET',
    path: '/score/bulk/{id}/results',
    operation: 'listBulkJobResults',
    bucket: 'read',
    query: BulkJobResultsParamsSchema,
    handler: (_request, { space, params, query, json }) => {
      const job = retrieveJob(space, params.id);
      const rows = resultRows(space, job);
      if (query.format === 'csv') {
        return {
          status: 200,
          headers: { 'Content-Type': 'text/csv; charset=utf-8' },
          body: resultsCsv(rows, job.companyNames),
        };
      }
      const scores = rows.filter((row): row is WireScore => !('code' in row));
      return json(
        200,
        paginate(scores, (score) => score.id, query),
      );
    },
  }),
];
