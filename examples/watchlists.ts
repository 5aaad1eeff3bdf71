/**
 * Keep a watchlist of target accounts: create it, add and remove accounts, read the band
 * distribution, list the accounts with their scores, and clean up.
 *
 *   IIQ_API_KEY=iiq_test_… node examples/watchlists.ts
 *
 * Against the reference mock: `npx iiq mock` in another terminal, then
 *   IIQ_BASE_URL=http://127.0.0.1:4010/v1 IIQ_API_KEY=<the printed test key> node examples/watchlists.ts
 */
import { IntentIQ } from '@vesperwise/node';

const iiq = new IntentIQ();

const watchlist = await iiq.watchlists.create({
  name: 'Q3 expansion targets',
  accounts: ['stripe.com', 'notion.so'],
  alert_threshold: 'hot_entry', // account.band_changed fires when an account turns HOT
});
console.log(`created ${watchlist.id} "${watchlist.name}"`);

// Adding is idempotent: stripe.com is already there and is not added twice.
const added = await iiq.watchlists.accounts.add(watchlist.id, {
  accounts: ['linear.app', 'https://www.figma.com', 'stripe.com'],
});
console.log(`added ${added.added.join(', ')}; ${added.account_count} accounts`);

const removed = await iiq.watchlists.accounts.remove(watchlist.id, { accounts: ['notion.so'] });
console.log(`removed ${removed.removed.join(', ')}; ${removed.account_count} accounts`);

const { band_distribution: bands } = await iiq.watchlists.retrieve(watchlist.id);
console.log(
  `bands: ${bands.HOT} HOT, ${bands.WARM} WARM, ${bands.COLD} COLD, ${bands.unscored} unscored`,
);

for await (const account of iiq.watchlists.accounts.list(watchlist.id)) {
  console.log(
    `  ${account.domain.padEnd(12)} ${account.score ?? '-'} ${account.band ?? 'unscored'}`,
  );
}

await iiq.watchlists.update(watchlist.id, { alert_threshold: 'any_band_change' });
await iiq.watchlists.delete(watchlist.id);
console.log(`deleted ${watchlist.id}`);
