/**
 * Everything the SDK throws is an `IntentIQError`; catch the subclass you can act on.
 *
 * These errors never hold the request (its `Authorization` header carries the API key), nor the
 * transport's own error objects, which do. Messages are built from the response and the call, then
 * scrubbed of the key, so `String(err)`, `err.stack`, `JSON.stringify(err)` and `util.inspect(err)`
 * are safe to log.
 */
import type { components } from '../generated/openapi.ts';
import type { Quota, RateLimit } from './metadata.ts';

/** The `error` object of an API error body. `code` and `type` may grow new values. */
export type ErrorObject = components['schemas']['Error'];

/** The API's documented error codes. */
export type ErrorCode = components['schemas']['ErrorCode'];

/** Base class of every error the SDK throws. */
export class IntentIQError extends Error {
  override name = 'IntentIQError';

  /** A plain, log-safe description of the error (no stack). */
  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) {
      if (key !== 'name' && key !== 'cause' && value !== undefined) json[key] = value;
    }
    return json;
  }
}

/** Everything `APIError` carries, as the transport fills it in. */
export interface APIErrorInit {
  message: string;
  status: number;
  error: ErrorObject | null;
  headers: Record<string, string>;
  requestId: string | null;
  rateLimit: RateLimit | null;
  /** The cycle's credits at the time of the error (`X-Quota-*`). */
  quota?: Quota | null;
  idempotencyKey: string | null;
  attempts: number;
  /** The whole parsed error body (some codes add top-level fields, such as `domain`). */
  raw: unknown;
}

/**
 * The API answered with an error status. Subclasses exist for each documented `code`; an unknown
 * code (from a newer API) is a plain `APIError` with every field filled in.
 */
export class APIError extends IntentIQError {
  override name = 'APIError';
  /** The HTTP status, e.g. `404`. */
  readonly status: number;
  /** The API's error code, e.g. `not_found`; `null` when the body was not a JSON error. */
  readonly code: ErrorCode | (string & {}) | null;
  /** The API's error type, e.g. `invalid_request_error`. */
  readonly type: string | null;
  /** `X-Request-Id` (or the body's `request_id`): quote it when you contact support. */
  readonly requestId: string | null;
  /** The response headers, with lower-case names. */
  readonly headers: Record<string, string>;
  /** The rate-limit window at the time of the error. */
  readonly rateLimit: RateLimit | null;
  /**
   * The cycle's credits at the time of the error (`X-Quota-*`): on a `402`, how many are left and
   * when they reset. `null` when the response had no quota headers (a `401`).
   */
  readonly quota: Quota | null;
  /** The `Idempotency-Key` the request was sent with (writes only). */
  readonly idempotencyKey: string | null;
  /** How many attempts were made, retries included. */
  readonly attempts: number;
  /** The parsed `error` object of the body, or `null` when the body was not a JSON error. */
  readonly body: ErrorObject | null;

  constructor(init: APIErrorInit) {
    super(init.message);
    this.status = init.status;
    this.code = init.error?.code ?? null;
    this.type = init.error?.type ?? null;
    this.requestId = init.requestId ?? init.error?.request_id ?? null;
    this.headers = init.headers;
    this.rateLimit = init.rateLimit;
    this.quota = init.quota ?? null;
    this.idempotencyKey = init.idempotencyKey;
    this.attempts = init.attempts;
    this.body = init.error;
  }
}

/** One offending field of a `400 invalid_request`. */
export type FieldError = components['schemas']['FieldError'];

/** 400 `invalid_request`: the request was malformed; `field` names the offending field. */
export class InvalidRequestError extends APIError {
  override name = 'InvalidRequestError';
  /** The offending field, e.g. `domain`. */
  readonly field: string | null;
  /** Every offending field, when several are wrong. */
  readonly fields: FieldError[];
  constructor(init: APIErrorInit) {
    super(init);
    this.field = init.error?.field ?? null;
    this.fields = init.error?.fields ?? [];
  }
}

/** 401 `unauthorized`: the key is missing, malformed or revoked. Fix the key; do not retry. */
export class AuthenticationError extends APIError {
  override name = 'AuthenticationError';
}

/** 402 `insufficient_credits`: the cycle's credits are spent until `resetsAt`. */
export class InsufficientCreditsError extends APIError {
  override name = 'InsufficientCreditsError';
  /** When the next credit cycle begins. */
  readonly resetsAt: Date | null;
  constructor(init: APIErrorInit) {
    super(init);
    const at = init.error?.resets_at ? new Date(init.error.resets_at) : null;
    this.resetsAt = at && !Number.isNaN(at.getTime()) ? at : null;
  }
}

/** 403 `restricted_use`: the input is refused by the acceptable-use policy. */
export class RestrictedUseError extends APIError {
  override name = 'RestrictedUseError';
}

/**
 * 403 `plan_required`: the workspace's plan does not include the endpoint (pipeline reports and
 * aggregate signals need the Team or Scale plan). The message names the plans that have it.
 */
export class PlanRequiredError extends APIError {
  override name = 'PlanRequiredError';
}

/**
 * 403 `insufficient_scope`: the key is read-only (`read` scope) and the call needs the `write`
 * scope. Use a write key for changes; retrying with the same key will not help.
 */
export class PermissionDeniedError extends APIError {
  override name = 'PermissionDeniedError';
}

/** 404 `not_found`: no object with that ID exists in the key's workspace and mode. */
export class NotFoundError extends APIError {
  override name = 'NotFoundError';
}

/** 409 `idempotency_conflict`: the `Idempotency-Key` was used with a different request. */
export class IdempotencyConflictError extends APIError {
  override name = 'IdempotencyConflictError';
}

/** 422 `unscorable_domain`: the domain has no usable signal surface (parked, defunct, ...). */
export class UnscorableDomainError extends APIError {
  override name = 'UnscorableDomainError';
  /** The apex domain that could not be scored. */
  readonly domain: string | null;
  constructor(init: APIErrorInit) {
    super(init);
    const raw = init.raw as { domain?: unknown } | null;
    this.domain = typeof raw?.domain === 'string' ? raw.domain : null;
  }
}

/** 422 `unresolvable_person`: no person could be resolved (e.g. a free-mail address). */
export class UnresolvablePersonError extends APIError {
  override name = 'UnresolvablePersonError';
  /** The input that could not be resolved: `email` or `linkedin_url`. */
  readonly field: string | null;
  constructor(init: APIErrorInit) {
    super(init);
    this.field = init.error?.field ?? null;
  }
}

/**
 * 422 `invalid_point_values`: a scoring rule's `points` do not fit its attribute's answer type
 * (true/false points on a number, overlapping ranges, repeated choices, ...). `field` is `points`.
 */
export class InvalidPointValuesError extends APIError {
  override name = 'InvalidPointValuesError';
  /** The offending field: `points`. */
  readonly field: string | null;
  constructor(init: APIErrorInit) {
    super(init);
    this.field = init.error?.field ?? null;
  }
}

/**
 * 422 `object_type_mismatch`: a company where a profile scores contacts, or the reverse (an
 * assignment's `object_type`, or a rule's `attribute` of the other type). `field` says which.
 */
export class ObjectTypeMismatchError extends APIError {
  override name = 'ObjectTypeMismatchError';
  /** The offending field: `object_type` or `attribute`. */
  readonly field: string | null;
  constructor(init: APIErrorInit) {
    super(init);
    this.field = init.error?.field ?? null;
  }
}

/** 429 `rate_limited`: too many requests; wait `retryAfter` seconds. */
export class RateLimitError extends APIError {
  override name = 'RateLimitError';
  /** Seconds the API asked to wait (`Retry-After`), or `null` when it did not say. */
  readonly retryAfter: number | null;
  constructor(init: APIErrorInit) {
    super(init);
    this.retryAfter = init.rateLimit?.retryAfter ?? null;
  }
}

/** 5xx `internal_error`: something failed on the API's side, still failing after the retries. */
export class InternalServerError extends APIError {
  override name = 'InternalServerError';
}

/** What the errors that come without a response carry. */
export interface RequestFailureInit {
  message: string;
  attempts: number;
  idempotencyKey: string | null;
  cause?: Error;
}

/** The API could not be reached (DNS, refused connection, reset), even after the retries. */
export class APIConnectionError extends IntentIQError {
  override name = 'APIConnectionError';
  readonly attempts: number;
  readonly idempotencyKey: string | null;
  constructor(init: RequestFailureInit) {
    super(init.message, init.cause ? { cause: init.cause } : undefined);
    this.attempts = init.attempts;
    this.idempotencyKey = init.idempotencyKey;
  }
}

/** Every attempt ran past the per-attempt `timeout`. */
export class APITimeoutError extends APIConnectionError {
  override name = 'APITimeoutError';
}

/** The caller's `signal` aborted the request (during an attempt or a backoff wait). */
export class APIUserAbortError extends IntentIQError {
  override name = 'APIUserAbortError';
  /** Attempts sent before the abort (0 when the signal was aborted before the call). */
  readonly attempts: number;
  /** The `Idempotency-Key` of the aborted write: send it again with this key to stay safe. */
  readonly idempotencyKey: string | null;
  constructor(
    message = 'The request was aborted by its signal.',
    attempts = 0,
    idempotencyKey: string | null = null,
  ) {
    super(message);
    this.attempts = attempts;
    this.idempotencyKey = idempotencyKey;
  }
}

/** One problem found in the input before any request was sent. */
export interface ValidationIssue {
  /** Where the problem is, as a path: `domain`, `domains[3]`, `accounts[0]`, `limit`. */
  field: string;
  /** What is wrong, to be read after the field: `must be at most 80 characters`. */
  message: string;
}

/** The input was refused before any network call. `field` names the first offending field. */
export class ValidationError extends IntentIQError {
  override name = 'ValidationError';
  readonly field: string;
  readonly issues: ValidationIssue[];
  constructor(issues: [ValidationIssue, ...ValidationIssue[]]) {
    const [first] = issues;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    super(`${first.field} ${first.message}${more}.`);
    this.field = first.field;
    this.issues = issues;
  }
}

/** The client was constructed with a missing or unusable option (API key, base URL, ...). */
export class ConfigurationError extends IntentIQError {
  override name = 'ConfigurationError';
  /** The option at fault, e.g. `apiKey`. */
  readonly option: string;
  constructor(option: string, message: string) {
    super(message);
    this.option = option;
  }
}

/** `bulk.wait()` gave up: the job was not completed within the wait's `timeout`. */
export class BulkJobTimeoutError extends IntentIQError {
  override name = 'BulkJobTimeoutError';
  /** The job as last seen: its `progress` says how far it got. It keeps running on the API. */
  readonly job: components['schemas']['BulkJob'];
  /** The wait's timeout, in milliseconds. */
  readonly timeout: number;
  constructor(job: components['schemas']['BulkJob'], timeout: number) {
    super(
      `Bulk job ${job.id} is still ${job.status} after ${timeout} ms ` +
        `(${job.progress.processed} of ${job.progress.total} domains processed). The job keeps ` +
        'running: wait again with a longer timeout, or pass webhook_url to be told when it completes.',
    );
    this.job = job;
    this.timeout = timeout;
  }
}

/** `intent.searches.wait()` gave up: the search was still queued or processing at its `timeout`. */
export class IntentSearchTimeoutError extends IntentIQError {
  override name = 'IntentSearchTimeoutError';
  /** The search as last seen. It keeps running on the API. */
  readonly search: components['schemas']['IntentSearch'];
  /** The wait's timeout, in milliseconds. */
  readonly timeout: number;
  constructor(search: components['schemas']['IntentSearch'], timeout: number) {
    super(
      `Intent search ${search.id} is still ${search.status} after ${timeout} ms. The search keeps ` +
        'running: wait again with a longer timeout, or pass webhook_url to be told when it completes or fails.',
    );
    this.search = search;
    this.timeout = timeout;
  }
}
