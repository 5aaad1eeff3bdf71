/**
 * The API key never shows: not in any error's message, `String(err)`, `err.stack`, `toJSON()`,
 * `JSON.stringify(err)` or `util.inspect(err)`, not in the client object, not in logs; even when a
 * proxy or a custom fetch echoes it back.
 */
import { inspect } from 'node:util';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  APIConnectionError,
  APITimeoutError,
  APIUserAbortError,
  BulkJobTimeoutError,
  ConfigurationError,
  IntentIQ,
  IntentIQError,
  ValidationError,
} from '../../src/index.ts';
import { apiError, clientWith, hang, json, ok, settle, TEST_KEY, warmUp } from './helpers.ts';

beforeAll(warmUp);
afterEach(() => {
  vi.useRealTimers();
});

const SECRET = TEST_KEY.slice('iiq_test_'.length);

/** Every way an error is commonly printed or serialised. */
function renderings(error: unknown): string[] {
  const err = error as Error & { toJSON?: () => unknown };
  return [
    err.message,
    String(err),
    err.stack ?? '',
    JSON.stringify(err),
    JSON.stringify(err.toJSON?.()),
    inspect(err, { depth: 10 }),
    inspect(err, { depth: 10, showHidden: true }),
  ];
}

function expectNoKey(error: unknown, secret = SECRET): void {
  expect(error).toBeInstanceOf(IntentIQError);
  for (const text of renderings(error)) expect(text).not.toContain(secret);
}

/** A server (or proxy) that echoes the key everywhere it can. */
function echoingKey(status: number, code: string) {
  return apiError(
    status,
    code,
    { message: `Rejected Authorization: Bearer ${TEST_KEY}`, field: TEST_KEY },
    { 'x-debug-auth': `Bearer ${TEST_KEY}` },
    { echoed: { nested: [TEST_KEY] } },
  );
}

describe('API errors', () => {
  const cases = [
    [400, 'invalid_request'],
    [401, 'unauthorized'],
    [402, 'insufficient_credits'],
    [403, 'restricted_use'],
    [404, 'not_found'],
    [409, 'idempotency_conflict'],
    [422, 'unscorable_domain'],
    [422, 'unresolvable_person'],
    [422, 'invalid_point_values'],
    [422, 'object_type_mismatch'],
    [429, 'rate_limited'],
    [500, 'internal_error'],
    [418, 'some_future_code'],
  ] as const;

  for (const [status, code] of cases) {
    it(`keeps the key out of a ${status} ${code} error, even when the response echoes it`, async () => {
      const { iiq } = clientWith([echoingKey(status, code)], { maxRetries: 0 });
      const error = await settle(iiq.scores.create({ domain: 'stripe.com' }));
      expectNoKey(error);
      expect((error as Error).message).toContain('Bearer iiq_test_***');
    });
  }
});

describe('errors without a response', () => {
  it('keeps the key out of APIConnectionError and its cause', async () => {
    const leaky = new TypeError('fetch failed', {
      cause: new Error(`proxy refused Authorization: Bearer ${TEST_KEY}`),
    });
    const { iiq } = clientWith([leaky], { maxRetries: 0 });
    const error = await settle(iiq.account.retrieve());
    expect(error).toBeInstanceOf(APIConnectionError);
    expectNoKey(error);
    expectNoKey(error, `Bearer ${TEST_KEY}`);
  });

  it('keeps the key out of an error a custom fetch throws', async () => {
    const { iiq } = clientWith([new Error(`boom ${TEST_KEY}`)], { maxRetries: 0 });
    const error = await settle(iiq.account.retrieve());
    expect(error).toBeInstanceOf(APIConnectionError);
    expectNoKey(error);
  });

  it('keeps the key out of APITimeoutError', async () => {
    vi.useFakeTimers();
    const { iiq } = clientWith([hang], { maxRetries: 0, timeout: 10 });
    const result = settle(iiq.account.retrieve());
    await vi.runAllTimersAsync();
    const error = await result;
    expect(error).toBeInstanceOf(APITimeoutError);
    expectNoKey(error);
  });

  it('keeps the key out of APIUserAbortError', async () => {
    const { iiq } = clientWith([hang]);
    const error = await settle(iiq.account.retrieve({ signal: AbortSignal.abort(TEST_KEY) }));
    expect(error).toBeInstanceOf(APIUserAbortError);
    expectNoKey(error);
  });

  it('keeps the key out of ValidationError', async () => {
    const { iiq } = clientWith([ok()]);
    const error = await settle(iiq.scores.create({ domain: 'localhost' }));
    expect(error).toBeInstanceOf(ValidationError);
    expectNoKey(error);
  });

  it('keeps the key out of BulkJobTimeoutError', async () => {
    const job = {
      id: 'job_01HZ9X4B2W8K7R1',
      status: 'running',
      deferred: false,
      tag: null,
      webhook_url: null,
      domains_submitted: 1,
      progress: { total: 1, processed: 0, scored: 0, unscorable: 0 },
      credits_charged: 0,
      unscorable: [],
      created_at: '2026-05-28T14:00:00Z',
      started_at: '2026-05-28T14:00:01Z',
      completed_at: null,
    };
    const { iiq } = clientWith([json(200, job)]);
    const error = await settle(iiq.bulk.wait(job.id, { timeout: 0 }));
    expect(error).toBeInstanceOf(BulkJobTimeoutError);
    expectNoKey(error);
  });
});

describe('configuration errors', () => {
  const malformed = [
    ['a key of another vendor', 'sk_live_51HxQsecretvaluesecretvaluesecret'],
    ['a truncated key', 'iiq_test_truncatedSECRET'],
    ['a key with a space', 'iiq_live_has space secretvaluesecretvaluesecret'],
  ] as const;

  for (const [what, key] of malformed) {
    it(`does not echo ${what}`, () => {
      const error = settleSync(() => new IntentIQ({ apiKey: key }));
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(error).toMatchObject({ option: 'apiKey' });
      expectNoKey(error, key.slice(9));
      expectNoKey(error, 'secretvalue');
      expectNoKey(error, 'SECRET');
    });
  }
});

describe('the client and its logs', () => {
  it('keeps the key out of util.inspect and JSON.stringify of the client', () => {
    const iiq = new IntentIQ({ apiKey: TEST_KEY, logLevel: 'off' });
    expect(inspect(iiq, { depth: 10, showHidden: true })).not.toContain(SECRET);
    expect(JSON.stringify(iiq)).not.toContain(SECRET);
  });

  it('never logs the key, at debug level, even from a failing fetch that echoes it', async () => {
    const lines: string[] = [];
    const record = (message: string, ...rest: unknown[]) => {
      lines.push([message, ...rest.map((item) => inspect(item))].join(' '));
    };
    const logger = { error: record, warn: record, info: record, debug: record };
    const leaky = new TypeError('fetch failed', { cause: new Error(`echo ${TEST_KEY}`) });
    const { iiq } = clientWith([leaky, echoingKey(500, 'internal_error'), ok()], {
      logger,
      logLevel: 'debug',
      retryJitter: () => 0,
    });
    await iiq.scores.create({ domain: 'stripe.com' });
    expect(lines.length).toBeGreaterThanOrEqual(5);
    for (const line of lines) expect(line).not.toContain(SECRET);
  });
});

function settleSync(make: () => unknown): unknown {
  try {
    return make();
  } catch (error) {
    return error;
  }
}
