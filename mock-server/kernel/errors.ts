/**
 * The one error the engine throws: an API error code with a message that says what to do next.
 * The engine knows nothing of HTTP; the route pipeline turns the code into a status and a body.
 */
import type { components } from '../../src/generated/openapi.ts';

export type ErrorCode = components['schemas']['ErrorCode'];
export type FieldError = components['schemas']['FieldError'];

/** The extra fields of an API error. */
export interface MockApiErrorDetails {
  /** The offending field (400, some 422). */
  field?: string;
  /** Every offending field, when several are wrong. */
  fields?: FieldError[];
  /** When the next credit cycle begins (402), unix ms. */
  resetsAt?: number;
  /** Seconds to wait (429). */
  retryAfter?: number;
  /** The apex domain (422 `unscorable_domain`). */
  domain?: string;
}

/** An API error, thrown by the engine and rendered by the pipeline. */
export class MockApiError extends Error {
  readonly code: ErrorCode;
  readonly details: MockApiErrorDetails;

  constructor(code: ErrorCode, message: string, details: MockApiErrorDetails = {}) {
    super(message);
    this.name = 'MockApiError';
    this.code = code;
    this.details = details;
  }
}

/** A 400 `invalid_request` on a field. */
export function invalidRequest(field: string | undefined, message: string): MockApiError {
  return new MockApiError('invalid_request', message, field === undefined ? {} : { field });
}

/** A 404 that names the ID only when it looks like one (never echo what might be a credential). */
export function notFound(kind: string, id: string): MockApiError {
  const shown = /^[a-z]{1,4}_[0-9A-Za-z]{1,40}$/.test(id) ? `ID ${id}` : 'that ID';
  return new MockApiError('not_found', `No ${kind} with ${shown} exists in this workspace.`);
}

/**
 * A misuse of a test control (a bad option, an unknown workspace): a `TypeError`, with a message
 * written for the user. Over HTTP, `/__mock/` answers it `400` with that message; any other error
 * a control throws is the mock's own fault and answers `500` with a generic message, never the
 * JavaScript engine's.
 */
export class ControlError extends TypeError {
  override readonly name = 'TypeError';
}

/** A value outside what a control takes (a duration past 100 years, a date past 9999). */
export class ControlRangeError extends RangeError {
  override readonly name = 'RangeError';
}
