/**
 * Runtime schemas for request bodies and list parameters. The client checks every call against
 * these before it touches the network; the mock server answers `400 invalid_request` with the same
 * rules. Objects are strict: an unknown field is an error, not silently dropped.
 *
 * Every limit here is a limit of `openapi.yaml`, where it is written down; no limit is added.
 * `test/schemas/constraints.test.ts` walks every request body and query of the spec and proves it,
 * probing each field at and past each of its limits.
 *
 * Domain normalisation (Public Suffix List) is not done here but in `normalizeDomain`, so that the
 * PSL data is loaded only when a domain is actually checked.
 */
import * as z from 'zod/mini';

import {
  AlertThresholdSchema,
  BandFilterSchema,
  EventTypeSchema,
  OutcomeKindSchema,
  UrgencySchema,
} from './enums.ts';

const domainInput = z.string().check(z.minLength(1), z.maxLength(2048));

/** `uniqueItems: true` in openapi.yaml. */
const noRepeats = z.refine<readonly unknown[]>((items) => new Set(items).size === items.length, {
  message: 'must not list the same value twice',
});
const httpUrl = z.url({ protocol: /^https?$/ }).check(z.maxLength(2048));

export const ScoreCreateParamsSchema = z.strictObject({
  domain: domainInput,
  force_refresh: z.optional(z.boolean()),
  include: z.optional(
    z
      .array(z.enum(['signals.evidence', 'history', 'people', 'talk_track', 'email_subject']))
      .check(noRepeats),
  ),
  webhook_url: z.optional(httpUrl),
});

export const BulkJobCreateParamsSchema = z.strictObject({
  domains: z.array(domainInput).check(z.minLength(1), z.maxLength(1000)),
  deferred: z.optional(z.boolean()),
  webhook_url: z.optional(httpUrl),
  tag: z.optional(z.string().check(z.maxLength(255))),
});

export const IntentSearchCreateParamsSchema = z.strictObject({
  interest_domain: domainInput,
  icp_domain: domainInput,
  max_results: z.optional(z.int().check(z.minimum(1), z.maximum(1000))),
  lite: z.optional(z.boolean()),
  webhook_url: z.optional(httpUrl),
  tag: z.optional(z.string().check(z.maxLength(255))),
});

/**
 * The form fields of a bulk job sent as a CSV file (`multipart/form-data`), beside the `file` part.
 * The mock reads `deferred` from the form's text (`true` or `false`) before checking it here.
 */
export const BulkJobCsvParamsSchema = z.strictObject({
  deferred: z.optional(z.boolean()),
  webhook_url: z.optional(httpUrl),
  tag: z.optional(z.string().check(z.maxLength(255))),
});

const roleHint = z.optional(z.string().check(z.maxLength(100)));

export const PersonScoreParamsSchema = z.union([
  z.strictObject({ email: z.email().check(z.maxLength(254)), role_hint: roleHint }),
  z.strictObject({ linkedin_url: httpUrl, role_hint: roleHint }),
]);

const watchlistName = z.string().check(z.minLength(1), z.maxLength(80));

export const WatchlistCreateParamsSchema = z.strictObject({
  name: watchlistName,
  accounts: z.optional(z.array(domainInput).check(z.maxLength(10_000))),
  alert_threshold: z.optional(AlertThresholdSchema),
});

export const WatchlistUpdateParamsSchema = z.strictObject({
  name: z.optional(watchlistName),
  alert_threshold: z.optional(AlertThresholdSchema),
});

export const WatchlistAccountsParamsSchema = z.strictObject({
  accounts: z.array(domainInput).check(z.minLength(1), z.maxLength(10_000)),
});

export const WebhookEndpointCreateParamsSchema = z.strictObject({
  url: httpUrl,
  events: z.array(EventTypeSchema).check(z.minLength(1), noRepeats),
  description: z.optional(z.string().check(z.maxLength(255))),
});

export const ListParamsSchema = z.strictObject({
  limit: z.optional(z.int().check(z.minimum(1), z.maximum(100))),
  cursor: z.optional(z.string().check(z.minLength(1))),
});

export const EventListParamsSchema = z.extend(ListParamsSchema, {
  type: z.optional(EventTypeSchema),
});

export const BulkJobResultsParamsSchema = z.extend(ListParamsSchema, {
  format: z.optional(z.enum(['json', 'csv'])),
});

// Scoring profiles

const ScoringObjectTypeSchema = z.enum(['company', 'contact']);
const ScoringDimensionSchema = z.enum(['fit', 'urgency']);
const ScoringListModeSchema = z.enum([
  'additive',
  'best_match',
  'contains_all',
  'contains_none',
  'exact_match',
]);
const scoringObjectId = z.string().check(z.minLength(1), z.maxLength(2048));
const scoringProfileId = z.string().check(z.minLength(1), z.maxLength(64));
const profileName = z.string().check(z.minLength(1), z.maxLength(80));
const profileDescription = z.string().check(z.maxLength(500));
const pointValue = z.int().check(z.minimum(-1000), z.maximum(1000));
const rangeBound = z.nullable(
  z
    .number({ error: 'must be a number' })
    .check(z.minimum(-1_000_000_000_000_000), z.maximum(1_000_000_000_000_000)),
);

export const ScoringProfileCreateParamsSchema = z.strictObject({
  object_type: ScoringObjectTypeSchema,
  name: profileName,
  description: z.optional(profileDescription),
});

export const ScoringProfileUpdateParamsSchema = z.strictObject({
  name: z.optional(profileName),
  description: z.optional(z.nullable(profileDescription)),
});

export const ScoringBooleanPointsSchema = z.strictObject({
  true: z.optional(pointValue),
  false: z.optional(pointValue),
});

export const ScoringRangeSchema = z.strictObject({
  min: z.optional(rangeBound),
  max: z.optional(rangeBound),
  points: pointValue,
});

export const ScoringRangePointsSchema = z.strictObject({
  ranges: z.array(ScoringRangeSchema).check(z.maxLength(50)),
});

export const ScoringListPointsSchema = z.strictObject({
  choices: z.record(z.string().check(z.minLength(1), z.maxLength(100)), pointValue).check(
    z.refine((choices) => Object.keys(choices).length <= 100, {
      message: 'must have at most 100 choices',
    }),
  ),
  mode: z.optional(ScoringListModeSchema),
});

type ScoringPointsInput =
  | z.input<typeof ScoringBooleanPointsSchema>
  | z.input<typeof ScoringRangePointsSchema>
  | z.input<typeof ScoringListPointsSchema>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The form `points` says it is by its keys: `ranges`, `choices` (or `mode`), else true/false. */
function pointsForm(value: unknown): z.ZodMiniType {
  if (isRecord(value) && 'ranges' in value) return ScoringRangePointsSchema;
  if (isRecord(value) && ('choices' in value || 'mode' in value)) return ScoringListPointsSchema;
  return ScoringBooleanPointsSchema;
}

/**
 * `oneOf` the three shapes of points. A union would report every shape's complaint at once; this
 * picks the shape by its keys and reports that shape's problems, at their own paths.
 */
export const ScoringPointsSchema = z.custom<ScoringPointsInput>().check(
  z.superRefine((value, ctx) => {
    const result = pointsForm(value).safeParse(value);
    if (!result.success) for (const issue of result.error.issues) ctx.addIssue(issue as never);
  }),
);

export const ScoringRuleUpsertParamsSchema = z.strictObject({
  attribute: z.string().check(z.minLength(1), z.maxLength(64)),
  dimension: ScoringDimensionSchema,
  points: ScoringPointsSchema,
});

export const ScoringAssignmentCreateParamsSchema = z.strictObject({
  profile_id: scoringProfileId,
  object_type: ScoringObjectTypeSchema,
  object_id: scoringObjectId,
});

const manyObjectIds = z.array(scoringObjectId).check(z.minLength(1), z.maxLength(500));

export const ScoringAssignmentBulkParamsSchema = z.strictObject({
  profile_id: scoringProfileId,
  object_type: ScoringObjectTypeSchema,
  object_ids: manyObjectIds,
});

export const ScoringComputeParamsSchema = z.strictObject({
  object_type: ScoringObjectTypeSchema,
  object_ids: manyObjectIds,
});

export const ScoringAttributeListParamsSchema = z.extend(ListParamsSchema, {
  object_type: z.optional(ScoringObjectTypeSchema),
});

export const ScoringAttributeValuesParamsSchema = z.strictObject({
  object_type: ScoringObjectTypeSchema,
  object_id: scoringObjectId,
});

export const ScoringProfileListParamsSchema = ScoringAttributeListParamsSchema;

export const ScoringAssignmentListParamsSchema = z.extend(ListParamsSchema, {
  object_type: z.optional(ScoringObjectTypeSchema),
  object_id: z.optional(scoringObjectId),
  profile_id: z.optional(scoringProfileId),
});

const scoreObjectIds = z.array(scoringObjectId).check(z.minLength(1), z.maxLength(100));

/** The query of `GET /scoring/scores` as it is sent: `object_id` repeated once per object. */
export const ScoringScoresQuerySchema = z.extend(ListParamsSchema, {
  object_type: ScoringObjectTypeSchema,
  object_id: scoreObjectIds,
  profile_id: z.optional(scoringProfileId),
});

/** The parameters of `scoring.scores.list`: the same, with the objects as one `object_ids` list. */
export const ScoringScoreListParamsSchema = z.extend(ListParamsSchema, {
  object_type: ScoringObjectTypeSchema,
  object_ids: scoreObjectIds,
  profile_id: z.optional(scoringProfileId),
});

const notes = z.optional(z.string().check(z.maxLength(1000)));

export const OutcomeCreateParamsSchema = z.strictObject({
  domain: domainInput,
  outcome: OutcomeKindSchema,
  notes,
  occurred_at: z.optional(z.iso.datetime({ offset: true }).check(z.maxLength(64))),
});

export const OutcomeUpdateParamsSchema = z.strictObject({
  outcome: z.optional(OutcomeKindSchema),
  notes,
});

export const OutcomeListParamsSchema = z.extend(ListParamsSchema, {
  domain: z.optional(domainInput),
  outcome: z.optional(OutcomeKindSchema),
});

const period = z.string().check(z.regex(/^\d{4}-Q[1-4]$/, 'must be a quarter such as "2026-Q2"'));

export const PipelineReportParamsSchema = z.strictObject({ period: z.optional(period) });

export const AggregateSignalsParamsSchema = z.strictObject({
  domain: z.optional(domainInput),
  industry: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
});

export const FitParamsSchema = z.strictObject({
  domain: domainInput,
  offering: z.string().check(z.minLength(1), z.maxLength(10_000)),
});

export const WatchlistAccountListParamsSchema = z.extend(ListParamsSchema, {
  band: z.optional(BandFilterSchema),
  sort: z.optional(z.enum(['added', 'score'])),
});

export const PriorityAccountListParamsSchema = z.extend(ListParamsSchema, {
  watchlist_id: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  band: z.optional(BandFilterSchema),
  urgency: z.optional(UrgencySchema),
});
