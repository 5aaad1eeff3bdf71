/**
 * A whole CRM's worth of domains, from any iterable (here a generator), through bulk jobs of at
 * most 1,000 with a few in flight at once. Run it twice within 24 hours: the second run attaches
 * to the jobs the first one created, and pays nothing.
 *
 *   IIQ_API_KEY=iiq_test_… node examples/score-all.ts
 *
 * Against the reference mock: `npx iiq mock` in another terminal, then
 *   IIQ_BASE_URL=http://127.0.0.1:4010/v1 IIQ_API_KEY=<the printed test key> node examples/score-all.ts
 */
import { IntentIQ } from '@vesperwise/node';

const iiq = new IntentIQ();

/** Stands in for rows read from a CRM or a database, one at a time. */
function* crmDomains() {
  yield* ['stripe.com', 'notion.so', 'linear.app', 'figma.com', 'vercel.com', 'ramp.com'];
  yield* ['https://www.stripe.com/pricing', 'unscorable.test', 'not a domain'];
}

const counts = { scored: 0, unscorable: 0, invalid: 0 };
let last = { jobs_submitted: 0, jobs_reused: 0, credits_charged: 0 };
for await (const result of iiq.bulk.scoreAll(crmDomains(), {
  concurrency: 2,
  pollInterval: 500,
  onProgress: (progress) => {
    last = progress;
  },
})) {
  counts[result.status]++;
  if (result.status === 'scored') {
    const { score } = result;
    console.log(`#${result.index} ${result.domain.padEnd(12)} ${score.score} ${score.urgency}`);
  } else {
    console.log(`#${result.index} ${result.input}: ${result.status}, ${result.message}`);
  }
}
console.log(
  `${counts.scored} scored, ${counts.unscorable} unscorable, ${counts.invalid} invalid in ${last.jobs_submitted} job(s), ${last.jobs_reused} reused, ${last.credits_charged} credits`,
);
