/**
 * What outcomes, pipeline reports, aggregate signals and fit analysis cost in the mock when a
 * workspace is full: `node bench/reports.bench.ts` (about 20 seconds). The space holds the most
 * scores it keeps (20,000, from a 10,000-account watchlist re-scored daily) and the most outcomes
 * (10,000). Each call is timed through the pipeline (`mock.handle`, no door), against
 * `GET /v1/account` in the same run, the cheapest authenticated call, as the baseline.
 *
 * Targets, from what the work is: a report at the caps regenerates in at most 500 ms (one pass over
 * the scores and outcomes), and a cached report costs at most 5 times the baseline.
 */
import { createMockApi } from '../mock-server/index.ts';

const SCORES = 20_000;
const ACCOUNTS = 10_000;
const OUTCOMES = 10_000;

const mock = createMockApi({ plan: 'scale', rateLimits: false, now: '2026-04-01T00:00:00Z' });
const key = mock.keys.test;

function call(method: string, path: string, body?: unknown) {
  const [pathname, search = ''] = path.split('?') as [string, string?];
  const response = mock.handle({
    method,
    path: `/v1${pathname}`,
    query: new URLSearchParams(search),
    headers: (name) =>
      name === 'authorization'
        ? `Bearer ${key}`
        : name === 'content-type' && body !== undefined
          ? 'application/json'
          : undefined,
    body: body === undefined ? '' : JSON.stringify(body),
  });
  if (response.status >= 400) throw new Error(`${method} ${path}: ${response.body}`);
  return response;
}

/** The median time of `runs` calls, in milliseconds. */
function median(runs: number, work: () => unknown): number {
  for (let i = 0; i < Math.min(runs, 20); i++) work(); // warm up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)] as number;
}

const ms = (value: number) => `${value < 1 ? value.toFixed(3) : value.toFixed(1)} ms`;

console.log(`Reports bench (Node ${process.version})\n`);
const heapBefore = process.memoryUsage().heapUsed;
let started = performance.now();
const accounts = Array.from({ length: ACCOUNTS }, (_, i) => `account-${i}.com`);
call('POST', '/watchlists', { name: 'Every account', accounts });
mock.clock.advance(`${SCORES / ACCOUNTS - 1}d`); // a daily refresh a day: 20,000 scores in all
const filledScores = performance.now() - started;
const inspected = mock.inspect().workspaces[0]?.test;
console.log(
  `setup: ${SCORES.toLocaleString('en-US')} scores kept in ${(filledScores / 1000).toFixed(1)} s (${inspected?.scores} domains)`,
);

const baseline = median(2_000, () => call('GET', '/account'));
console.log(`  baseline GET /v1/account                         ${ms(baseline)}`);

started = performance.now();
const create = (i: number) =>
  call('POST', '/outcomes', {
    domain: accounts[i % ACCOUNTS],
    outcome: ['contacted', 'meeting_booked', 'won', 'no_response'][i % 4],
  });
const createTimes: number[] = [];
for (let i = 0; i < OUTCOMES - 1; i++) {
  const t = performance.now();
  create(i);
  createTimes.push(performance.now() - t);
}
createTimes.sort((a, b) => a - b);
const createMedian = createTimes[Math.floor(createTimes.length / 2)] as number;
console.log(
  `  POST /v1/outcomes at ${SCORES.toLocaleString('en-US')} scores            ${ms(createMedian)} (${(createMedian / baseline).toFixed(1)}x baseline; ${OUTCOMES.toLocaleString('en-US')} recorded in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
);
create(OUTCOMES - 1);

const regenerate = median(15, () => call('POST', '/reports/pipeline', { period: '2026-Q2' }));
const cached = median(2_000, () => call('GET', '/reports/pipeline?period=2026-Q2'));
const aggregate = median(15, () => call('GET', '/signals/aggregate?domain=account-1.com'));
const industry = median(15, () => call('GET', '/signals/aggregate?industry=Software'));
const fit = median(500, () =>
  call('POST', '/fit', {
    domain: 'stripe.com',
    offering: 'Revenue analytics for enterprise payments teams on Salesforce',
  }),
);
console.log(
  `  POST /v1/reports/pipeline (regenerate)           ${ms(regenerate)} (${(regenerate / baseline).toFixed(0)}x baseline; target <= 500 ms) ${regenerate <= 500 ? 'OK' : 'MISSED'}`,
);
console.log(
  `  GET /v1/reports/pipeline (cached)                ${ms(cached)} (${(cached / baseline).toFixed(1)}x baseline; target <= 5x) ${cached / baseline <= 5 ? 'OK' : 'MISSED'}`,
);
console.log(
  `  GET /v1/signals/aggregate?domain=…               ${ms(aggregate)} (${(aggregate / baseline).toFixed(0)}x baseline)`,
);
console.log(
  `  GET /v1/signals/aggregate?industry=Software      ${ms(industry)} (${(industry / baseline).toFixed(0)}x baseline)`,
);
console.log(
  `  POST /v1/fit                                     ${ms(fit)} (${(fit / baseline).toFixed(1)}x baseline)`,
);
const heapAfter = process.memoryUsage().heapUsed;
console.log(
  `\nheap of the full workspace (scores, events, outcomes, reports): ${((heapAfter - heapBefore) / 1_048_576).toFixed(0)} MB`,
);
