/**
 * API objects as `openapi.yaml` describes them (typed with the SDK's types, so a drift fails the
 * type check), for msw handlers to answer with.
 */
import type {
  Account,
  BulkJob,
  Event,
  IntentPerson,
  IntentSearch,
  Person,
  Score,
  Watchlist,
  WatchlistAccount,
  WatchlistAccounts,
  WebhookEndpoint,
  WebhookEndpointCreated,
} from '../../src/index.ts';
import type { PendingScore } from '../../src/resources/scores.ts';
import { REFERENCE_SCORE } from '../support/reference-score.ts';

export const score: Score = REFERENCE_SCORE;

export const pendingScore: PendingScore = {
  id: 'scr_01HZ9X3F7QMHN4U',
  domain: 'slow.test',
  status: 'pending',
  created_at: '2026-05-28T14:02:11Z',
};

export const bulkJob = (status: BulkJob['status'], processed = 0): BulkJob => ({
  id: 'job_01HZ9X4B2W8K7R1',
  source: 'json',
  rejected_rows: [],
  status,
  deferred: false,
  tag: 'q3-enrichment',
  webhook_url: null,
  domains_submitted: 3,
  progress: { total: 3, processed, scored: processed, unscorable: 0 },
  credits_charged: 0,
  unscorable: [],
  created_at: '2026-05-28T14:00:00Z',
  started_at: status === 'queued' ? null : '2026-05-28T14:00:01Z',
  completed_at: status === 'completed' ? '2026-05-28T14:00:09Z' : null,
});

export const person: Person = {
  id: 'prs_01HZ9X7E5R3T1Y8',
  name: 'Jane Doe',
  email: 'jane.doe@stripe.com',
  title: 'Head of Revenue Operations',
  company: 'stripe.com',
  intent_score: 94,
  seniority: 'director',
  linkedin_url: 'https://www.linkedin.com/in/jane-doe',
  resolved_at: '2026-05-28T14:02:11Z',
};

export const watchlist: Watchlist = {
  id: 'wl_01HZ9X5C3V4N6P2',
  name: 'Q3 expansion targets',
  alert_threshold: 'hot_entry',
  account_count: 2,
  band_distribution: { HOT: 1, WARM: 1, COLD: 0, unscored: 0 },
  created_at: '2026-05-28T14:00:00Z',
  updated_at: '2026-05-28T14:00:00Z',
};

export const watchlistAccount: WatchlistAccount = {
  domain: 'stripe.com',
  score_id: 'scr_01HZ9X3F7QMHN4T',
  score: 94,
  band: 'HOT',
  delta_30d: 12,
  added_at: '2026-05-28T14:00:00Z',
  last_scored_at: '2026-05-28T14:02:11Z',
  company: REFERENCE_SCORE.company,
  buying_stage: REFERENCE_SCORE.buying_stage,
  urgency: REFERENCE_SCORE.urgency,
  why_now: REFERENCE_SCORE.why_now,
  key_triggers: REFERENCE_SCORE.key_triggers,
  decay_date: REFERENCE_SCORE.decay_date,
};

export const watchlistAccounts: WatchlistAccounts = {
  watchlist_id: 'wl_01HZ9X5C3V4N6P2',
  accounts: ['figma.com', 'linear.app', 'stripe.com', 'notion.so'],
  account_count: 4,
  added: ['figma.com', 'linear.app'],
  removed: [],
};

export const webhookEndpoint: WebhookEndpoint = {
  id: 'we_01HZ9X6D8T2M4Q5',
  url: 'https://example.com/webhooks/intentiq',
  events: ['account.band_changed', 'score.bulk.completed'],
  description: null,
  created_at: '2026-05-28T14:00:00Z',
};

export const webhookEndpointCreated: WebhookEndpointCreated = {
  ...webhookEndpoint,
  secret: 'whsec_FAKEfakeFAKEfakeFAKEfakeFAKEfake0123',
};

export const event: Event = {
  id: 'evt_01HZ9X3FK8M2P',
  type: 'score.computed',
  created: '2026-05-28T14:02:11Z',
  data: { score, trigger: 'api' },
};

export const account: Account = {
  id: 'ws_01HZ9X0A1B2C3D4',
  name: 'Acme Revenue Team',
  plan: 'team',
  credits: { limit: 10_000, used: 1_204, remaining: 8_796, resets_at: '2026-06-01T00:00:00Z' },
  rate_limits: { score_per_minute: 300, reads_per_minute: 600, concurrent_bulk_jobs: 10 },
  key: { mode: 'test', scope: 'write', last4: 'Ab12' },
};

export const deleted = (id: string) => ({ id, deleted: true as const });

export const intentSearch = (
  status: IntentSearch['status'],
  overrides: Partial<IntentSearch> = {},
): IntentSearch => ({
  id: 'isr_01HZ9X7E4R5S8T3',
  status,
  interest_domain: 'gong.io',
  icp_domain: 'hubspot.com',
  max_results: 25,
  lite: false,
  tag: null,
  webhook_url: null,
  created_at: '2026-05-28T14:02:11Z',
  started_at: status === 'queued' ? null : '2026-05-28T14:02:13Z',
  completed_at: status === 'completed' || status === 'failed' ? '2026-05-28T14:02:14Z' : null,
  total_results: status === 'completed' ? 25 : null,
  credits_charged: status === 'completed' ? 250 : 0,
  error:
    status === 'failed'
      ? { code: 'no_interest_signal', message: 'Nobody showed interest in products like it.' }
      : null,
  ...overrides,
});

export const intentPerson: IntentPerson = {
  rank: 1,
  score: 94,
  score_reason:
    'Chief Revenue Officer at Atlassian, in the revenue team HubSpot sells to; 8 interest signals, the latest 6 days ago.',
  name: 'Rosa Haddad',
  title: 'Chief Revenue Officer',
  seniority: 'c_level',
  company: 'atlassian.com',
  company_name: 'Atlassian',
  location: 'Sydney, Australia',
  linkedin_url: 'https://www.linkedin.com/in/rosa-haddad-d0e7',
  latest_interest_date: '2026-05-22',
  signal_count: 8,
  person_id: 'prs_N57ACTMQH30EGTDA',
};
