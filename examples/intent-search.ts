/**
 * Find the people who showed interest in products like a competitor's, ranked by fit with your
 * ideal customer profile, then score the best fits.
 *
 *   IIQ_API_KEY=iiq_test_… node examples/intent-search.ts gong.io hubspot.com
 *
 * Against the reference mock: `npx iiq mock` in another terminal, then
 *   IIQ_BASE_URL=http://127.0.0.1:4010/v1 IIQ_API_KEY=<the printed test key> node examples/intent-search.ts
 */
import { IntentIQ, type IntentPerson } from '@vesperwise/node';

// The product whose interested people you want, and the company whose buyers they should be.
const [interest = 'gong.io', icp = 'hubspot.com'] = process.argv.slice(2);
const iiq = new IntentIQ();

const search = await iiq.intent.searches.createAndWait(
  { interest_domain: interest, icp_domain: icp, max_results: 10, tag: 'example-outbound' },
  { pollInterval: 1_000, onProgress: ({ status }) => console.log(`search ${status}`) },
);

if (search.status !== 'completed') {
  // Nothing is charged for a failed search; the error says why.
  console.log(`${search.id} ${search.status}: ${search.error?.code}: ${search.error?.message}`);
} else {
  console.log(
    `${search.id} completed: ${search.total_results} people for ${search.credits_charged} credits`,
  );
  // In rank order, the best fit first; `for await` fetches the next page only when it is needed.
  const best: IntentPerson[] = [];
  for await (const person of iiq.intent.searches.results(search.id, { limit: 5 })) {
    console.log(
      `  #${person.rank} ${person.score} ${person.name}, ${person.title} at ${person.company_name}`,
    );
    if (best.length < 3) best.push(person);
  }
  // The people endpoint resolves each of them, by LinkedIn profile, to the same person.
  for (const person of best) {
    if (person.linkedin_url === null) continue;
    const scored = await iiq.people.score({ linkedin_url: person.linkedin_url });
    const same = scored.id === person.person_id ? 'the same person' : 'another person';
    console.log(
      `scored ${scored.name} (${same}): ${scored.company}, intent score ${scored.intent_score}`,
    );
  }
}
