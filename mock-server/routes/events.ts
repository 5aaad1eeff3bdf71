/** `GET /events` and `GET /events/{id}`: the last 30 days of the workspace's events. */
import { EventListParamsSchema } from '../../src/schemas/params.ts';
import { listEvents, renderEvent, retrieveEvent } from '../engine/events.ts';
import { paginate } from '../engine/pagination.ts';
import { route } from './types.ts';

export const eventRoutes = [
  route({
    method: 'GET',
    path: '/events',
    operation: 'listEvents',
    bucket: 'read',
    query: EventListParamsSchema,
    handler: (_request, { engine, space, query, json }) => {
      const page = paginate(
        listEvents(space, engine.clock.now(), query.type),
        (event) => event.id,
        query,
      );
      return json(200, { ...page, data: page.data.map(renderEvent) });
    },
  }),
  route({
    method: 'GET',
    path: '/events/{id}',
    operation: 'retrieveEvent',
    bucket: 'read',
    handler: (_request, { engine, space, params, json }) =>
      json(200, renderEvent(retrieveEvent(space, params.id as string, engine.clock.now()))),
  }),
];
