/** `GET /events` and `GET /events/{id}`: the last 30 days of the workspace's events. */
import { EventListParamsSchema } from '../../../src/schemas/params.ts';
import { renderEvent } from '../../events/log.ts';
import { paginate } from '../../kernel/pagination.ts';
import { route } from '../../pipeline/route.ts';

export const eventRoutes = [
  route({
    method: 'GET',
    path: '/events',
    operation: 'listEvents',
    bucket: 'read',
    query: EventListParamsSchema,
    handler: (_request, { ctx, space, query, json }) => {
      const page = paginate(ctx.events.list(space, query.type), (event) => event.id, query);
      return json(200, { ...page, data: page.data.map(renderEvent) });
    },
  }),
  route({
    method: 'GET',
    path: '/events/{id}',
    operation: 'retrieveEvent',
    bucket: 'read',
    handler: (_request, { ctx, space, params, json }) =>
      json(200, renderEvent(ctx.events.retrieve(space, params.id))),
  }),
];
