/**
 * API errors on the wire: each code's HTTP status and error type (`openapi.yaml`
 * `components/responses`), and the body `{"error": {type, code, message, request_id, ...}}`.
 */
import type { components } from '../../src/generated/openapi.ts';
import { isoSeconds } from '../kernel/clock.ts';
import type { ErrorCode, MockApiError } from '../kernel/errors.ts';

type ErrorType = components['schemas']['Error']['type'];

export const ERROR_STATUS: Readonly<Record<ErrorCode, { status: number; type: ErrorType }>> = {
  invalid_request: { status: 400, type: 'invalid_request_error' },
  unauthorized: { status: 401, type: 'authentication_error' },
  insufficient_credits: { status: 402, type: 'billing_error' },
  restricted_use: { status: 403, type: 'permission_error' },
  not_found: { status: 404, type: 'invalid_request_error' },
  idempotency_conflict: { status: 409, type: 'idempotency_error' },
  unscorable_domain: { status: 422, type: 'invalid_request_error' },
  unresolvable_person: { status: 422, type: 'invalid_request_error' },
  rate_limited: { status: 429, type: 'rate_limit_error' },
  internal_error: { status: 500, type: 'api_error' },
  invalid_point_values: { status: 422, type: 'invalid_request_error' },
  object_type_mismatch: { status: 422, type: 'invalid_request_error' },
  plan_required: { status: 403, type: 'permission_error' },
  insufficient_scope: { status: 403, type: 'permission_error' },
};

/** The code a status stands for when an error is injected by status alone. */
export function codeForStatus(status: number): ErrorCode {
  for (const [code, entry] of Object.entries(ERROR_STATUS)) {
    if (entry.status === status) return code as ErrorCode;
  }
  return status >= 500 ? 'internal_error' : 'invalid_request';
}

/** The status and body of an API error. `mode` is set for test keys. */
export function errorBody(
  error: MockApiError,
  requestId: string,
  mode: 'test' | undefined,
): { status: number; body: Record<string, unknown> } {
  const { status, type } = ERROR_STATUS[error.code];
  const { fields, resetsAt, domain } = error.details;
  // A 400 always names a field: `body` when the request as a whole was refused.
  const field = error.details.field ?? (error.code === 'invalid_request' ? 'body' : undefined);
  const body: Record<string, unknown> = {
    error: {
      type,
      code: error.code,
      message: error.message,
      request_id: requestId,
      ...(field === undefined ? {} : { field }),
      ...(fields === undefined ? {} : { fields }),
      ...(resetsAt === undefined ? {} : { resets_at: isoSeconds(resetsAt) }),
    },
  };
  if (error.code === 'unscorable_domain' && domain !== undefined) {
    body.domain = domain;
    body.score = null;
    body.band = null;
  }
  if (mode !== undefined) body.mode = mode;
  return { status, body };
}
