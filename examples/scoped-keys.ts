/**
 * A read-only key, for a dashboard: it reads everything, and anything else is refused with
 * `PermissionDeniedError` (403 insufficient_scope) before the API looks at the request.
 *
 *   IIQ_API_KEY=<a read key> node examples/scoped-keys.ts
 *
 * Against the reference mock: `npx iiq mock` in another terminal, then
 *   IIQ_BASE_URL=http://127.0.0.1:4010/v1 IIQ_API_KEY=<the printed read-only test key> node examples/scoped-keys.ts
 */
import { IntentIQ, PermissionDeniedError } from '@vesperwise/node';

const iiq = new IntentIQ();

const account = await iiq.account.retrieve();
console.log(`Key …${account.key.last4}: ${account.key.mode} mode, ${account.key.scope} scope`);

const lists = await iiq.watchlists.list().toArray({ max: 100 });
console.log(`Reads work: ${lists.length} watchlists`);

try {
  await iiq.watchlists.create({ name: 'From the dashboard' });
} catch (error) {
  if (!(error instanceof PermissionDeniedError)) throw error;
  console.log(`Writes are refused: ${error.status} ${error.code}`);
}
