/**
 * Nothing the server sends reaches a log line with the key in it: a real server (a proxy gone
 * wrong) echoes the Authorization header in every response header it can and in the error body,
 * and the debug log of a call that retries through a 503 and a cut-off body never shows the key.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { IntentIQ } from '../../src/index.ts';
import { SCORE, TEST_KEY } from './helpers.ts';

const SECRET = TEST_KEY.slice('iiq_test_'.length);

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

/** Every header a response can carry that the SDK reads, each with the key echoed into it. */
function echoHeaders(authorization: string, body: string): Record<string, string | number> {
  return {
    'content-type': `application/json; echo="${authorization}"`,
    'content-length': Buffer.byteLength(body),
    'x-request-id': authorization,
    'x-iiq-cache': authorization,
    'idempotency-replayed': authorization,
    'retry-after': authorization,
    'x-ratelimit-limit': authorization,
    'x-ratelimit-remaining': authorization,
    'x-ratelimit-reset': authorization,
    'ratelimit-limit': authorization,
    'ratelimit-remaining': authorization,
    'ratelimit-reset': authorization,
    'www-authenticate': authorization,
    'x-echo-authorization': authorization,
    'set-cookie': `session=${authorization}`,
  };
}

/** 503, then a cut-off body, then 200: each echoing the key everywhere. */
async function echoingServer(steps: ('503' | 'cut' | 'ok')[]): Promise<string> {
  let count = 0;
  const http = createServer((request, response) => {
    const authorization = request.headers.authorization ?? '';
    const step = steps[Math.min(count++, steps.length - 1)];
    request.resume();
    request.on('end', () => {
      if (step === '503') {
        const body = JSON.stringify({
          error: {
            type: 'api_error',
            code: 'internal_error',
            message: `Upstream refused ${authorization}`,
            request_id: authorization,
          },
        });
        response.writeHead(503, echoHeaders(authorization, body)).end(body);
      } else if (step === 'cut') {
        const body = JSON.stringify({ ...SCORE, summary: authorization });
        response.writeHead(200, echoHeaders(authorization, body));
        response.write(body.slice(0, 40), () => request.socket.destroy());
      } else {
        const body = JSON.stringify({ ...SCORE, mode: 'test' });
        response.writeHead(200, echoHeaders(authorization, body)).end(body);
      }
    });
  });
  server = http;
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(http.address() as AddressInfo).port}/v1`;
}

function recordingLogger() {
  const lines: string[] = [];
  const record = (message: string, ...rest: unknown[]) => {
    lines.push([message, ...rest.map((item) => inspect(item, { depth: 10 }))].join(' '));
  };
  return { lines, logger: { error: record, warn: record, info: record, debug: record } };
}

describe('the debug log, against a server that echoes the key', () => {
  it('shows every attempt and retry, and the key in no line', async () => {
    const baseUrl = await echoingServer(['503', 'cut', 'ok']);
    const { lines, logger } = recordingLogger();
    const iiq = new IntentIQ({
      apiKey: TEST_KEY,
      baseUrl,
      logger,
      logLevel: 'debug',
      retryJitter: () => 0,
      maxRetryAfter: 0,
    });
    const score = await iiq.scores.create({ domain: 'stripe.com' });
    expect(score.domain).toBe('stripe.com');
    expect(lines.map((line) => line.replace(/\d+ ms\)/, 'N ms)'))).toEqual([
      '[intentiq] POST /score -> 503 (attempt 1, Bearer iiq_test_***, N ms)',
      '[intentiq] retrying POST /score after HTTP 503 (retry 1)',
      expect.stringMatching(/^\[intentiq\] POST \/score failed: .+ \(attempt 2, N ms\)$/),
      '[intentiq] retrying POST /score after a response cut off mid-body (retry 2)',
      '[intentiq] POST /score -> 200 (attempt 3, Bearer iiq_test_***, N ms)',
    ]);
    for (const line of lines) expect(line).not.toContain(SECRET);
  });

  it('keeps the key out of the log and the error when every attempt fails', async () => {
    const baseUrl = await echoingServer(['503']);
    const { lines, logger } = recordingLogger();
    const iiq = new IntentIQ({
      apiKey: TEST_KEY,
      baseUrl,
      logger,
      logLevel: 'debug',
      retryJitter: () => 0,
      maxRetries: 1,
    });
    const error = await iiq.scores.create({ domain: 'stripe.com' }).catch((e: unknown) => e);
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).not.toContain(SECRET);
    for (const text of [String(error), inspect(error, { depth: 10 }), JSON.stringify(error)]) {
      expect(text).not.toContain(SECRET);
    }
  });
});
