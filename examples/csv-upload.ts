/**
 * A bulk job from the CSV file a CRM exports (`examples/crm-export.csv`): rows with a bad domain
 * are rejected, not billed; the results CSV keeps each row's company name.
 *
 *   IIQ_API_KEY=iiq_test_… node examples/csv-upload.ts [file.csv]
 *
 * Against the reference mock: `npx iiq mock` in another terminal, then
 *   IIQ_BASE_URL=http://127.0.0.1:4010/v1 IIQ_API_KEY=<the printed test key> node examples/csv-upload.ts
 */
import { readFile } from 'node:fs/promises';
import { IntentIQ } from '@vesperwise/node';

const iiq = new IntentIQ();
const file = process.argv[2] ?? new URL('./crm-export.csv', import.meta.url);

const job = await iiq.bulk.createFromCsv(new Blob([await readFile(file)]), {
  tag: 'crm-export',
});
console.log(`${job.id} from ${job.source}: ${job.domains_submitted} rows accepted`);
for (const { row, value, message } of job.rejected_rows) {
  console.log(`  rejected row ${row} (${JSON.stringify(value)}): ${message}`);
}

const done = await iiq.bulk.wait(job.id, { pollInterval: 500 });
console.log(
  `${done.status}: ${done.progress.scored} scored, ${done.progress.unscorable} unscorable`,
);

const csv = await iiq.bulk.resultsCsv(job.id);
console.log(csv.trimEnd());
