/**
 * Runtime schemas for the objects of the IntentIQ API, written against `openapi.yaml`.
 *
 * `test/schemas/types.test.ts` checks at compile time that each schema's inferred type is exactly
 * the type generated from `openapi.yaml`, so the two cannot drift. Responses are *typed* with these,
 * not validated: unknown new fields and enum values from the API pass through the client untouched.
 */
import * as z from 'zod/mini';
import {
  AlertThresholdSchema,
  BuyingStageSchema,
  EventTypeSchema,
  UrgencySchema,
} from './enums.ts';

export { AlertThresholdSchema, BuyingStageSchema, EventTypeSchema, UrgencySchema };

const dateTime = z.iso.datetime({ offset: true });
const percent = z.int().check(z.minimum(0), z.maximum(100));
const prefixedId = (prefix: string) =>
  z.string().check(z.regex(new RegExp(`^${prefix}_[0-9A-Za-z]+$`)));

export const BandSchema = z.nullable(z.enum(['HOT', 'WARM', 'COLD']));
export const SignalNameSchema = z.enum(['funding', 'hiring', 'news', 'tech', 'web']);
export const ModeSchema = z.enum(['test']);

export const EvidenceSchema = z.object({
  kind: z.enum([
    'funding_round',
    'job_posting',
    'news_article',
    'technology_change',
    'web_activity',
  ]),
  title: z.string(),
  url: z.nullable(z.string()),
  observed_at: dateTime,
});

export const SignalSchema = z.object({
  score: percent,
  evidence: z.array(EvidenceSchema),
  source: z.string(),
  fetched_at: dateTime,
});

export const SignalValueSchema = z.union([percent, SignalSchema]);

export const SignalsSchema = z.object({
  funding: SignalValueSchema,
  hiring: SignalValueSchema,
  news: SignalValueSchema,
  tech: SignalValueSchema,
  web: SignalValueSchema,
});

export const HistoryPointSchema = z.object({ date: z.iso.date(), score: percent });

export const SenioritySchema = z.enum(['ic', 'manager', 'director', 'vp', 'c_level']);

export const PersonSchema = z.object({
  id: prefixedId('prs'),
  name: z.string(),
  email: z.email(),
  title: z.string(),
  company: z.string(),
  intent_score: percent,
  seniority: SenioritySchema,
  linkedin_url: z.optional(z.nullable(z.string())),
  resolved_at: dateTime,
});

/** The account intelligence fields, on a Score and a watchlist account. */
const intelligence = {
  company: z.nullable(z.string().check(z.minLength(1), z.maxLength(200))),
  buying_stage: z.nullable(BuyingStageSchema),
  urgency: z.nullable(UrgencySchema),
  why_now: z.nullable(z.string().check(z.minLength(1), z.maxLength(140))),
  key_triggers: z.array(z.string().check(z.minLength(1), z.maxLength(60))).check(z.maxLength(5)),
  decay_date: z.nullable(dateTime),
};

export const ScoreSchema = z.object({
  id: prefixedId('scr'),
  domain: z.string(),
  score: z.nullable(percent),
  band: BandSchema,
  delta_30d: z.int().check(z.minimum(-100), z.maximum(100)),
  signals: SignalsSchema,
  action: z.string().check(z.minLength(1), z.maxLength(140)),
  summary: z.string().check(z.minLength(1)),
  cached: z.boolean(),
  computed_at: dateTime,
  ...intelligence,
  talk_track: z.optional(z.string().check(z.minLength(1), z.maxLength(600))),
  email_subject: z.optional(z.string().check(z.minLength(1), z.maxLength(78))),
  history: z.optional(z.array(HistoryPointSchema)),
  people: z.optional(z.array(PersonSchema).check(z.maxLength(5))),
});

export const PendingScoreSchema = z.object({
  id: prefixedId('scr'),
  domain: z.string(),
  status: z.literal('pending'),
  created_at: dateTime,
});

export const BulkJobProgressSchema = z.object({
  total: z.int(),
  processed: z.int(),
  scored: z.int(),
  unscorable: z.int(),
});

export const UnscorableDomainSchema = z.object({
  domain: z.string(),
  code: z.enum(['unscorable_domain', 'restricted_use']),
  message: z.string(),
});

export const RejectedRowSchema = z.object({
  row: z.int().check(z.minimum(1), z.maximum(1000)),
  value: z.string().check(z.maxLength(256)),
  message: z.string(),
});

export const BulkJobSchema = z.object({
  id: prefixedId('job'),
  source: z.enum(['json', 'csv']),
  rejected_rows: z.array(RejectedRowSchema).check(z.maxLength(1000)),
  status: z.enum(['queued', 'running', 'completed']),
  deferred: z.boolean(),
  tag: z.nullable(z.string()),
  webhook_url: z.nullable(z.string()),
  domains_submitted: z.int().check(z.minimum(1), z.maximum(1000)),
  progress: BulkJobProgressSchema,
  credits_charged: z.int(),
  unscorable: z.array(UnscorableDomainSchema),
  created_at: dateTime,
  started_at: z.nullable(dateTime),
  completed_at: z.nullable(dateTime),
});

export const IntentSearchSchema = z.object({
  id: prefixedId('isr'),
  status: z.enum(['queued', 'processing', 'completed', 'failed']),
  interest_domain: z.string(),
  icp_domain: z.string(),
  max_results: z.int().check(z.minimum(1), z.maximum(1000)),
  lite: z.boolean(),
  tag: z.nullable(z.string()),
  webhook_url: z.nullable(z.string()),
  created_at: dateTime,
  started_at: z.nullable(dateTime),
  completed_at: z.nullable(dateTime),
  total_results: z.nullable(z.int().check(z.minimum(0), z.maximum(1000))),
  credits_charged: z.int().check(z.minimum(0), z.maximum(10_000)),
  error: z.nullable(
    z.object({
      code: z.enum(['no_interest_signal', 'insufficient_credits']),
      message: z.string(),
    }),
  ),
});

export const IntentPersonSchema = z.object({
  rank: z.int().check(z.minimum(1), z.maximum(1000)),
  score: percent,
  score_reason: z.string().check(z.maxLength(200)),
  name: z.string(),
  title: z.string(),
  seniority: SenioritySchema,
  company: z.string(),
  company_name: z.string(),
  location: z.string(),
  linkedin_url: z.nullable(z.string()),
  latest_interest_date: z.iso.date(),
  signal_count: z.int().check(z.minimum(1)),
  person_id: prefixedId('prs'),
});

export const WatchlistSchema = z.object({
  id: prefixedId('wl'),
  name: z.string().check(z.minLength(1), z.maxLength(80)),
  alert_threshold: AlertThresholdSchema,
  account_count: z.int(),
  band_distribution: z.object({
    HOT: z.int(),
    WARM: z.int(),
    COLD: z.int(),
    unscored: z.int(),
  }),
  created_at: dateTime,
  updated_at: dateTime,
});

export const WatchlistAccountSchema = z.object({
  domain: z.string(),
  score_id: z.nullable(z.string()),
  score: z.nullable(percent),
  band: BandSchema,
  delta_30d: z.nullable(z.int()),
  added_at: dateTime,
  last_scored_at: z.nullable(dateTime),
  ...intelligence,
});

export const PriorityAccountSchema = z.object({
  domain: z.string(),
  company: z.string().check(z.minLength(1), z.maxLength(200)),
  score: percent,
  band: z.enum(['HOT', 'WARM', 'COLD']),
  delta_30d: z.int().check(z.minimum(-100), z.maximum(100)),
  urgency: UrgencySchema,
  buying_stage: BuyingStageSchema,
  why_now: z.string().check(z.minLength(1), z.maxLength(140)),
  key_triggers: z.array(z.string().check(z.minLength(1), z.maxLength(60))).check(z.maxLength(5)),
  action: z.string().check(z.minLength(1), z.maxLength(140)),
  priority: percent,
  reasons: z.array(z.string()).check(z.minLength(4), z.maxLength(4)),
  watchlist_ids: z.array(prefixedId('wl')).check(z.minLength(1)),
  score_id: prefixedId('scr'),
  computed_at: dateTime,
});

export const WatchlistAccountsSchema = z.object({
  watchlist_id: prefixedId('wl'),
  accounts: z.array(z.string()),
  account_count: z.int(),
  added: z.array(z.string()),
  removed: z.array(z.string()),
});

export const DeletedSchema = z.object({ id: z.string(), deleted: z.literal(true) });

export const WebhookEndpointSchema = z.object({
  id: prefixedId('we'),
  url: z.string(),
  events: z.array(EventTypeSchema),
  description: z.optional(z.nullable(z.string())),
  created_at: dateTime,
});

export const WebhookEndpointCreatedSchema = z.extend(WebhookEndpointSchema, {
  // whsec_ and base64, the form Standard Webhooks keys are written in.
  secret: z
    .string()
    .check(z.regex(/^whsec_(?:[A-Za-z0-9+/]{4}){8,}(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/)),
});

export const AccountSchema = z.object({
  id: prefixedId('ws'),
  name: z.string(),
  plan: z.enum(['starter', 'team', 'scale']),
  credits: z.object({
    limit: z.int(),
    used: z.int(),
    remaining: z.int(),
    resets_at: dateTime,
  }),
  rate_limits: z.object({
    score_per_minute: z.int(),
    reads_per_minute: z.int(),
    concurrent_bulk_jobs: z.int(),
  }),
  key: z.object({
    mode: z.enum(['test', 'live']),
    scope: z.enum(['read', 'write']),
    last4: z.string().check(z.minLength(4), z.maxLength(4)),
  }),
});

export const ErrorCodeSchema = z.enum([
  'invalid_request',
  'unauthorized',
  'insufficient_credits',
  'restricted_use',
  'not_found',
  'idempotency_conflict',
  'unscorable_domain',
  'unresolvable_person',
  'rate_limited',
  'internal_error',
  'invalid_point_values',
  'object_type_mismatch',
  'plan_required',
  'insufficient_scope',
]);

export const ErrorSchema = z.object({
  type: z.enum([
    'invalid_request_error',
    'authentication_error',
    'billing_error',
    'permission_error',
    'idempotency_error',
    'rate_limit_error',
    'api_error',
  ]),
  code: ErrorCodeSchema,
  message: z.string(),
  request_id: prefixedId('req'),
  field: z.optional(z.string()),
  fields: z.optional(z.array(z.object({ field: z.string(), message: z.string() }))),
  resets_at: z.optional(dateTime),
});

export const ErrorResponseSchema = z.object({
  error: ErrorSchema,
  mode: z.optional(ModeSchema),
});

const eventEnvelope = <T extends string, D extends z.ZodMiniType>(type: T, data: D) =>
  z.object({
    id: prefixedId('evt'),
    type: z.literal(type),
    created: dateTime,
    data,
    delivery_attempt: z.optional(z.int().check(z.minimum(1), z.maximum(9))),
  });

const watchlistAccountRef = {
  watchlist_id: prefixedId('wl'),
  domain: z.string(),
  score_id: prefixedId('scr'),
};

export const ScoreComputedEventSchema = eventEnvelope(
  'score.computed',
  z.object({
    score: ScoreSchema,
    trigger: z.enum(['api', 'force_refresh', 'watchlist_refresh', 'bulk']),
  }),
);

export const ScoreBulkCompletedEventSchema = eventEnvelope(
  'score.bulk.completed',
  z.object({
    job: BulkJobSchema,
    results: z.array(ScoreSchema),
    unscorable: z.array(UnscorableDomainSchema),
  }),
);

export const AccountBandChangedEventSchema = eventEnvelope(
  'account.band_changed',
  z.object({
    ...watchlistAccountRef,
    previous_band: BandSchema,
    band: BandSchema,
    previous_score: z.nullable(z.int()),
    score: z.nullable(z.int()),
    alert_threshold: AlertThresholdSchema,
  }),
);

export const SignalSpikeEventSchema = eventEnvelope(
  'signal.spike',
  z.object({
    ...watchlistAccountRef,
    signal: SignalNameSchema,
    previous: percent,
    current: percent,
    change: z.int().check(z.minimum(26), z.maximum(100)),
  }),
);

export const PersonScoredEventSchema = eventEnvelope(
  'person.scored',
  z.object({ person: PersonSchema }),
);

export const CreditsLowEventSchema = eventEnvelope(
  'credits.low',
  z.object({
    remaining: z.int(),
    limit: z.int(),
    threshold_percent: z.literal(10),
    resets_at: dateTime,
  }),
);

export const IntentSearchCompletedEventSchema = eventEnvelope(
  'intent_search.completed',
  z.object({ intent_search: IntentSearchSchema }),
);

export const IntentSearchFailedEventSchema = eventEnvelope(
  'intent_search.failed',
  z.object({ intent_search: IntentSearchSchema }),
);

export const ScoringScoreChangedEventSchema = eventEnvelope(
  'scoring.score_changed',
  z.object({
    profile_id: prefixedId('prf'),
    object_type: z.enum(['company', 'contact']),
    object_id: z.string().check(z.minLength(1)),
    dimension: z.enum(['fit', 'urgency']),
    score: z.nullable(percent),
    previous_score: z.nullable(percent),
    version: z.int().check(z.minimum(2)),
  }),
);

export const EventSchema = z.discriminatedUnion('type', [
  ScoreComputedEventSchema,
  ScoreBulkCompletedEventSchema,
  AccountBandChangedEventSchema,
  SignalSpikeEventSchema,
  PersonScoredEventSchema,
  CreditsLowEventSchema,
  IntentSearchCompletedEventSchema,
  IntentSearchFailedEventSchema,
  ScoringScoreChangedEventSchema,
]);
