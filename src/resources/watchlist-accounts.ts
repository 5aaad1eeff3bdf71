import type { APIPromise } from '../core/api-promise.ts';
import { apexDomains } from '../core/domains.ts';
import type { RequestOptions } from '../core/options.ts';
import type { PagePromise } from '../core/pagination.ts';
import { path } from '../core/path.ts';
import { APIResource, type ListParams, type WithMode } from '../core/resource.ts';
import { parseParams } from '../core/validate.ts';
import type { components } from '../generated/openapi.ts';
import {
  WatchlistAccountListParamsSchema,
  WatchlistAccountsParamsSchema,
} from '../schemas/params.ts';

type Schemas = components['schemas'];

/** An account on a watchlist with its latest score. */
export type WatchlistAccount = Schemas['WatchlistAccount'];
/** The result of adding or removing accounts: every domain on the list after the change. */
export type WatchlistAccounts = Schemas['WatchlistAccounts'];
/** `{ accounts: [...] }`: 1 to 10,000 domains or URLs. */
export type WatchlistAccountsParams = Schemas['WatchlistAccountsParams'];

/** Parameters of `watchlists.accounts.list`: a page, a band to keep, and the order. */
export interface WatchlistAccountListParams extends ListParams {
  /** Only accounts in this band (unscored accounts have none). */
  band?: 'HOT' | 'WARM' | 'COLD';
  /** `added` (default): most recently added first; `score`: highest score first, unscored last. */
  sort?: 'added' | 'score';
}

/** The accounts pinned to a watchlist. */
export class WatchlistAccountsResource extends APIResource {
  /**
   * The accounts with their latest score, most recently added first, or highest score first
   * with `sort: 'score'`; `band` keeps one band. Both apply to every page.
   * @example for await (const a of iiq.watchlists.accounts.list(id, { band: 'HOT', sort: 'score' })) console.log(a.domain);
   */
  list(
    id: string,
    params: WatchlistAccountListParams = {},
    options?: RequestOptions,
  ): PagePromise<WatchlistAccount> {
    return this.paginate(() => {
      const query = parseParams(WatchlistAccountListParamsSchema, params);
      return {
        operation: 'watchlists.accounts.list',
        path: path`/watchlists/${id}/accounts`,
        query,
      };
    }, options);
  }

  /**
   * Adds domains (normalised to their apex, de-duplicated). Adding one already on the list is a
   * no-op.
   * @example await iiq.watchlists.accounts.add(id, { accounts: ['linear.app', 'figma.com'] });
   */
  add(
    id: string,
    params: WatchlistAccountsParams,
    options?: RequestOptions,
  ): APIPromise<WithMode<WatchlistAccounts>> {
    return this.#change('PUT', id, params, options);
  }

  /** Removes domains; ones not on the list are ignored. Their score history is kept. */
  remove(
    id: string,
    params: WatchlistAccountsParams,
    options?: RequestOptions,
  ): APIPromise<WithMode<WatchlistAccounts>> {
    return this.#change('DELETE', id, params, options);
  }

  #change(
    method: 'PUT' | 'DELETE',
    id: string,
    params: WatchlistAccountsParams,
    options?: RequestOptions,
  ): APIPromise<WithMode<WatchlistAccounts>> {
    return this.call(async () => {
      const target = path`/watchlists/${id}/accounts`;
      const body = parseParams(WatchlistAccountsParamsSchema, params);
      const accounts = await apexDomains('accounts', body.accounts);
      const operation = method === 'PUT' ? 'watchlists.accounts.add' : 'watchlists.accounts.remove';
      return { operation, method, path: target, body: { accounts } };
    }, options);
  }
}
