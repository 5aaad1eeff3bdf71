/**
 * The URL guard, as the mock applies it to every URL the API will call: a webhook endpoint's `url`
 * and the `webhook_url` of scores, bulk jobs and intent searches. A URL that is not public http(s)
 * (another scheme, credentials, a loopback, private, link-local, shared, unique-local, multicast,
 * unspecified or reserved host, in any spelling) is `400 invalid_request` on its field, before
 * anything is stored. The verdict is the SDK's own (`src/url-guard.ts`, with ipaddr.js), so the
 * client and the mock refuse the same URLs.
 *
 * Like the API, the mock refuses loopback; unlike the API, it delivers there when asked
 * (`createMockApi({ allowLoopbackWebhooks: true })`), for tests with a receiver on this machine.
 * It resolves no host name: the API also checks the address a name resolves to when it delivers.
 */
import { checkCallbackUrl } from '../../src/url-guard.ts';
import { MockApiError } from './errors.ts';

/** Throws a `400` on `field` unless the API would call `url` (loopback too, when allowed). */
export function guardCallbackUrl(field: string, url: string, allowLoopback: boolean): void {
  const check = checkCallbackUrl(url, { allowLoopback });
  if (check.ok) return;
  const hint =
    check.refusal === 'loopback'
      ? ' The reference mock delivers to loopback only when it is created with allowLoopbackWebhooks: true (iiq mock --allow-loopback-webhooks).'
      : '';
  throw new MockApiError('invalid_request', `${field} ${check.reason}.${hint}`, { field });
}
