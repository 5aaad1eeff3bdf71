import type { APIPromise } from '../core/api-promise.ts';
import type { RequestOptions } from '../core/options.ts';
import { APIResource, type WithMode } from '../core/resource.ts';
import type { components } from '../generated/openapi.ts';

/** The workspace behind the key: plan, credits left in the cycle, rate limits. */
export type Account = components['schemas']['Account'];
/** `starter`, `team` or `scale`. */
export type Plan = components['schemas']['Plan'];

/** The workspace behind the API key. */
export class AccountResource extends APIResource {
  /**
   * The plan, the credits left in this cycle and when it resets.
   * @example const { credits } = await iiq.account.retrieve();
   */
  retrieve(options?: RequestOptions): APIPromise<WithMode<Account>> {
    return this.call(
      () => ({ operation: 'account.retrieve', method: 'GET', path: '/account' }),
      options,
    );
  }
}
