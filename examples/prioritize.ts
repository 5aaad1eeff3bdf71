/**
 * Who to call today: the accounts of every watchlist, each once, highest priority first, with the
 * reasons for each priority.
 *
 *   IIQ_API_KEY=iiq_test_… node examples/prioritize.ts
 *
 * Against the reference mock: `npx iiq mock` in another terminal, then
 *   IIQ_BASE_URL=http://127.0.0.1:4010/v1 IIQ_API_KEY=<the printed test key> node examples/prioritize.ts
 */
import { IntentIQ } from '@vesperwise/node';

const iiq = new IntentIQ();

const expansion = await iiq.watchlists.create({
  name: 'Expansion',
  accounts: ['stripe.com', 'airtable.com', 'adyen.com'],
});
const pipeline = await iiq.watchlists.create({
  name: 'Pipeline',
  accounts: ['notion.so', 'stripe.com', 'unscorable.test'],
});

console.log('Work these today:');
for await (const account of iiq.prioritize.list()) {
  const lists = account.watchlist_ids.length;
  console.log(
    `${String(account.priority).padStart(3)}  ${account.domain.padEnd(13)} ${account.urgency.padEnd(10)} on ${lists} list${lists === 1 ? '' : 's'}`,
  );
  console.log(`     ${account.reasons.join('; ')}`);
}

const urgent = await iiq.prioritize.list({ urgency: 'act_now' }).toArray({ max: 100 });
console.log(`Act now: ${urgent.map((account) => account.domain).join(', ')}`);

// The same ranking inside one watchlist's own accounts: by score, HOT only.
const hot = await iiq.watchlists.accounts
  .list(expansion.id, { band: 'HOT', sort: 'score' })
  .toArray({ max: 100 });
console.log(`HOT on ${expansion.name}: ${hot.map((account) => account.domain).join(', ')}`);

await iiq.watchlists.delete(expansion.id);
await iiq.watchlists.delete(pipeline.id);
