/** Outcomes: record, list, retrieve, update and delete. */
import {
  OutcomeCreateParamsSchema,
  OutcomeListParamsSchema,
  OutcomeUpdateParamsSchema,
} from '../../../src/schemas/params.ts';
import { paginate } from '../../kernel/pagination.ts';
import { route } from '../../pipeline/route.ts';
import { apexDomain, updateNeedsOneOf } from '../../pipeline/validation.ts';
import {
  createOutcome,
  deleteOutcome,
  listOutcomes,
  retrieveOutcome,
  updateOutcome,
} from './model.ts';
import { renderOutcome } from './wire.ts';

export const outcomeRoutes = [
  route({
    method: 'GET',
    path: '/outcomes',
    operation: 'listOutcomes',
    bucket: 'read',
    query: OutcomeListParamsSchema,
    handler: (_request, { space, query, json }) => {
      const outcomes = listOutcomes(space, {
        ...(query.domain === undefined ? {} : { domain: apexDomain('domain', query.domain) }),
        ...(query.outcome === undefined ? {} : { outcome: query.outcome }),
      });
      const page = paginate(outcomes, (outcome) => outcome.id, query);
      return json(200, { ...page, data: page.data.map(renderOutcome) });
    },
  }),
  route({
    method: 'POST',
    path: '/outcomes',
    operation: 'createOutcome',
    bucket: 'write',
    body: OutcomeCreateParamsSchema,
    handler: (_request, { ctx, space, body, json }) => {
      const outcome = createOutcome(ctx, space, {
        domain: apexDomain('domain', body.domain),
        outcome: body.outcome,
        ...(body.notes === undefined ? {} : { notes: body.notes }),
        ...(body.occurred_at === undefined ? {} : { occurredAt: body.occurred_at }),
      });
      return json(201, renderOutcome(outcome));
    },
  }),
  route({
    method: 'GET',
    path: '/outcomes/{id}',
    operation: 'retrieveOutcome',
    bucket: 'read',
    handler: (_request, { space, params, json }) =>
      json(200, renderOutcome(retrieveOutcome(space, params.id))),
  }),
  route({
    method: 'PATCH',
    path: '/outcomes/{id}',
    operation: 'updateOutcome',
    bucket: 'write',
    body: OutcomeUpdateParamsSchema,
    precheck: updateNeedsOneOf('outcome', 'notes'),
    handler: (_request, { space, params, body, json }) => {
      const outcome = updateOutcome(retrieveOutcome(space, params.id), {
        ...(body.outcome === undefined ? {} : { outcome: body.outcome }),
        ...(body.notes === undefined ? {} : { notes: body.notes }),
      });
      return json(200, renderOutcome(outcome));
    },
  }),
  route({
    method: 'DELETE',
    path: '/outcomes/{id}',
    operation: 'deleteOutcome',
    bucket: 'write',
    handler: (_request, { space, params, json }) => {
      const outcome = deleteOutcome(space, params.id);
      return json(200, { id: outcome.id, deleted: true });
    },
  }),
];
