/**
 * Error responses become one error class per API code, each carrying status, code, type,
 * request ID, headers, rate limit, idempotency key, attempts and the parsed error body.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  APIError,
  AuthenticationError,
  IdempotencyConflictError,
  InsufficientCreditsError,
  IntentIQError,
  InternalServerError,
  InvalidPointValuesError,
  InvalidRequestError,
  NotFoundError,
  ObjectTypeMismatchError,
  PlanRequiredError,
  RateLimitError,
  RestrictedUseError,
  UnresolvablePersonError,
  UnscorableDomainError,
} from '../../src/index.ts';
import { apiError, clientWith, json, settle, warmUp } from './helpers.ts';

beforeAll(warmUp);

async function errorFor(response: Response, call: 'read' | 'write' = 'write') {
  const { iiq } = clientWith([response], { maxRetries: 0 });
  const promise: PromiseLike<unknown> =
    call === 'read'
      ? iiq.account.retrieve()
      : iiq.scores.create({ domain: 'stripe.com' }, { idempotencyKey: 'key-1' });
  return settle(promise);
}

describe('one class per error code', () => {
  it('InvalidRequestError carries field and fields', async () => {
    const fields = [
      { field: 'domain', message: 'must be a domain name' },
      { field: 'include[0]', message: 'must be one of signals.evidence, history, people' },
    ];
    const error = await errorFor(apiError(400, 'invalid_request', { field: 'domain', fields }));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toBeInstanceOf(IntentIQError);
    expect(error).toMatchObject({
      name: 'InvalidRequestError',
      status: 400,
      code: 'invalid_request',
      type: 'invalid_request_error',
      requestId: 'req_01HZ9X3F7QMHN4V',
      idempotencyKey: 'key-1',
      attempts: 1,
      field: 'domain',
      fields,
      body: {
        type: 'invalid_request_error',
        code: 'invalid_request',
        message: 'A invalid_request message from the API.',
        request_id: 'req_01HZ9X3F7QMHN4V',
        field: 'domain',
        fields,
      },
    });
  });

  it('every API error carries the response headers and the parsed rate limit', async () => {
    const error = await errorFor(apiError(404, 'not_found'), 'read');
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      status: 404,
      idempotencyKey: null,
      headers: {
        'content-type': 'application/json',
        'x-request-id': 'req_01HZ9X3F7QMHN4V',
        'x-ratelimit-limit': '300',
        'x-ratelimit-remaining': '299',
        'x-ratelimit-reset': '1780063391',
        'ratelimit-limit': '300',
        'ratelimit-remaining': '299',
        'ratelimit-reset': '60',
      },
      rateLimit: {
        limit: 300,
        remaining: 299,
        reset: new Date(1_780_063_391_000),
        resetSeconds: 60,
      },
    });
    expect((error as Error).message).toBe(
      "A not_found message from the API. Check the ID: objects belong to one workspace, and test-mode and live-mode objects don't see each other. (404 not_found, request req_01HZ9X3F7QMHN4V)",
    );
  });

  it('AuthenticationError says how to fix the key', async () => {
    const error = await errorFor(apiError(401, 'unauthorized'), 'read');
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({
      status: 401,
      code: 'unauthorized',
      type: 'authentication_error',
    });
    expect((error as Error).message).toBe(
      'A unauthorized message from the API. Check the API key (the apiKey option or IIQ_API_KEY): live keys start with iiq_live_, test keys with iiq_test_; a revoked key stops working at once. (401 unauthorized, request req_01HZ9X3F7QMHN4V)',
    );
  });

  it('InsufficientCreditsError carries resetsAt as a Date and says when credits reset', async () => {
    const error = await errorFor(
      apiError(402, 'insufficient_credits', { resets_at: '2026-06-01T00:00:00Z' }),
    );
    expect(error).toBeInstanceOf(InsufficientCreditsError);
    expect(error).toMatchObject({
      status: 402,
      type: 'billing_error',
      resetsAt: new Date('2026-06-01T00:00:00Z'),
    });
    expect((error as Error).message).toContain('Credits reset at 2026-06-01T00:00:00Z.');
  });

  it('RestrictedUseError for 403 restricted_use', async () => {
    const error = await errorFor(apiError(403, 'restricted_use'));
    expect(error).toBeInstanceOf(RestrictedUseError);
    expect(error).toMatchObject({ status: 403, type: 'permission_error' });
  });

  it('PlanRequiredError for 403 plan_required, distinct from RestrictedUseError', async () => {
    const error = await errorFor(apiError(403, 'plan_required'), 'read');
    expect(error).toBeInstanceOf(PlanRequiredError);
    expect(error).not.toBeInstanceOf(RestrictedUseError);
    expect(error).toMatchObject({
      name: 'PlanRequiredError',
      status: 403,
      code: 'plan_required',
      type: 'permission_error',
    });
    expect((error as Error).message).toBe(
      'A plan_required message from the API. (403 plan_required, request req_01HZ9X3F7QMHN4V)',
    );
  });

  it('IdempotencyConflictError for 409 idempotency_conflict', async () => {
    const error = await errorFor(apiError(409, 'idempotency_conflict'));
    expect(error).toBeInstanceOf(IdempotencyConflictError);
    expect(error).toMatchObject({
      status: 409,
      type: 'idempotency_error',
      idempotencyKey: 'key-1',
    });
  });

  it('UnscorableDomainError carries the domain from the body', async () => {
    const response = apiError(
      422,
      'unscorable_domain',
      {},
      {},
      {
        domain: 'parked-domain.example',
        score: null,
        band: null,
      },
    );
    const error = await errorFor(response);
    expect(error).toBeInstanceOf(UnscorableDomainError);
    expect(error).toMatchObject({
      status: 422,
      code: 'unscorable_domain',
      domain: 'parked-domain.example',
    });
  });

  it('UnresolvablePersonError carries the field that could not be resolved', async () => {
    const error = await errorFor(apiError(422, 'unresolvable_person', { field: 'email' }));
    expect(error).toBeInstanceOf(UnresolvablePersonError);
    expect(error).toMatchObject({ status: 422, code: 'unresolvable_person', field: 'email' });
  });

  it('InvalidPointValuesError carries the field and says how to shape points', async () => {
    const error = await errorFor(apiError(422, 'invalid_point_values', { field: 'points' }));
    expect(error).toBeInstanceOf(InvalidPointValuesError);
    expect(error).toMatchObject({ status: 422, code: 'invalid_point_values', field: 'points' });
    expect((error as Error).message).toBe(
      "A invalid_point_values message from the API. Shape points by the attribute's answer_type (GET /scoring/attributes): true/false points for boolean, ranges for number, percentage and currency, choices for list. (422 invalid_point_values, request req_01HZ9X3F7QMHN4V)",
    );
  });

  it('ObjectTypeMismatchError carries the field of the other object type', async () => {
    const error = await errorFor(apiError(422, 'object_type_mismatch', { field: 'object_type' }));
    expect(error).toBeInstanceOf(ObjectTypeMismatchError);
    expect(error).toMatchObject({
      status: 422,
      code: 'object_type_mismatch',
      field: 'object_type',
    });
  });

  it('RateLimitError carries retryAfter in seconds', async () => {
    const error = await errorFor(apiError(429, 'rate_limited', {}, { 'retry-after': '12' }));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({
      status: 429,
      type: 'rate_limit_error',
      retryAfter: 12,
      rateLimit: { retryAfter: 12 },
    });
  });

  it('InternalServerError for 500 internal_error', async () => {
    const error = await errorFor(apiError(500, 'internal_error'), 'read');
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 500, type: 'api_error' });
  });
});

describe('responses that are not one of the documented errors', () => {
  it('maps an unknown code to a plain APIError with every field', async () => {
    const error = await errorFor(apiError(418, 'quota_frozen', { type: 'future_error' }), 'read');
    expect(error?.constructor).toBe(APIError);
    expect(error).toMatchObject({
      name: 'APIError',
      status: 418,
      code: 'quota_frozen',
      type: 'future_error',
      requestId: 'req_01HZ9X3F7QMHN4V',
      attempts: 1,
    });
  });

  it('maps a known status with an unknown code by code, not by status', async () => {
    const error = await errorFor(apiError(404, 'workspace_archived'), 'read');
    expect(error?.constructor).toBe(APIError);
  });

  it('maps a non-JSON error body by status', async () => {
    const html = new Response('<html>Bad gateway</html>', {
      status: 404,
      headers: { 'content-type': 'text/html', 'x-request-id': 'req_FROMPROXY' },
    });
    const error = await errorFor(html, 'read');
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      status: 404,
      code: null,
      type: null,
      body: null,
      requestId: 'req_FROMPROXY',
      rateLimit: null,
    });
    expect((error as Error).message).toContain('The API answered HTTP 404.');
  });

  it('maps an empty 5xx to InternalServerError', async () => {
    const error = await errorFor(new Response(null, { status: 502 }), 'read');
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 502, code: null });
  });

  it('keeps a non-JSON 422 a plain APIError: its code cannot be guessed from the status', async () => {
    const error = await errorFor(new Response('nope', { status: 422 }));
    expect(error?.constructor).toBe(APIError);
  });

  it('throws APIError when a successful response is not JSON', async () => {
    const error = await errorFor(
      new Response('<html>captive portal</html>', { status: 200 }),
      'read',
    );
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({ status: 200, attempts: 1 });
    expect((error as Error).message).toBe(
      'The API answered 200 to GET /account with a body that is not JSON. Check the baseUrl option.',
    );
  });

  it('turns a JSON body of the wrong shape into an error mapped by status', async () => {
    const error = await errorFor(json(409, { message: 'conflict' }));
    expect(error).toBeInstanceOf(IdempotencyConflictError);
    expect(error).toMatchObject({ code: null, body: null });
  });
});

describe('toJSON', () => {
  it('gives a plain object of the fields, without stack', async () => {
    const error = (await errorFor(apiError(404, 'not_found'), 'read')) as NotFoundError;
    const json = error.toJSON();
    expect(json).toMatchObject({
      name: 'NotFoundError',
      message: error.message,
      status: 404,
      code: 'not_found',
      requestId: 'req_01HZ9X3F7QMHN4V',
    });
    expect(json).not.toHaveProperty('stack');
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ name: 'NotFoundError', status: 404 });
  });
});
