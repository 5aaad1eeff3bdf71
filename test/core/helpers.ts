/**
 * A scripted `fetch` for transport tests: it answers each attempt with the next step of a script
 * and records what was sent, with the (fake) time it was sent at.
 */
import { type ClientOptions, IntentIQ } from '../../src/index.ts';
import { REFERENCE_SCORE } from '../support/reference-score.ts';

/** Obviously fake, and distinctive enough that a leak is easy to spot. */
export const TEST_KEY = 'iiq_test_FAKEKEYfakekeyFAKEKEYfakekey0123456789';
export const LIVE_KEY = 'iiq_live_FAKEKEYfakekeyFAKEKEYfakekey0123456789';

export interface SentRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
  /** `Date.now()` when the attempt was sent (fake timers make this exact). */
  at: number;
}

/** One step: a response, a thrown error, or a function of the request (e.g. one that hangs). */
export type Step =
  | Response
  | Error
  | ((init: RequestInit, sent: SentRequest) => Response | Promise<Response>);

export const rateLimitHeaders = {
  'x-request-id': 'req_01HZ9X3F7QMHN4V',
  'x-ratelimit-limit': '300',
  'x-ratelimit-remaining': '299',
  'x-ratelimit-reset': '1780063391',
  'ratelimit-limit': '300',
  'ratelimit-remaining': '299',
  'ratelimit-reset': '60',
};

export function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...rateLimitHeaders, ...headers },
  });
}

const typeOf: Record<string, string> = {
  invalid_request: 'invalid_request_error',
  not_found: 'invalid_request_error',
  unscorable_domain: 'invalid_request_error',
  unresolvable_person: 'invalid_request_error',
  invalid_point_values: 'invalid_request_error',
  object_type_mismatch: 'invalid_request_error',
  unauthorized: 'authentication_error',
  insufficient_credits: 'billing_error',
  restricted_use: 'permission_error',
  plan_required: 'permission_error',
  idempotency_conflict: 'idempotency_error',
  rate_limited: 'rate_limit_error',
  internal_error: 'api_error',
};

/** An API error response as `openapi.yaml` describes it. */
export function apiError(
  status: number,
  code: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
  topLevel: Record<string, unknown> = {},
) {
  const error = {
    type: typeOf[code] ?? 'api_error',
    code,
    message: `A ${code} message from the API.`,
    request_id: 'req_01HZ9X3F7QMHN4V',
    ...extra,
  };
  return json(status, { error, ...topLevel }, headers);
}

export const SCORE = { ...REFERENCE_SCORE, mode: 'test' as const };

export const ok = () => json(200, SCORE, { 'x-iiq-cache': 'miss' });

/** Rejects like undici does when the connection is refused. */
export function connectionRefused(): Error {
  const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4010'), {
    code: 'ECONNREFUSED',
  });
  return new TypeError('fetch failed', { cause });
}

/** A fetch that never answers until its signal aborts (then rejects like fetch does). */
export function hang(init: RequestInit): Promise<Response> {
  return new Promise((_, reject) => {
    init.signal?.addEventListener('abort', () => reject(init.signal?.reason), { once: true });
  });
}

export function scriptedFetch(steps: Step[]) {
  const sent: SentRequest[] = [];
  const fetch = async (input: string | URL | Request, init: RequestInit = {}) => {
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => {
      headers[name] = value;
    });
    const request: SentRequest = {
      url: String(input),
      method: init.method ?? 'GET',
      headers,
      body: typeof init.body === 'string' ? init.body : undefined,
      at: Date.now(),
    };
    sent.push(request);
    const step = steps[sent.length - 1];
    if (step === undefined) throw new Error(`no step scripted for attempt ${sent.length}`);
    if (step instanceof Error) throw step;
    if (typeof step === 'function') return step(init, request);
    return step;
  };
  return { fetch, sent };
}

/** A client on a scripted fetch, with jitter off so that delays are exact. */
export function clientWith(steps: Step[], options: ClientOptions = {}) {
  const { fetch, sent } = scriptedFetch(steps);
  const iiq = new IntentIQ({
    apiKey: TEST_KEY,
    fetch,
    retryJitter: false,
    logLevel: 'off',
    ...options,
  });
  return { iiq, sent };
}

/** Milliseconds between consecutive attempts. */
export function gaps(sent: SentRequest[]): number[] {
  return sent.slice(1).map((request, index) => request.at - (sent[index]?.at ?? 0));
}

/** Settles a promise into its value or error, so that a rejection is never left unhandled. */
export function settle<T>(promise: PromiseLike<T>): Promise<T | unknown> {
  return Promise.resolve(promise).then(
    (value) => value,
    (error: unknown) => error,
  );
}

/**
 * Loads the Public Suffix List (imported lazily on first use) with real timers, so that tests
 * under fake timers never wait on a module load that the fake clock cannot advance.
 */
export async function warmUp(): Promise<void> {
  const { iiq } = clientWith([apiError(400, 'invalid_request')]);
  await settle(iiq.scores.create({ domain: 'stripe.com' }));
}
