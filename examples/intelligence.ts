/**
 * What to do with a score: the company, its buying stage and urgency, why now, the key triggers
 * behind it, when it goes stale, and (as expansions) a talk track and an email subject.
 *
 *   IIQ_API_KEY=iiq_test_… node examples/intelligence.ts stripe.com
 *
 * Against the reference mock: `npx iiq mock` in another terminal, then
 *   IIQ_BASE_URL=http://127.0.0.1:4010/v1 IIQ_API_KEY=<the printed test key> node examples/intelligence.ts
 */
import { IntentIQ } from '@vesperwise/node';

const iiq = new IntentIQ();
const domain = process.argv[2] ?? 'stripe.com';

const score = await iiq.scores.create({ domain, include: ['talk_track', 'email_subject'] });

console.log(`${score.company} (${score.domain}): ${score.score} ${score.band}`);
console.log(`Stage: ${score.buying_stage}, urgency: ${score.urgency}`);
console.log(`Why now: ${score.why_now}`);
console.log('Key triggers:');
for (const trigger of score.key_triggers) console.log(`  - ${trigger}`);
console.log(`Falls out of ${score.band} by: ${score.decay_date ?? 'never (already COLD)'}`);
console.log(`Email subject: ${score.email_subject}`);
console.log('Talk track:');
console.log(score.talk_track);
