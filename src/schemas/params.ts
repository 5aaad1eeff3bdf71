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

import { AlertThresholdSchema, BandFilterSchema, EventTypeSchema, UrgencySchema } from './enums.ts';

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

export const WatchlistAccountListParamsSchema = z.extend(ListParamsSchema, {
  band: z.optional(BandFilterSchema),
  sort: z.optional(z.enum(['added', 'score'])),
});

export const PriorityAccountListParamsSchema = z.extend(ListParamsSchema, {
  watchlist_id: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  band: z.optional(BandFilterSchema),
  urgency: z.optional(UrgencySchema),
});
