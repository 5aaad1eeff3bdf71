import type { APIPromise } from '../core/api-promise.ts';
import type { RequestOptions } from '../core/options.ts';
import { APIResource, type WithMode } from '../core/resource.ts';
import type { components } from '../generated/openapi.ts';

/** The workspace behind the key: plan, credits left in the cycle, rate limits. */
export type Account = components['schemas']['Account'];
/** `starter`, `team` or `scale`. */
export type Plan = components['schemas']['Plan'];
/** `write` (every endpoint) or `read` (`GET` endpoints only). */
export type KeyScope = components['schemas']['KeyScope'];

/** The workspace behind the API key. */
export class AccountResource extends APIResource {
  /**
   * The plan, the credits left in this cycle and when it resets, and the calling key (`key`: its
   * mode, scope and last four characters).
   * @example const { credits, key } = await iiq.account.retrieve(); // key.scope: 'read' | 'write'
   */
  retrieve(options?: RequestOptions): APIPromise<WithMode<Account>> {
    return this.call(
      () => ({ operation: 'account.retrieve', method: 'GET', path: '/account' }),
      options,
    );
  }
}
