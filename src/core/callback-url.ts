/**
 * The URL guard for call parameters: a URL the API will call (`webhook_url`, a webhook endpoint's
 * `url`) must be public http(s), so the client refuses any other with a `ValidationError` before it
 * sends anything, as the API would with a `400`. The guard and ipaddr.js are loaded with a dynamic
 * import the first time a call has a URL to check, never at `import` time.
 */
import type * as UrlGuard from '../url-guard.ts';
import { fail } from './validate.ts';

let loading: Promise<typeof UrlGuard> | undefined;

/**
 * Resolves when `url` is a URL the API may call; rejects with a `ValidationError`
 * naming `field` otherwise. `allowLoopback` lets loopback hosts through, for a reference mock that
 * delivers to this machine.
 */
export async function checkCallbackUrl(
  field: string,
  url: string,
  allowLoopback: boolean,
): Promise<void> {
  loading ??= import('../url-guard.ts');
  const check = (await loading).checkCallbackUrl(url, { allowLoopback });
  if (check.ok) return;
  const hint =
    check.refusal === 'loopback'
      ? ' (against a reference mock created with allowLoopbackWebhooks: true, create the client with allowLoopbackWebhooks: true as well)'
      : '';
  fail([{ field, message: `${check.reason}${hint}` }]);
}
