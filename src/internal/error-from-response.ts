/**
 * Turns an HTTP error response into the matching `APIError` subclass, with a message that says what
 * to do next. The class comes from the body's `code`; a body that is not a JSON error (a proxy's
 * HTML page, an empty 502) still maps by status, and an unknown code stays a plain `APIError`.
 */
import {
  APIError,
  type APIErrorInit,
  AuthenticationError,
  type ErrorObject,
  IdempotencyConflictError,
  InsufficientCreditsError,
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
} from '../core/errors.ts';
import { headersToObject, parseQuota, parseRateLimit } from '../core/metadata.ts';

type ErrorClass = new (init: APIErrorInit) => APIError;

const byCode: Record<string, ErrorClass> = {
  invalid_request: InvalidRequestError,
  unauthorized: AuthenticationError,
  insufficient_credits: InsufficientCreditsError,
  restricted_use: RestrictedUseError,
  not_found: NotFoundError,
  idempotency_conflict: IdempotencyConflictError,
  unscorable_domain: UnscorableDomainError,
  unresolvable_person: UnresolvablePersonError,
  rate_limited: RateLimitError,
  internal_error: InternalServerError,
  invalid_point_values: InvalidPointValuesError,
  object_type_mismatch: ObjectTypeMismatchError,
  plan_required: PlanRequiredError,
  insufficient_scope: PermissionDeniedError,
};

// Only for bodies that are not JSON errors: 422 has several codes, so it stays a plain APIError.
const byStatus: Record<number, ErrorClass> = {
  400: InvalidRequestError,
  401: AuthenticationError,
  402: InsufficientCreditsError,
  403: RestrictedUseError,
  404: NotFoundError,
  409: IdempotencyConflictError,
  429: RateLimitError,
};

function classFor(status: number, error: ErrorObject | null): ErrorClass {
  if (error) return byCode[error.code] ?? APIError;
  return byStatus[status] ?? (status >= 500 ? InternalServerError : APIError);
}

function errorObjectOf(raw: unknown): ErrorObject | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const error = (raw as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return null;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return typeof code === 'string' && typeof message === 'string' ? (error as ErrorObject) : null;
}

/** What the transport knows about the call when the API answers with an error. */
export interface ErrorContext {
  status: number;
  headers: Headers;
  /** The parsed body: JSON when the response said so, else its text, else undefined. */
  data: unknown;
  attempts: number;
  idempotencyKey: string | null;
  /** The client's `maxRetryAfter`, in seconds. */
  maxRetryAfter: number;
}

function hint(Class: ErrorClass, init: Omit<APIErrorInit, 'message'>, context: ErrorContext) {
  const retryAfter = init.rateLimit?.retryAfter;
  switch (Class) {
    case AuthenticationError:
      return 'Check the API key (the apiKey option or IIQ_API_KEY): live keys start with iiq_live_, test keys with iiq_test_; a revoked key stops working at once.';
    case InsufficientCreditsError: {
      const at = init.error?.resets_at;
      const when = at ? `Credits reset at ${at}.` : 'Credits reset with the next cycle.';
      return `${when} Test keys (iiq_test_...) never spend credits, and cached scores are free.`;
    }
    case RestrictedUseError:
      return 'The acceptable use policy refuses this input; retrying will not help.';
    case PermissionDeniedError:
      return 'This key can only read: use a key with the write scope (the apiKey option or IIQ_API_KEY) for calls that change anything.';
    case NotFoundError:
      return "Check the ID: objects belong to one workspace, and test-mode and live-mode objects don't see each other.";
    case IdempotencyConflictError:
      return 'Send a different request with a new Idempotency-Key (or let the SDK generate one).';
    case UnscorableDomainError:
      return 'This domain cannot be scored; retrying will not help.';
    case UnresolvablePersonError:
      return 'Use a work email or a LinkedIn profile URL that contains /in/.';
    case InvalidPointValuesError:
      return "Shape points by the attribute's answer_type (GET /scoring/attributes): true/false points for boolean, ranges for number, percentage and currency, choices for list.";
    case ObjectTypeMismatchError:
      return "A profile scores one object type: use the profile's object_type and its attributes.";
    case RateLimitError:
      if (retryAfter !== undefined && retryAfter > context.maxRetryAfter) {
        return `The API asked to wait ${retryAfter} s, longer than maxRetryAfter (${context.maxRetryAfter} s), so the SDK did not wait: retry after ${retryAfter} s, or use the bulk endpoint for batches.`;
      }
      return `Still rate limited after ${context.attempts} attempts: slow down${retryAfter === undefined ? '' : ` and retry after ${retryAfter} s`}.`;
    default:
      if (context.status >= 500) {
        return `Still failing after ${context.attempts} attempts; quote the request ID if it persists.`;
      }
      return '';
  }
}

/** Builds the error for an HTTP error response. Redaction is the caller's job. */
export function errorFromResponse(context: ErrorContext): APIError {
  const error = errorObjectOf(context.data);
  const Class = classFor(context.status, error);
  const headers = headersToObject(context.headers);
  const init: Omit<APIErrorInit, 'message'> = {
    status: context.status,
    error,
    headers,
    requestId: context.headers.get('x-request-id') ?? error?.request_id ?? null,
    rateLimit: parseRateLimit(context.headers),
    quota: parseQuota(context.headers),
    idempotencyKey: context.idempotencyKey,
    attempts: context.attempts,
    raw: context.data,
  };
  const what = error?.message ?? `The API answered HTTP ${context.status}.`;
  const next = hint(Class, init, context);
  const where = [`${context.status}${error ? ` ${error.code}` : ''}`];
  if (init.requestId) where.push(`request ${init.requestId}`);
  const message = `${what}${next ? ` ${next}` : ''} (${where.join(', ')})`;
  return new Class({ ...init, message });
}
