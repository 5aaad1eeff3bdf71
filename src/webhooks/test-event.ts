import type { components } from '../generated/openapi.ts';
import type { WebhookEventOfType, WebhookEventType } from './events.ts';

type Schemas = components['schemas'];

/** Overrides for the envelope of a test event. */
export interface TestEventOptions {
  /** Default: a fresh random `evt_…` ID. */
  id?: string;
  /** Default: now. */
  created?: Date | string;
  /** Default: 1. */
  delivery_attempt?: number;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A complete, realistic event of `type` for tests, with `data` fields you pass replacing the
 * sample's (a shallow merge). Sign it with `signWebhook` to exercise a receiver.
 *
 * @example
 * const event = createTestEvent('account.band_changed', { previous_band: 'HOT', band: 'WARM' });
 * const { body, headers } = await signWebhook({ payload: event, secret });
 */
export function createTestEvent<T extends WebhookEventType>(
  type: T,
  data: Partial<WebhookEventOfType<T>['data']> = {},
  options: TestEventOptions = {},
): WebhookEventOfType<T> {
  if (!Object.hasOwn(sampleData, type)) {
    throw new TypeError(
      `Unknown event type: ${String(type)}. Known types: ${Object.keys(sampleData).join(', ')}.`,
    );
  }
  const created = options.created ?? new Date();
  return {
    id: options.id ?? randomEventId(),
    type,
    created: typeof created === 'string' ? created : isoSeconds(created),
    data: { ...sampleData[type](), ...data },
    delivery_attempt: options.delivery_attempt ?? 1,
  } as unknown as WebhookEventOfType<T>;
}

/** A fresh random `evt_…` ID. */
export function randomEventId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(26));
  let id = 'evt_';
  for (const byte of bytes) id += CROCKFORD[byte & 31];
  return id;
}

function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const SCORED_AT = '2026-05-28T14:02:11Z';

function sampleScore(): Schemas['Score'] {
  return {
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
    computed_at: SCORED_AT,
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
}

function sampleUnscorable(): Schemas['UnscorableDomain'] {
  return {
    domain: 'unscorable.test',
    code: 'unscorable_domain',
    message: 'Not enough public signal to score this domain.',
  };
}

const sampleData: { [T in WebhookEventType]: () => WebhookEventOfType<T>['data'] } = {
  'score.computed': () => ({ score: sampleScore(), trigger: 'watchlist_refresh' }),
  'score.bulk.completed': () => ({
    job: {
      id: 'job_01HZ9X4B2W8K7R1',
      source: 'json',
      rejected_rows: [],
      status: 'completed',
      deferred: false,
      tag: 'crm-sync',
      webhook_url: 'https://example.com/webhooks/intentiq',
      domains_submitted: 3,
      progress: { total: 2, processed: 2, scored: 1, unscorable: 1 },
      credits_charged: 2,
      unscorable: [sampleUnscorable()],
      created_at: '2026-05-28T14:00:02Z',
      started_at: '2026-05-28T14:00:03Z',
      completed_at: SCORED_AT,
    },
    results: [sampleScore()],
    unscorable: [sampleUnscorable()],
  }),
  'account.band_changed': () => ({
    watchlist_id: 'wl_01HZ9X5C3V4N6P2',
    domain: 'stripe.com',
    score_id: 'scr_01HZ9X3F7QMHN4T',
    previous_band: 'WARM',
    band: 'HOT',
    previous_score: 78,
    score: 94,
    alert_threshold: 'hot_entry',
  }),
  'signal.spike': () => ({
    watchlist_id: 'wl_01HZ9X5C3V4N6P2',
    domain: 'stripe.com',
    score_id: 'scr_01HZ9X3F7QMHN4T',
    signal: 'funding',
    previous: 61,
    current: 96,
    change: 35,
  }),
  'person.scored': () => ({
    person: {
      id: 'prs_01HZ9X7E4R5S6T7',
      name: 'Avery Quinn',
      email: 'avery.quinn@stripe.com',
      title: 'VP Revenue Operations',
      company: 'stripe.com',
      intent_score: 94,
      seniority: 'vp',
      linkedin_url: null,
      resolved_at: SCORED_AT,
    },
  }),
  'credits.low': () => ({
    remaining: 480,
    limit: 5000,
    threshold_percent: 10,
    resets_at: '2026-06-01T00:00:00Z',
  }),
  'intent_search.completed': () => ({
    intent_search: sampleIntentSearch({
      status: 'completed',
      completed_at: '2026-05-28T14:02:14Z',
      total_results: 25,
      credits_charged: 250,
    }),
  }),
  'intent_search.failed': () => ({
    intent_search: sampleIntentSearch({
      status: 'failed',
      interest_domain: 'search-fails.test',
      completed_at: '2026-05-28T14:02:14Z',
      error: {
        code: 'no_interest_signal',
        message: 'Nobody showed interest in products like search-fails.test.',
      },
    }),
  }),
  'scoring.score_changed': () => ({
    profile_id: 'prf_01KSQE91NR2AMTY1',
    object_type: 'company',
    object_id: 'stripe.com',
    dimension: 'fit',
    score: 83,
    previous_score: 67,
    version: 2,
  }),
};

function sampleIntentSearch(overrides: Partial<Schemas['IntentSearch']>): Schemas['IntentSearch'] {
  return {
    id: 'isr_01HZ9X7E4R5S8T3',
    status: 'queued',
    interest_domain: 'gong.io',
    icp_domain: 'salesforce.com',
    max_results: 25,
    lite: false,
    tag: null,
    webhook_url: null,
    created_at: SCORED_AT,
    started_at: '2026-05-28T14:02:13Z',
    completed_at: null,
    total_results: null,
    credits_charged: 0,
    error: null,
    ...overrides,
  };
}
