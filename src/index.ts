/**
 * `@vesperwise/node`: the official TypeScript SDK for the IntentIQ API.
 *
 * @example
 * import { IntentIQ, NotFoundError } from '@vesperwise/node';
 * const iiq = new IntentIQ({ apiKey: process.env.IIQ_API_KEY });
 *
 * @module @vesperwise/node
 */
export { IntentIQ } from './client.ts';
export { APIPromise } from './core/api-promise.ts';
export {
  APIConnectionError,
  APIError,
  APITimeoutError,
  APIUserAbortError,
  AuthenticationError,
  BulkJobTimeoutError,
  ConfigurationError,
  type ErrorCode,
  type ErrorObject,
  type FieldError,
  IdempotencyConflictError,
  InsufficientCreditsError,
  IntentIQError,
  IntentSearchTimeoutError,
  InternalServerError,
  InvalidPointValuesError,
  InvalidRequestError,
  NotFoundError,
  ObjectTypeMismatchError,
  PermissionDeniedError,
  PlanRequiredError,
  RateLimitError,
  RestrictedUseError,
  UnresolvablePersonError,
  UnscorableDomainError,
  ValidationError,
  type ValidationIssue,
} from './core/errors.ts';
export type { Logger, LogLevel } from './core/logger.ts';
export type { CacheStatus, Quota, RateLimit, ResponseMetadata } from './core/metadata.ts';
export type { Middleware, MiddlewareNext, MiddlewareRequest } from './core/middleware.ts';
export type { ClientOptions, Fetch, RequestOptions } from './core/options.ts';
export { Page, PagePromise } from './core/pagination.ts';
export type { ListParams, WithMode } from './core/resource.ts';
export { VERSION } from './core/version.ts';
export { normalizeDomain } from './domain.ts';
export type { components, operations, paths } from './generated/openapi.ts';
export type { APIResponse } from './internal/transport.ts';
export type { Account, AccountResource, KeyScope, Plan } from './resources/account.ts';
export type {
  BulkJob,
  BulkJobCreateParams,
  BulkJobCsvParams,
  BulkJobStatus,
  BulkResource,
  BulkWaitOptions,
  RejectedRow,
  UnscorableDomain,
} from './resources/bulk.ts';
export type { CsvFile } from './resources/bulk-csv.ts';
export type {
  ScoreAllOptions,
  ScoreAllProgress,
  ScoreAllResult,
} from './resources/bulk-score-all.ts';
export type { Event, EventListParams, EventsResource, EventType } from './resources/events.ts';
export type { FitAnalysis, FitParams, FitResource, OverallFit } from './resources/fit.ts';
export type {
  IntentPerson,
  IntentResource,
  IntentSearch,
  IntentSearchCreateParams,
  IntentSearchError,
  IntentSearchesResource,
  IntentSearchStatus,
  IntentSearchWaitOptions,
} from './resources/intent-searches.ts';
export type {
  Outcome,
  OutcomeCreateParams,
  OutcomeKind,
  OutcomeListParams,
  OutcomesResource,
  OutcomeUpdateParams,
} from './resources/outcomes.ts';
export type {
  PeopleResource,
  Person,
  PersonScoreParams,
  Seniority,
} from './resources/people.ts';
export type {
  PrioritizeResource,
  PriorityAccount,
  PriorityAccountListParams,
} from './resources/prioritize.ts';
export type {
  MarketDemandSignal,
  OutcomeSummary,
  PipelineReport,
  PipelineReportParams,
  PipelineReportsResource,
  ReportsResource,
} from './resources/reports.ts';
export {
  type Band,
  type BuyingStage,
  type Evidence,
  type HistoryPoint,
  isPendingScore,
  type PendingScore,
  type Score,
  type ScoreCreateParams,
  type ScoreInclude,
  type ScoresResource,
  type Signal,
  type Signals,
  type SignalValue,
  type Urgency,
} from './resources/scores.ts';
export type {
  ScoringComputeParams,
  ScoringComputeResult,
  ScoringResource,
} from './resources/scoring.ts';
export type {
  ScoringAssignment,
  ScoringAssignmentBulkParams,
  ScoringAssignmentBulkResult,
  ScoringAssignmentCreateParams,
  ScoringAssignmentListParams,
  ScoringAssignmentsResource,
} from './resources/scoring-assignments.ts';
export type {
  ScoringAttribute,
  ScoringAttributeListParams,
  ScoringAttributesResource,
  ScoringAttributeValue,
  ScoringAttributeValues,
  ScoringAttributeValuesParams,
} from './resources/scoring-attributes.ts';
export type {
  ScoringObjectType,
  ScoringProfile,
  ScoringProfileCreateParams,
  ScoringProfileListParams,
  ScoringProfilesResource,
  ScoringProfileUpdateParams,
} from './resources/scoring-profiles.ts';
export type {
  KnownScoringAttribute,
  ScoringAnswerType,
  ScoringAttributeAnswerTypes,
  ScoringBooleanPoints,
  ScoringDimension,
  ScoringListMode,
  ScoringListPoints,
  ScoringPoints,
  ScoringPointsFor,
  ScoringRange,
  ScoringRangePoints,
  ScoringRule,
  ScoringRulesResource,
  ScoringRuleUpsertParams,
} from './resources/scoring-rules.ts';
export type {
  ScoringContribution,
  ScoringScore,
  ScoringScoreListParams,
  ScoringScoresResource,
} from './resources/scoring-scores.ts';
export type {
  AggregateSignals,
  AggregateSignalsAvailable,
  AggregateSignalsParams,
  AggregateSignalsUnavailable,
  Segment,
  SignalsResource,
} from './resources/signals.ts';
export type {
  WatchlistAccount,
  WatchlistAccountListParams,
  WatchlistAccounts,
  WatchlistAccountsParams,
  WatchlistAccountsResource,
} from './resources/watchlist-accounts.ts';
export type {
  AlertThreshold,
  BandDistribution,
  Deleted,
  Watchlist,
  WatchlistCreateParams,
  WatchlistsResource,
  WatchlistUpdateParams,
} from './resources/watchlists.ts';
export type {
  WebhookEndpoint,
  WebhookEndpointCreated,
  WebhookEndpointCreateParams,
  WebhookEndpointsResource,
} from './resources/webhook-endpoints.ts';
