/**
 * The middleware and OpenTelemetry examples run as users run them (`node examples/<name>.ts`,
 * importing the built package by name) against the reference mock served over HTTP.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MockServer } from '../../mock-server/doors/http.ts';
import { createMockApiCore } from '../../mock-server/mock-api.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));

let server: MockServer;
let key: string;

// A fresh mock for each example: `flaky.test` fails only the first time it is scored.
beforeEach(async () => {
  if (!existsSync(`${root}/dist/index.js`)) {
    throw new Error('The examples import the built package: run `npm run build` first.');
  }
  const mock = createMockApiCore();
  key = mock.keys.test;
  server = await mock.listen();
});

afterEach(async () => {
  await server?.close();
});

async function example(name: string, ...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [`examples/${name}.ts`, ...args], {
    cwd: root,
    env: { ...process.env, IIQ_BASE_URL: server.url, IIQ_API_KEY: key, IIQ_LOG: 'off' },
    timeout: 20_000,
  });
  return stdout;
}

describe('client examples', () => {
  it('middleware.ts adds a header and times each attempt, the retry included', async () => {
    const lines = (await example('middleware', 'flaky.test')).trim().split('\n');
    expect(lines.map((line) => line.replace(/\d+ ms/, 'N ms'))).toEqual([
      'scores.create attempt 1: HTTP 500 in N ms (x-team: growth)',
      'scores.create attempt 2: HTTP 200 in N ms (x-team: growth)',
      expect.stringMatching(/^flaky\.test: \d+ \((HOT|WARM|COLD)\)$/),
    ]);
  });

  it('opentelemetry.ts prints the call and attempt spans under the caller span', async () => {
    const lines = (await example('opentelemetry')).trim().split('\n');
    expect(lines.map((line) => line.replace(/req_\w+/g, 'req_ID'))).toEqual([
      'nightly sync',
      '  intentiq scores.create intentiq.attempts=2 intentiq.request_id=req_ID',
      '    POST http.response.status_code=500 intentiq.request_id=req_ID',
      '    POST http.response.status_code=200 http.request.resend_count=1 intentiq.request_id=req_ID',
      '  intentiq account.retrieve intentiq.attempts=1 intentiq.request_id=req_ID',
      '    GET http.response.status_code=200 intentiq.request_id=req_ID',
    ]);
  });
});
