/** `POST /score` and `GET /score/{id}`. */
import { ScoreCreateParamsSchema } from '../../../src/schemas/params.ts';
import { route } from '../../pipeline/route.ts';
import { apexDomain } from '../../pipeline/validation.ts';
import { requireEndpointAt } from '../webhook-endpoints/index.ts';
import { createScore, retrieveScore } from './model.ts';
import { renderPending, renderScore } from './wire.ts';

export const scoreRoutes = [
  route({
    method: 'POST',
    path: '/score',
    operation: 'createScore',
    bucket: 'score',
    body: ScoreCreateParamsSchema,
    handler: (_request, { ctx, space, body, json }) => {
      const include = body.include ?? [];
      const domain = apexDomain('domain', body.domain);
      if (body.webhook_url !== undefined) requireEndpointAt(space, body.webhook_url);
      const outcome = createScore(ctx, space, {
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
      const outcome = retrieveScore(space, params.id);
      return outcome.kind === 'pending'
        ? json(202, renderPending(outcome.pending))
        : json(200, renderScore(outcome.record, { cached: true }), { 'X-IIQ-Cache': 'hit' });
    },
  }),
];
