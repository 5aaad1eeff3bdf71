/**
 * THE route table: every endpoint of `openapi.yaml`, once. The MSW handlers, `mock.fetch` and the
 * `node:http` server all answer through the pipeline built on it.
 */
import { accountRoutes } from './account.ts';
import { bulkRoutes } from './bulk.ts';
import { eventRoutes } from './events.ts';
import { peopleRoutes } from './people.ts';
import { scoreRoutes } from './scores.ts';
import type { Route } from './types.ts';
import { watchlistRoutes } from './watchlists.ts';
import { webhookEndpointRoutes } from './webhook-endpoints.ts';

export const routes: readonly Route[] = [
  ...scoreRoutes,
  ...bulkRoutes,
  ...peopleRoutes,
  ...watchlistRoutes,
  ...webhookEndpointRoutes,
  ...eventRoutes,
  ...accountRoutes,
];
