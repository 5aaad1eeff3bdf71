/** Webhook endpoints. The signing secret is in the create response only. */
import {
  ListParamsSchema,
  WebhookEndpointCreateParamsSchema,
} from '../../../src/schemas/params.ts';
import { paginate } from '../../kernel/pagination.ts';
import { route } from '../../pipeline/route.ts';
import { createWebhookEndpoint, deleteWebhookEndpoint, listWebhookEndpoints } from './model.ts';
import { renderCreatedWebhookEndpoint, renderWebhookEndpoint } from './wire.ts';

export const webhookEndpointRoutes = [
  route({
    method: 'GET',
    path: '/webhook_endpoints',
    operation: 'listWebhookEndpoints',
    bucket: 'read',
    query: ListParamsSchema,
    handler: (_request, { space, query, json }) => {
      const page = paginate(listWebhookEndpoints(space), (endpoint) => endpoint.id, query);
      return json(200, { ...page, data: page.data.map(renderWebhookEndpoint) });
    },
  }),
  route({
    method: 'POST',
    path: '/webhook_endpoints',
    operation: 'createWebhookEndpoint',
    bucket: 'write',
    body: WebhookEndpointCreateParamsSchema,
    handler: (_request, { ctx, space, body, json }) => {
      const endpoint = createWebhookEndpoint(ctx, space, {
        url: body.url,
        events: body.events,
        ...(body.description === undefined ? {} : { description: body.description }),
      });
      return json(201, renderCreatedWebhookEndpoint(endpoint));
    },
  }),
  route({
    method: 'DELETE',
    path: '/webhook_endpoints/{id}',
    operation: 'deleteWebhookEndpoint',
    bucket: 'write',
    handler: (_request, { space, params, json }) => {
      deleteWebhookEndpoint(space, params.id);
      return json(200, { id: params.id, deleted: true });
    },
  }),
];
