/**
 * `new IntentIQ(options)`: options and environment variables, the headers every request carries,
 * and logging.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigurationError, IntentIQ, VERSION } from '../../src/index.ts';
import { apiError, clientWith, LIVE_KEY, ok, scriptedFetch, TEST_KEY } from '../core/helpers.ts';

afterEach(() => {
  vi.unstubAllEnvs();
});

function constructionError(make: () => unknown): ConfigurationError {
  try {
    make();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return error as ConfigurationError;
  }
  throw new Error('the constructor did not throw');
}

describe('the API key', () => {
  it('is required, with a message that says where it comes from', () => {
    vi.stubEnv('IIQ_API_KEY', '');
    const error = constructionError(() => new IntentIQ());
    expect(error).toMatchObject({
      option: 'apiKey',
      message:
        'No API key: pass new IntentIQ({ apiKey }) or set IIQ_API_KEY. Create one in Settings > Developers; test keys (iiq_test_...) never spend credits.',
    });
  });

  it('is read from IIQ_API_KEY by default, trimmed', async () => {
    vi.stubEnv('IIQ_API_KEY', `  ${TEST_KEY}\n`);
    const { fetch, sent } = scriptedFetch([ok()]);
    const iiq = new IntentIQ({ fetch });
    await iiq.scores.retrieve('scr_01HZ9X3F7QMHN4T');
    expect(sent[0]?.headers.authorization).toBe(`Bearer ${TEST_KEY}`);
  });

  it('must start with iiq_live_ or iiq_test_', () => {
    const error = constructionError(
      () => new IntentIQ({ apiKey: 'sk_live_0123456789abcdef0123456789abcdef' }),
    );
    expect(error.message).toBe(
      'The API key does not start with iiq_live_ or iiq_test_. Copy the whole key from Settings > Developers.',
    );
  });

  it('must have at least 32 characters after the prefix', () => {
    const error = constructionError(() => new IntentIQ({ apiKey: 'iiq_test_tooshort' }));
    expect(error.message).toBe(
      'The API key (iiq_test_...) is too short: keys have at least 32 characters after the prefix. Check that it was not truncated.',
    );
  });

  it('gives the mode', () => {
    expect(new IntentIQ({ apiKey: TEST_KEY }).mode).toBe('test');
    expect(new IntentIQ({ apiKey: LIVE_KEY }).mode).toBe('live');
  });
});

describe('the base URL', () => {
  it('defaults to the API, then IIQ_BASE_URL, then the option', () => {
    expect(new IntentIQ({ apiKey: TEST_KEY }).baseUrl).toBe('https://api.intentiq.dev/v1');
    vi.stubEnv('IIQ_BASE_URL', 'http://127.0.0.1:4010/v1/');
    expect(new IntentIQ({ apiKey: TEST_KEY }).baseUrl).toBe('http://127.0.0.1:4010/v1');
    expect(new IntentIQ({ apiKey: TEST_KEY, baseUrl: 'https://eu.example.test/v1' }).baseUrl).toBe(
      'https://eu.example.test/v1',
    );
  });

  it('must be an http(s) URL', () => {
    for (const baseUrl of [
      'api.intentiq.dev',
      'ftp://api.intentiq.dev/v1',
      'https://x.test/v1?debug=1',
    ]) {
      expect(constructionError(() => new IntentIQ({ apiKey: TEST_KEY, baseUrl }))).toMatchObject({
        option: 'baseUrl',
      });
    }
  });

  it('must hold no user name or password, which it never repeats', () => {
    for (const baseUrl of ['https://user:hunter2@x.test/v1', 'https://hunter2@x.test/v1']) {
      const error = constructionError(() => new IntentIQ({ apiKey: TEST_KEY, baseUrl }));
      expect(error).toMatchObject({
        option: 'baseUrl',
        message:
          'baseUrl must not contain a user name or password (user:pass@): the API authenticates with the API key alone.',
      });
      expect(String(error)).not.toContain('hunter2');
    }
  });

  it('warns when the key would travel over plain http to another machine', () => {
    const warn = vi.fn();
    const logger = { error: vi.fn(), warn, info: vi.fn(), debug: vi.fn() };
    new IntentIQ({ apiKey: TEST_KEY, baseUrl: 'http://api.example.test/v1', logger });
    new IntentIQ({ apiKey: TEST_KEY, baseUrl: 'http://localhost:4010/v1', logger });
    expect(warn.mock.calls).toEqual([
      ['[intentiq] baseUrl uses plain http to api.example.test: the API key travels unencrypted.'],
    ]);
  });
});

describe('numeric options', () => {
  it('refuse values outside their range, naming the option', () => {
    expect(constructionError(() => new IntentIQ({ apiKey: TEST_KEY, timeout: 0 }))).toMatchObject({
      option: 'timeout',
      message: 'timeout must be a number from 1 to 2147483647.',
    });
    expect(
      constructionError(() => new IntentIQ({ apiKey: TEST_KEY, maxRetries: -1 })),
    ).toMatchObject({
      option: 'maxRetries',
    });
    expect(
      constructionError(() => new IntentIQ({ apiKey: TEST_KEY, maxRetryAfter: -1 })),
    ).toMatchObject({
      option: 'maxRetryAfter',
    });
  });
});

describe('headers', () => {
  it('sends Accept, X-IIQ-Client and Authorization on every request, Content-Type with a body', async () => {
    const { iiq, sent } = clientWith([ok(), ok()]);
    await iiq.scores.retrieve('scr_01HZ9X3F7QMHN4T');
    await iiq.scores.create({ domain: 'stripe.com' });
    expect(sent[0]?.headers).toEqual({
      accept: 'application/json',
      authorization: `Bearer ${TEST_KEY}`,
      'x-iiq-client': `vesperwise-node/${VERSION}`,
    });
    expect(sent[1]?.headers).toMatchObject({ 'content-type': 'application/json' });
  });

  it('adds client and per-call headers; undefined removes one; Authorization stays the key', async () => {
    const { iiq, sent } = clientWith([ok()], {
      headers: { 'X-Team': 'growth', 'X-IIQ-Client': 'my-app/1.0' },
    });
    await iiq.scores.retrieve('scr_01HZ9X3F7QMHN4T', {
      headers: { 'X-Trace': 'abc', 'X-Team': undefined, Authorization: 'Bearer other' },
    });
    expect(sent[0]?.headers).toEqual({
      accept: 'application/json',
      authorization: `Bearer ${TEST_KEY}`,
      'x-iiq-client': 'my-app/1.0',
      'x-trace': 'abc',
    });
  });

  it("takes an Idempotency-Key header as the call's key", async () => {
    const { iiq, sent } = clientWith([apiError(500, 'internal_error'), ok()], {
      retryJitter: () => 0,
    });
    await iiq.scores.create(
      { domain: 'stripe.com' },
      { headers: { 'Idempotency-Key': 'from-header' } },
    );
    expect(sent.map((request) => request.headers['idempotency-key'])).toEqual([
      'from-header',
      'from-header',
    ]);
  });

  it('reports the version of package.json', () => {
    const { version } = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    );
    expect(VERSION).toBe(version);
  });
});

describe('logging', () => {
  function recorder() {
    const lines: [string, string][] = [];
    const at = (level: string) => (message: string) => {
      lines.push([level, message]);
    };
    return {
      lines,
      logger: { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') },
    };
  }

  it('logs each attempt at debug level and each retry at info level', async () => {
    const { lines, logger } = recorder();
    const { iiq } = clientWith([apiError(503, 'internal_error'), ok()], {
      logger,
      logLevel: 'debug',
      retryJitter: () => 0,
    });
    await iiq.scores.create({ domain: 'stripe.com' });
    expect(lines.map(([level, message]) => [level, message.replace(/\d+ ms\)/, 'N ms)')])).toEqual([
      ['debug', '[intentiq] POST /score -> 503 (attempt 1, req_01HZ9X3F7QMHN4V, N ms)'],
      ['info', '[intentiq] retrying POST /score after HTTP 503 (retry 1)'],
      ['debug', '[intentiq] POST /score -> 200 (attempt 2, req_01HZ9X3F7QMHN4V, N ms)'],
    ]);
  });

  it('logs nothing below the level: warn by default, or IIQ_LOG', async () => {
    const quiet = recorder();
    const first = clientWith([apiError(503, 'internal_error'), ok()], {
      logger: quiet.logger,
      logLevel: undefined,
      retryJitter: () => 0,
    });
    await first.iiq.account.retrieve();
    expect(quiet.lines).toEqual([]);

    vi.stubEnv('IIQ_LOG', 'debug');
    const loud = recorder();
    const second = clientWith([ok()], { logger: loud.logger, logLevel: undefined });
    await second.iiq.account.retrieve();
    expect(loud.lines.map(([level]) => level)).toEqual(['debug']);
  });

  it('warns about an IIQ_LOG it does not know, and keeps warn', () => {
    vi.stubEnv('IIQ_LOG', 'verbose');
    const { lines, logger } = recorder();
    new IntentIQ({ apiKey: TEST_KEY, logger });
    expect(lines).toEqual([
      ['warn', '[intentiq] IIQ_LOG must be off, error, warn, info or debug; using warn.'],
    ]);
  });
});
