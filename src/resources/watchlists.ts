import type { APIPromise } from '../core/api-promise.ts';
import { apexDomains } from '../core/domains.ts';
import type { RequestOptions } from '../core/options.ts';
import type { PagePromise } from '../core/pagination.ts';
import { path } from '../core/path.ts';
import { APIResource, type ListParams, type Transport, type WithMode } from '../core/resource.ts';
import { fail, parseParams } from '../core/validate.ts';
import type { components } from '../generated/openapi.ts';
import {
  ListParamsSchema,
  WatchlistCreateParamsSchema,
  WatchlistUpdateParamsSchema,
} from '../schemas/params.ts';
import { WatchlistAccountsResource } from './watchlist-accounts.ts';

type Schemas = components['schemas'];

/** Pinned accounts, re-scored on a schedule, that raise alerts when they cross a threshold. */
export type Watchlist = Schemas['Watchlist'];
/** When `account.band_changed` fires: `hot_entry`, `any_band_change` or `score_delta_10`. */
export type AlertThreshold = Schemas['AlertThreshold'];
/** Accounts per band on a watchlist. */
export type BandDistribution = Schemas['BandDistribution'];
/** Parameters of `watchlists.create`. */
export type WatchlistCreateParams = Schemas['WatchlistCreateParams'];
/** Parameters of `watchlists.update`: at least one of `name`, `alert_threshold`. */
export type WatchlistUpdateParams = Schemas['WatchlistUpdateParams'];
/** What a delete returns. */
export type Deleted = Schemas['Deleted'];

/** Watchlists, and their accounts under `watchlists.accounts`. */
export class WatchlistsResource extends APIResource {
  /** Add, remove and list the accounts of a watchlist. */
  readonly accounts: WatchlistAccountsResource;

  constructor(transport: Transport) {
    super(transport);
    this.accounts = new WatchlistAccountsResource(transport);
  }

  /** The workspace's watchlists, most recently updated first. */
  list(params: ListParams = {}, options?: RequestOptions): PagePromise<Watchlist> {
    return this.paginate(
      () => ({
        operation: 'watchlists.list',
        path: '/watchlists',
        query: parseParams(ListParamsSchema, params),
      }),
      options,
    );
  }

  /**
   * Creates a watchlist; initial `accounts` are normalised to their apex and de-duplicated.
   * @example const list = await iiq.watchlists.create({ name: 'Q3 targets', accounts: ['stripe.com'] });
   */
  create(params: WatchlistCreateParams, options?: RequestOptions): APIPromise<WithMode<Watchlist>> {
    return this.call(async () => {
      const body = parseParams(WatchlistCreateParamsSchema, params);
      const accounts = body.accounts && (await apexDomains('accounts', body.accounts));
      return {
        operation: 'watchlists.create',
        method: 'POST',
        path: '/watchlists',
        body: { ...body, accounts },
      };
    }, options);
  }

  /** One watchlist with its account count and band distribution. */
  retrieve(id: string, options?: RequestOptions): APIPromise<WithMode<Watchlist>> {
    return this.call(
      () => ({ operation: 'watchlists.retrieve', method: 'GET', path: path`/watchlists/${id}` }),
      options,
    );
  }

  /**
   * Renames a watchlist or changes its alert threshold; fields left out are unchanged.
   * @example await iiq.watchlists.update(id, { alert_threshold: 'any_band_change' });
   */
  update(
    id: string,
    params: WatchlistUpdateParams,
    options?: RequestOptions,
  ): APIPromise<WithMode<Watchlist>> {
    return this.call(() => {
      const target = path`/watchlists/${id}`;
      const body = parseParams(WatchlistUpdateParamsSchema, params);
      if (body.name === undefined && body.alert_threshold === undefined) {
        fail([{ field: 'params', message: 'must set at least one of name, alert_threshold' }]);
      }
      return { operation: 'watchlists.update', method: 'PATCH', path: target, body };
    }, options);
  }

  /** Deletes a watchlist. The accounts' score history is kept. */
  delete(id: string, options?: RequestOptions): APIPromise<WithMode<Deleted>> {
    return this.call(
      () => ({ operation: 'watchlists.delete', method: 'DELETE', path: path`/watchlists/${id}` }),
      options,
    );
  }
}
