/**
 * The Score of stripe.com as the API reference shows it: the one copy the tests share.
 * `test/schemas/types.test.ts` checks that it is exactly the example in `openapi.yaml`.
 */
import type { Score } from '../../src/index.ts';

export const REFERENCE_SCORE: Score = {
  id: 'scr_01HZ9X3F7QMHN4T',
  domain: 'stripe.com',
  score: 94,
  band: 'HOT',
  delta_30d: 12,
  signals: { funding: 96, hiring: 88, news: 92, tech: 78, web: 84 },
  action: 'Reference Series H. Anchor on RevOps.',
  summary:
    'Stripe is showing fresh capital, aggressive RevOps hiring and a run of launch coverage. Funding and news are at cycle highs, and the hiring mix points at revenue operations. Engage now while the budget conversation is open.',
  cached: false,
  computed_at: '2026-05-28T14:02:11Z',
  company: 'Stripe, Inc.',
  buying_stage: 'decision',
  urgency: 'act_now',
  why_now:
    'Today: Pricing page traffic up 18% month over month (web), with 4 more strong signals in 30 days.',
  key_triggers: [
    'Coverage of a late-stage financing round',
    'Developer conference keynote coverage',
    'Hiring: Senior Revenue Operations Analyst',
    'Pricing page traffic up 18% month over month',
    'Added a product analytics tool to the docs site',
  ],
  decay_date: '2026-06-05T00:00:00Z',
};
