/** `POST /score` and `GET /score/{id}`. */
import { ScoreCreateParamsSchema } from '../../src/schemas/params.ts';
import { createScore, renderPending, renderScore, retrieveScore } from '../engine/scores.ts';
import { requireEndpointAt } from '../engine/webhook-endpoints.ts';
import { route } from './types.ts';
import { apexDomain } from './validation.ts';

export const scoreRoutes = [
  route({
    method: 'POST',
    path: '/score',
    operation: 'createScore',
    bucket: 'score',
    body: ScoreCreateParamsSchema,
    handler: (_request, { engine, space, body, json }) => {
      const include = body.include ?? [];
      const domain = apexDomain('domain', body.domain);
      if (body.webhook_url !== undefined) requireEndpointAt(space, body.webhook_url);
      const outcome = createScore(engine, space, {
        domain,
        forceRefresh: body.force_refresh ?? false,
        ...(body.webhook_url === undefined ? {} : { webhookUrl: body.webhook_url }),
      });
      if (outcome.kind === 'pending') return json(202, renderPending(outcome.pending));
      const score = renderScore(outcome.record, { cached: outcome.cache === 'hit', include });
      return json(200, score, { 'X-IIQ-Cache': outcome.cache });
    },
  }),
  route({
    method: 'GET',
    path: '/score/{id}',
    operation: 'retrieveScore',
    bucket: 'read',
    handler: (_request, { space, params, json }) => {
      const outcome = retrieveScore(space, params.id as string);
      return outcome.kind === 'pending'
        ? json(202, renderPending(outcome.pending))
        : json(200, renderScore(outcome.record, { cached: true }));
    },
  }),
];
