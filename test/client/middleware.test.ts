/**
 * `new IntentIQ({ middleware })`: each middleware wraps every attempt, inside the retry loop, in
 * the order given; it sees the final request (with the key's prefix only) and the response or
 * the error, and can change either.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  ConfigurationError,
  IntentIQ,
  IntentIQError,
  type Middleware,
  type MiddlewareRequest,
} from '../../src/index.ts';
import { type FaultServer, startFaultServer } from '../core/fault-server.ts';
import { apiError, clientWith, connectionRefused, ok, SCORE, TEST_KEY } from '../core/helpers.ts';

const noJitter = { retryJitter: () => 0 };

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('middleware', () => {
  it('runs once per attempt, with the attempt number, operation and idempotency key', async () => {
    const seen: Pick<MiddlewareRequest, 'attempt' | 'operation' | 'idempotencyKey' | 'method'>[] =
      [];
    const middleware: Middleware = async (request, next) => {
      const { attempt, operation, idempotencyKey, method } = request;
      seen.push({ attempt, operation, idempotencyKey, method });
      return next(request);
    };
    const { iiq, sent } = clientWith([apiError(503, 'internal_error'), ok()], {
      middleware: [middleware],
      ...noJitter,
    });
    await iiq.scores.create({ domain: 'stripe.com' }, { idempotencyKey: 'order-42' });
    expect(sent).toHaveLength(2);
    expect(seen).toEqual([
      { attempt: 1, operation: 'scores.create', idempotencyKey: 'order-42', method: 'POST' },
      { attempt: 2, operation: 'scores.create', idempotencyKey: 'order-42', method: 'POST' },
    ]);
  });

  it('adds a header to every attempt', async () => {
    const { iiq, sent } = clientWith([apiError(500, 'internal_error'), ok()], {
      middleware: [
        (request, next) => {
          request.headers.set('x-attempt', String(request.attempt));
          return next(request);
        },
      ],
      ...noJitter,
    });
    await iiq.account.retrieve();
    expect(sent.map((request) => request.headers['x-attempt'])).toEqual(['1', '2']);
  });

  it('sees the final request with the key redacted; the real key is what is sent', async () => {
    let seen: Record<string, string> = {};
    let body: string | FormData | undefined;
    const { iiq, sent } = clientWith([ok()], {
      headers: { 'X-Team': 'growth' },
      middleware: [
        (request, next) => {
          seen = Object.fromEntries(request.headers);
          body = request.body;
          request.headers.set('authorization', 'Bearer something-else');
          return next(request);
        },
      ],
    });
    await iiq.scores.create({ domain: 'https://www.stripe.com/atlas' }, { idempotencyKey: 'k-1' });
    expect(seen).toMatchObject({
      authorization: 'Bearer iiq_test_***',
      'content-type': 'application/json',
      'idempotency-key': 'k-1',
      'x-team': 'growth',
    });
    expect(JSON.stringify(seen)).not.toContain(TEST_KEY);
    expect(body).toBe('{"domain":"stripe.com"}');
    expect(sent[0]?.headers.authorization).toBe(`Bearer ${TEST_KEY}`);
  });

  it('runs in the order given: the first sees the request first and the response last', async () => {
    const order: string[] = [];
    const named =
      (name: string): Middleware =>
      async (request, next) => {
        order.push(`${name} request`);
        const response = await next(request);
        order.push(`${name} response ${response.status}`);
        return response;
      };
    const { iiq } = clientWith([ok()], { middleware: [named('outer'), named('inner')] });
    await iiq.account.retrieve();
    expect(order).toEqual([
      'outer request',
      'inner request',
      'inner response 200',
      'outer response 200',
    ]);
  });

  it('sees the error of an attempt that failed, which is then retried', async () => {
    const outcomes: string[] = [];
    const { iiq } = clientWith([connectionRefused(), ok()], {
      middleware: [
        async (request, next) => {
          try {
            const response = await next(request);
            outcomes.push(`HTTP ${response.status}`);
            return response;
          } catch (error) {
            outcomes.push((error as Error).message);
            throw error;
          }
        },
      ],
      ...noJitter,
    });
    await iiq.account.retrieve();
    expect(outcomes).toEqual(['fetch failed', 'HTTP 200']);
  });

  it('sees a body cut off mid-read as an error of next, and the call retries it', async () => {
    server = await startFaultServer(['cut-body', 'ok']);
    const outcomes: string[] = [];
    const iiq = new IntentIQ({
      apiKey: TEST_KEY,
      baseUrl: server.baseUrl,
      logLevel: 'off',
      ...noJitter,
      middleware: [
        async (request, next) => {
          try {
            const response = await next(request);
            outcomes.push(`attempt ${request.attempt}: ${response.status}`);
            return response;
          } catch (error) {
            outcomes.push(`attempt ${request.attempt}: failed`);
            throw error;
          }
        },
      ],
    });
    expect(await iiq.scores.retrieve('scr_01HZ9X3F7QMHN4T')).toEqual(SCORE);
    expect(outcomes).toEqual(['attempt 1: failed', 'attempt 2: 200']);
  });

  it('ends the call with its own error, as it is, without a retry', async () => {
    class Refused extends Error {}
    const { iiq, sent } = clientWith([ok(), ok()], {
      middleware: [
        () => {
          throw new Refused('circuit open');
        },
      ],
    });
    const error = await iiq.account.retrieve().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Refused);
    expect(sent).toHaveLength(0);
  });

  it('can answer without sending, with a response of its own', async () => {
    const { iiq, sent } = clientWith([], {
      middleware: [async () => Response.json(SCORE, { headers: { 'x-request-id': 'req_cache' } })],
    });
    const { data, requestId } = await iiq.scores.retrieve('scr_01HZ9X3F7QMHN4T').withResponse();
    expect(data).toEqual(SCORE);
    expect(requestId).toBe('req_cache');
    expect(sent).toHaveLength(0);
  });

  it('refuses a middleware that read the body of the response it returns', async () => {
    const { iiq } = clientWith([ok()], {
      middleware: [
        async (request, next) => {
          const response = await next(request);
          await response.text();
          return response;
        },
      ],
    });
    const error = await iiq.account.retrieve().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntentIQError);
    expect((error as Error).message).toMatch(/read response\.clone\(\) instead/);
  });

  it('must be an array of functions', () => {
    expect(() => new IntentIQ({ apiKey: TEST_KEY, middleware: ['x' as never] })).toThrow(
      ConfigurationError,
    );
  });
});
