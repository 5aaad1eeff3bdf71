/**
 * Score a company and show the signals behind the score.
 *
 *   IIQ_API_KEY=iiq_test_… node examples/score.ts stripe.com
 *
 * Without a key, against the reference mock: run `npx iiq mock` in another terminal, then
 *   IIQ_BASE_URL=http://127.0.0.1:4010/v1 IIQ_API_KEY=<the printed test key> node examples/score.ts
 * (Node 22.18+ runs TypeScript files directly.)
 */
import { IntentIQ, type Signal, UnscorableDomainError } from '@vesperwise/node';

const domain = process.argv[2] ?? 'stripe.com';
const iiq = new IntentIQ(); // reads IIQ_API_KEY and IIQ_BASE_URL

try {
  const { data: score, cache } = await iiq.scores
    .create({ domain, include: ['signals.evidence'] })
    .withResponse();

  const delta = score.delta_30d >= 0 ? `+${score.delta_30d}` : `${score.delta_30d}`;
  console.log(
    `${score.domain}: ${score.score} (${score.band}), ${delta} over 30 days [cache ${cache}]`,
  );
  console.log(`Action: ${score.action}`);
  for (const [name, value] of Object.entries(score.signals)) {
    // With include: ['signals.evidence'] each signal is a Signal object, otherwise a number.
    const signal = value as Signal;
    const latest = signal.evidence[0];
    console.log(`  ${name.padEnd(8)} ${String(signal.score).padStart(3)}  ${latest?.title ?? ''}`);
  }
} catch (error) {
  if (error instanceof UnscorableDomainError) {
    console.log(`${error.domain} cannot be scored: ${error.message}`);
  } else {
    throw error;
  }
}
