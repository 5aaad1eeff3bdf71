/** `GET /prioritize`: the accounts to work today. */
import { PriorityAccountListParamsSchema } from '../../../src/schemas/params.ts';
import { paginate } from '../../kernel/pagination.ts';
import { route } from '../../pipeline/route.ts';
import { prioritizedAccounts } from './model.ts';
import { renderPriorityAccount } from './wire.ts';

export const prioritizeRoutes = [
  route({
    method: 'GET',
    path: '/prioritize',
    operation: 'listPriorityAccounts',
    bucket: 'read',
    query: PriorityAccountListParamsSchema,
    handler: (_request, { space, query, json }) => {
      const rows = prioritizedAccounts(space, {
        ...(query.watchlist_id === undefined ? {} : { watchlistId: query.watchlist_id }),
        ...(query.band === undefined ? {} : { band: query.band }),
        ...(query.urgency === undefined ? {} : { urgency: query.urgency }),
      });
      const page = paginate(rows, (row) => row.domain, query);
      return json(200, { ...page, data: page.data.map(renderPriorityAccount) });
    },
  }),
];
