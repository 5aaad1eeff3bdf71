/**
 * Score a list of domains in one bulk job, wait for it, then read the results page by page and as
 * CSV.
 *
 *   IIQ_API_KEY=iiq_test_… node examples/bulk.ts
 *
 * Against the reference mock: `npx iiq mock` in another terminal, then
 *   IIQ_BASE_URL=http://127.0.0.1:4010/v1 IIQ_API_KEY=<the printed test key> node examples/bulk.ts
 */
import { IntentIQ } from '@vesperwise/node';

const iiq = new IntentIQ();

const job = await iiq.bulk.createAndWait(
  {
    // Duplicates and subdomains collapse to one apex domain before billing.
    domains: [
      'stripe.com',
      'www.stripe.com',
      'notion.so',
      'linear.app',
      'figma.com',
      'unscorable.test',
    ],
    tag: 'example-enrichment',
  },
  {
    pollInterval: 1_000,
    onProgress: ({ status, progress }) =>
      console.log(`${status}: ${progress.processed}/${progress.total} processed`),
  },
);

console.log(
  `${job.id} ${job.status}: ${job.progress.scored} scored, ${job.credits_charged} credits`,
);
for (const { domain, message } of job.unscorable) console.log(`  skipped ${domain}: ${message}`);

// Results are paginated; `for await` fetches the next page only when it is needed.
for await (const score of iiq.bulk.results(job.id, { limit: 2 })) {
  console.log(`  ${score.domain.padEnd(12)} ${score.score} ${score.band}`);
}

const csv = await iiq.bulk.resultsCsv(job.id);
console.log(`CSV: ${csv.trim().split('\n').length - 1} rows, header ${csv.split('\n')[0]}`);
