/**
 * How long the mock's clock takes to move: an advance costs what falls due, not how far it jumps.
 *
 * 1. 100 years in one advance on a fresh mock (the daily watchlist refresh is idle: nothing to
 *    refresh), against the same 100 years advanced one day at a time in the same run.
 * 2. 100 years with 5 accounts on a watchlist: 36,525 refreshes of 5 accounts fall due, and cost
 *    what they cost (the figure is per refreshed account).
 *
 * Goal: under a second for 100 years when nothing falls due.
 */
import { createMockApi } from '../mock-server/index.ts';
import { IntentIQ } from '../src/index.ts';

const YEARS_100 = '36525d';

function time(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

const oneJump = createMockApi();
const jump = time(() => oneJump.clock.advance(YEARS_100));

const dayByDay = createMockApi();
const steps = time(() => {
  for (let day = 0; day < 36_525; day++) dayByDay.clock.advance('1d');
});

const busy = createMockApi();
const iiq = new IntentIQ({ apiKey: busy.keys.test, fetch: busy.fetch });
const accounts = ['stripe.com', 'notion.so', 'rising.test', 'cooling.test', 'acme-widgets.com'];
await iiq.watchlists.create({ name: 'Pipeline', accounts });
const withAccounts = time(() => busy.clock.advance(YEARS_100));
const refreshed = 36_525 * accounts.length;

console.log(`Clock bench (Node ${process.version})`);
console.log(`  100 years in one advance, nothing due      ${jump.toFixed(1).padStart(9)} ms`);
console.log(`  100 years one day at a time (36,525 calls) ${steps.toFixed(1).padStart(9)} ms`);
console.log(
  `  100 years with 5 watchlist accounts        ${withAccounts.toFixed(0).padStart(9)} ms (${((withAccounts * 1_000) / refreshed).toFixed(1)} us per account refresh, ${refreshed.toLocaleString('en-US')} refreshes)`,
);
console.log(
  `advance of 100 years with nothing due = ${jump.toFixed(1)} ms (target < 1000 ms) ${jump < 1_000 ? 'OK' : 'MISSED'}`,
);
