/** Watchlists and their accounts. */
import {
  ListParamsSchema,
  WatchlistAccountListParamsSchema,
  WatchlistAccountsParamsSchema,
  WatchlistCreateParamsSchema,
  WatchlistUpdateParamsSchema,
} from '../../../src/schemas/params.ts';
import { paginate } from '../../kernel/pagination.ts';
import { route } from '../../pipeline/route.ts';
import { apexDomains, updateNeedsOneOf } from '../../pipeline/validation.ts';
import {
  addAccounts,
  createWatchlist,
  deleteWatchlist,
  listAccounts,
  listWatchlists,
  removeAccounts,
  retrieveWatchlist,
  updateWatchlist,
} from './model.ts';
import { renderAccount, renderAccountsChange, renderWatchlist } from './wire.ts';

export const watchlistRoutes = [
  route({
    method: 'GET',
    path: '/watchlists',
    operation: 'listWatchlists',
    bucket: 'read',
    query: ListParamsSchema,
    handler: (_request, { space, query, json }) => {
      const page = paginate(listWatchlists(space), (watchlist) => watchlist.id, query);
      return json(200, {
        ...page,
        data: page.data.map((watchlist) => renderWatchlist(space, watchlist)),
      });
    },
  }),
  route({
    method: 'POST',
    path: '/watchlists',
    operation: 'createWatchlist',
    bucket: 'write',
    body: WatchlistCreateParamsSchema,
    handler: (_request, { ctx, space, body, json }) => {
      const watchlist = createWatchlist(ctx, space, {
        name: body.name,
        accounts: apexDomains('accounts', body.accounts ?? []),
        ...(body.alert_threshold === undefined ? {} : { alertThreshold: body.alert_threshold }),
      });
      return json(201, renderWatchlist(space, watchlist));
    },
  }),
  route({
    method: 'GET',
    path: '/watchlists/{id}',
    operation: 'retrieveWatchlist',
    bucket: 'read',
    handler: (_request, { space, params, json }) =>
      json(200, renderWatchlist(space, retrieveWatchlist(space, params.id))),
  }),
  route({
    method: 'PATCH',
    path: '/watchlists/{id}',
    operation: 'updateWatchlist',
    bucket: 'write',
    body: WatchlistUpdateParamsSchema,
    precheck: updateNeedsOneOf('name', 'alert_threshold'),
    handler: (_request, { ctx, space, params, body, json }) => {
      const watchlist = updateWatchlist(ctx, retrieveWatchlist(space, params.id), {
        ...(body.name === undefined ? {} : { name: body.name }),
        ...(body.alert_threshold === undefined ? {} : { alertThreshold: body.alert_threshold }),
      });
      return json(200, renderWatchlist(space, watchlist));
    },
  }),
  route({
    method: 'DELETE',
    path: '/watchlists/{id}',
    operation: 'deleteWatchlist',
    bucket: 'write',
    handler: (_request, { space, params, json }) => {
      const watchlist = deleteWatchlist(space, params.id);
      return json(200, { id: watchlist.id, deleted: true });
    },
  }),
  route({
    method: 'GET',
    path: '/watchlists/{id}/accounts',
    operation: 'listWatchlistAccounts',
    bucket: 'read',
    query: WatchlistAccountListParamsSchema,
    handler: (_request, { space, params, query, json }) => {
      const rows = listAccounts(space, retrieveWatchlist(space, params.id), {
        ...(query.band === undefined ? {} : { band: query.band }),
        ...(query.sort === undefined ? {} : { sort: query.sort }),
      });
      const page = paginate(rows, (row) => row.account.domain, query);
      return json(200, {
        ...page,
        data: page.data.map((row) => renderAccount(row.account, row.score)),
      });
    },
  }),
  route({
    method: 'PUT',
    path: '/watchlists/{id}/accounts',
    operation: 'addWatchlistAccounts',
    bucket: 'write',
    body: WatchlistAccountsParamsSchema,
    handler: (_request, { ctx, space, params, body, json }) => {
      const watchlist = retrieveWatchlist(space, params.id);
      const added = addAccounts(ctx, space, watchlist, apexDomains('accounts', body.accounts));
      return json(200, renderAccountsChange(watchlist, added, []));
    },
  }),
  route({
    method: 'DELETE',
    path: '/watchlists/{id}/accounts',
    operation: 'removeWatchlistAccounts',
    bucket: 'write',
    body: WatchlistAccountsParamsSchema,
    handler: (_request, { ctx, space, params, body, json }) => {
      const watchlist = retrieveWatchlist(space, params.id);
      const removed = removeAccounts(ctx, watchlist, apexDomains('accounts', body.accounts));
      return json(200, renderAccountsChange(watchlist, [], removed));
    },
  }),
];
