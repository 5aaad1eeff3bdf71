/**
 * The demo behind `iiq report` without a key: a built-in mock in test mode whose workspace scored
 * accounts and recorded outcomes over the last two quarters, so that the report has something to
 * show. Everything goes through the SDK, as a user's code would.
 */
import type { IntentIQ } from '../../src/client.ts';
import type { OutcomeKind } from '../../src/resources/outcomes.ts';
import { priorQuarter, quarterAt } from '../areas/reports/index.ts';
import { DAY_MS } from '../kernel/clock.ts';
import { mockClient } from './client.ts';

/** Watchlisted from the start of the prior quarter. */
const WATCHED = [
  'stripe.com',
  'notion.so',
  'linear.app',
  'figma.com',
  'vercel.com',
  'ramp.com',
  'datadoghq.com',
  'hubspot.com',
  'zendesk.com',
  'dropbox.com',
  'okta.com',
  'etsy.com',
];
/** Scored once in each quarter besides. */
const PRIOR_ONLY = ['asana.com', 'calendly.com'];
const CURRENT_ONLY = ['posthog.com', 'supabase.com', 'vanta.com', 'deel.com', 'zoom.us'];

const PRIOR_OUTCOMES: readonly [string, OutcomeKind][] = [
  ['stripe.com', 'meeting_booked'],
  ['notion.so', 'contacted'],
  ['zendesk.com', 'no_response'],
  ['dropbox.com', 'disqualified'],
  ['asana.com', 'contacted'],
];
const CURRENT_OUTCOMES: readonly [string, OutcomeKind][] = [
  ['stripe.com', 'won'],
  ['linear.app', 'opportunity'],
  ['figma.com', 'meeting_booked'],
  ['vercel.com', 'contacted'],
  ['ramp.com', 'meeting_booked'],
  ['posthog.com', 'contacted'],
  ['zendesk.com', 'lost'],
  ['okta.com', 'no_response'],
  ['etsy.com', 'contacted'],
];

/** A client of a built-in mock whose clock reads `now`, with two quarters of pipeline behind it. */
export async function demoClient(now: number): Promise<IntentIQ> {
  const current = quarterAt(now);
  const priorStart = priorQuarter(current).start;
  const currentStart = current.start;
  const { iiq, mock } = mockClient({ now: priorStart + 9 * DAY_MS + 15 * 3_600_000 });
  await iiq.watchlists.create({ name: 'Target accounts', accounts: WATCHED });
  for (const domain of PRIOR_ONLY) await iiq.scores.create({ domain });
  mock.clock.advance('3d');
  for (const [domain, outcome] of PRIOR_OUTCOMES) await iiq.outcomes.create({ domain, outcome });

  // Into the current quarter, at most as far as now: the daily refresh re-scores the watchlist.
  mock.clock.set(Math.min(now, currentStart + 6 * DAY_MS + 11 * 3_600_000));
  for (const domain of CURRENT_ONLY) await iiq.scores.create({ domain });
  for (const [domain, outcome] of CURRENT_OUTCOMES) await iiq.outcomes.create({ domain, outcome });
  mock.clock.set(now);
  return iiq;
}
