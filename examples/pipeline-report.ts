/**
 * Record outcomes over two quarters and read the pipeline report: do HOT accounts convert better,
 * and is the pipeline growing against last quarter?
 *
 *   node examples/pipeline-report.ts
 *
 * It runs against an in-process reference mock, because it moves the clock from one quarter to
 * the next. Against the API, leave the mock out (`new IntentIQ()` reads IIQ_API_KEY) and record
 * outcomes as they happen: `iiq.reports.pipeline.retrieve()` reports the current quarter.
 */
import { IntentIQ } from '@vesperwise/node';
import { createMockApi } from '@vesperwise/node/mock';

const mock = createMockApi({ now: '2026-02-09T09:00:00Z' });
const iiq = new IntentIQ({ apiKey: mock.keys.test, fetch: mock.fetch });

// 2026-Q1: ten target accounts, scored now and re-scored every night.
const list = await iiq.watchlists.create({
  name: 'Targets',
  accounts: [
    'stripe.com',
    'notion.so',
    'linear.app',
    'figma.com',
    'ramp.com',
    'hubspot.com',
    'gusto.com',
    'zendesk.com',
    'dropbox.com',
    'okta.com',
  ],
});
await iiq.outcomes.create({ domain: 'stripe.com', outcome: 'contacted' });
await iiq.outcomes.create({ domain: 'notion.so', outcome: 'meeting_booked' });
await iiq.outcomes.create({ domain: 'zendesk.com', outcome: 'no_response' });
await iiq.outcomes.create({ domain: 'dropbox.com', outcome: 'contacted' });

// 2026-Q2: more accounts, and what came of them.
mock.clock.set('2026-04-20T09:00:00Z');
await iiq.watchlists.accounts.add(list.id, { accounts: ['vercel.com', 'posthog.com', 'etsy.com'] });
const outcomes = [
  ['stripe.com', 'won'],
  ['notion.so', 'opportunity'],
  ['linear.app', 'meeting_booked'],
  ['vercel.com', 'contacted'],
  ['hubspot.com', 'meeting_booked'],
  ['gusto.com', 'no_response'],
  ['zendesk.com', 'lost'],
  ['etsy.com', 'disqualified'],
] as const;
for (const [domain, outcome] of outcomes) await iiq.outcomes.create({ domain, outcome });

const report = await iiq.reports.pipeline.retrieve(); // the current quarter: 2026-Q2
const { total, trend_vs_prior: trend } = report.accounts_scored;
const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;
const sign =
  trend === null ? 'no prior quarter' : `${trend > 0 ? '+' : ''}${trend.toFixed(1)}% vs 2026-Q1`;
console.log(`${report.period}: ${total} accounts scored (${sign})`);
const bands = report.band_distribution;
console.log(`bands: ${bands.HOT} HOT, ${bands.WARM} WARM, ${bands.COLD} COLD`);

const summary = report.outcome_summary;
console.log(
  `${summary.total_tracked} tracked: contacted ${percent(summary.contacted_rate)}, meeting ${percent(summary.meeting_rate)}, won ${percent(summary.win_rate)}`,
);
for (const band of ['HOT', 'WARM', 'COLD'] as const) {
  const { tracked, meeting_rate, win_rate } = summary.by_band[band];
  console.log(
    `  ${band.padEnd(4)} ${tracked} tracked, meeting ${percent(meeting_rate)}, won ${percent(win_rate)}`,
  );
}
console.log(`market demand: ${report.market_demand_signal}`);
const [top] = report.top_accounts;
if (top) console.log(`top account: ${top.company} (${top.domain}) ${top.score} ${top.band}`);
const [trigger] = report.top_triggers;
if (trigger) console.log(`top trigger: ${trigger.trigger} (${trigger.count} accounts)`);

// Cached until regenerated: a late outcome shows after POST /reports/pipeline.
await iiq.outcomes.create({ domain: 'linear.app', outcome: 'won' });
const again = await iiq.reports.pipeline.retrieve();
const fresh = await iiq.reports.pipeline.regenerate();
console.log(
  `cached: won ${percent(again.outcome_summary.win_rate)}; regenerated: won ${percent(fresh.outcome_summary.win_rate)}`,
);
