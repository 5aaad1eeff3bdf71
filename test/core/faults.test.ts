/**
 * Real faults from a real server: every kind of failure a flaky network or proxy produces, on the
 * first attempt, the second and the fifth (after 503s), is retried while the budget lasts, and
 * ends with the right error class, `attempts` and `idempotencyKey` when it is the last attempt.
 * Every attempt of the write carries the same Idempotency-Key.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APITimeoutError,
  IntentIQ,
  InternalServerError,
} from '../../src/index.ts';
import { type Fault, type FaultServer, startFaultServer } from './fault-server.ts';
import { SCORE, TEST_KEY } from './helpers.ts';

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Stalls last this long before the attempt is abandoned. */
const TIMEOUT = 200;

function clientFor(baseUrl: string, maxRetries: number): IntentIQ {
  return new IntentIQ({
    apiKey: TEST_KEY,
    baseUrl,
    maxRetries,
    timeout: TIMEOUT,
    retryJitter: () => 0, // retry at once: the schedule is tested with fake timers elsewhere
    logLevel: 'off',
  });
}

/** 503 on every attempt before `attempt`, then `fault`, then `after`. */
function script(fault: Fault, attempt: number, after: Fault[] = []): Fault[] {
  return [...Array.from({ length: attempt - 1 }, () => '503' as const), fault, ...after];
}

const faults = [
  ['a body cut off after the headers', 'cut-body', APIConnectionError, /was cut off mid-body/],
  ['a body that stalls after the headers', 'stall-body', APITimeoutError, /reading the response/],
  ['a connection reset before the headers', 'reset', APIConnectionError, /Could not reach/],
  ['a server that never answers', 'stall', APITimeoutError, /timed out after 200 ms/],
] as const;

describe.each(faults)('%s', (_, fault, ErrorClass, message) => {
  it.each([1, 2, 5])('on attempt %i is retried, and the next attempt succeeds', async (at) => {
    server = await startFaultServer(script(fault, at, ['ok']));
    const iiq = clientFor(server.baseUrl, at);
    const { data, response } = await iiq.scores.create({ domain: 'stripe.com' }).withResponse();
    expect(data).toEqual(SCORE);
    expect(response.status).toBe(200);
    expect(server.received).toHaveLength(at + 1);
    const keys = server.received.map((headers) => headers['idempotency-key']);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([1, 2, 5])('on attempt %i, the last, ends the call with its error', async (at) => {
    server = await startFaultServer(script(fault, at));
    const iiq = clientFor(server.baseUrl, at - 1);
    const error = await iiq.scores
      .create({ domain: 'stripe.com' }, { idempotencyKey: `order-${fault}-${at}` })
      .then(
        () => undefined,
        (reason: unknown) => reason,
      );
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ attempts: at, idempotencyKey: `order-${fault}-${at}` });
    expect((error as Error).message).toMatch(message);
    expect(server.received.map((headers) => headers['idempotency-key'])).toEqual(
      Array.from({ length: at }, () => `order-${fault}-${at}`),
    );
  });
});

describe('a 503 that stays', () => {
  it('ends as InternalServerError with attempts and idempotencyKey after the budget', async () => {
    server = await startFaultServer(['503']);
    const iiq = clientFor(server.baseUrl, 2);
    const error = await iiq.scores.create({ domain: 'stripe.com' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 503, attempts: 3, requestId: 'req_503' });
    const key = (error as InternalServerError).idempotencyKey;
    expect(server.received.map((headers) => headers['idempotency-key'])).toEqual([key, key, key]);
  });
});

describe('the mixed case from the field', () => {
  it('a timeout after a 503 says it was the last attempt that timed out', async () => {
    server = await startFaultServer(['503', 'stall-body']);
    const iiq = clientFor(server.baseUrl, 1);
    const error = await iiq.account.retrieve().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APITimeoutError);
    expect((error as Error).message).toBe(
      'GET /account timed out after 200 ms while reading the response body, on the last of 2 attempts. Raise the timeout option, or check your network.',
    );
    expect(error).toMatchObject({ attempts: 2, idempotencyKey: null });
  });
});
