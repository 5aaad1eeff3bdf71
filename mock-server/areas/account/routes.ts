/** `GET /account`: plan, credits and rate limits of the workspace behind the key. */
import { route } from '../../pipeline/route.ts';
import { renderAccount } from './wire.ts';

export const accountRoutes = [
  route({
    method: 'GET',
    path: '/account',
    operation: 'retrieveAccount',
    bucket: 'read',
    handler: (_request, { ctx, space, key, json }) =>
      json(200, renderAccount(space, ctx.now(), key)),
  }),
];
