import type { RequestOptions } from '../core/options.ts';
import type { PagePromise } from '../core/pagination.ts';
import { APIResource, type ListParams } from '../core/resource.ts';
import { parseParams } from '../core/validate.ts';
import type { components } from '../generated/openapi.ts';
import { PriorityAccountListParamsSchema } from '../schemas/params.ts';

/** A watchlist account with its latest score, its `priority` (0-100) and the `reasons` for it. */
export type PriorityAccount = components['schemas']['PriorityAccount'];

/** Parameters of `prioritize.list`: one watchlist, a band, an urgency, a page. */
export interface PriorityAccountListParams extends ListParams {
  /** Only the accounts of this watchlist (default: every watchlist, each domain once). */
  watchlist_id?: string;
  /** Only accounts in this band. */
  band?: 'HOT' | 'WARM' | 'COLD';
  /** Only accounts of this urgency. */
  urgency?: components['schemas']['Urgency'];
}

/** Which accounts to work today, across the workspace's watchlists. */
export class PrioritizeResource extends APIResource {
  /**
   * The scored accounts of every watchlist (each domain once) or of one, highest `priority`
   * first, then highest score, then domain A-Z. Free; a read.
   * @example
   * for await (const account of iiq.prioritize.list({ urgency: 'act_now' })) {
   *   console.log(account.priority, account.domain, account.why_now);
   * }
   */
  list(
    params: PriorityAccountListParams = {},
    options?: RequestOptions,
  ): PagePromise<PriorityAccount> {
    return this.paginate(() => {
      const query = parseParams(PriorityAccountListParamsSchema, params);
      return { operation: 'prioritize.list', path: '/prioritize', query };
    }, options);
  }
}
