/**
 * The mock server's speed, in one run: `node bench/mock.bench.ts` (about 40 seconds).
 *
 * 1. HTTP: a bare `node:http` server returning the same Score JSON, against the mock's HTTP door
 *    serving `POST /v1/score` (warm cache, test key), each in its own process, each loaded by
 *    autocannon with the same connections and duration, in alternating rounds. Target: the mock
 *    reaches at least a third of the bare server's requests per second.
 * 2. In-process: `new IntentIQ({ fetch: mock.fetch })` `scores.create` calls per second (target at
 *    least 5,000), beside the same calls through MSW's `setupServer` and raw `mock.fetch` calls. In a
 *    fresh process of its own, so that the heap autocannon leaves behind does not weigh on it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { setupServer } from 'msw/node';
import { createMockApi } from '../mock-server/index.ts';
import { IntentIQ } from '../src/index.ts';

// autocannon ships no types; this is the part of its API the bench uses.
type Autocannon = (options: {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
  connections: number;
  duration: number;
}) => Promise<{ requests: { average: number }; non2xx: number }>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const CONNECTIONS = 10;
const SECONDS = 4;
const ROUNDS = 3;
const IN_PROCESS_MS = 2_000;

const role = process.argv[2];

// ---- child processes: one server each -------------------------------------------------------

async function serveBare(): Promise<number> {
  const mock = createMockApi({ rateLimits: false });
  const score = await (
    await mock.fetch(`${mock.baseUrl}/score`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${mock.keys.test}`, 'Content-Type': 'application/json' },
      body: '{"domain":"stripe.com"}',
    })
  ).text();
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(score),
      });
      res.end(score);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function serveMock(): Promise<number> {
  const mock = createMockApi({ rateLimits: false });
  const server = await mock.listen();
  return server.port;
}

if (role === 'bare' || role === 'mock') {
  const port = await (role === 'bare' ? serveBare() : serveMock());
  process.send?.({ port });
} else if (role === 'in-process') {
  await inProcess();
} else {
  await runBench();
}

// ---- the bench ------------------------------------------------------------------------------

function start(which: 'bare' | 'mock'): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), which], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (message) =>
      resolve({ child, port: (message as { port: number }).port }),
    );
    child.once('exit', (code) => reject(new Error(`the ${which} server exited with ${code}`)));
  });
}

async function load(
  port: number,
  key: string,
  seconds = SECONDS,
): Promise<{ rps: number; non2xx: number }> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/v1/score`,
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: '{"domain":"stripe.com"}',
    connections: CONNECTIONS,
    duration: seconds,
  });
  return { rps: result.requests.average, non2xx: result.non2xx };
}

async function perSecond(label: string, call: () => Promise<unknown>): Promise<number> {
  // Warm up for a second first (JIT tiers, caches): the figure is the sustained rate.
  for (const warm = performance.now(); performance.now() - warm < 1_000; ) await call();
  let calls = 0;
  const started = performance.now();
  while (performance.now() - started < IN_PROCESS_MS) {
    await call();
    calls++;
  }
  const rate = calls / ((performance.now() - started) / 1000);
  console.log(
    `  ${label.padEnd(46)} ${Math.round(rate).toLocaleString('en-US').padStart(8)} calls/s`,
  );
  return rate;
}

async function runBench(): Promise<void> {
  console.log(
    `Mock server bench (Node ${process.version}, ${CONNECTIONS} connections x ${SECONDS} s, ${ROUNDS} alternating rounds)\n`,
  );
  const key = createMockApi().keys.test;
  const bare = await start('bare');
  const mock = await start('mock');
  const figures = { bare: [] as number[], mock: [] as number[] };
  try {
    await load(mock.port, key, 2); // warms the cache and the JIT of both
    await load(bare.port, key, 2);
    for (let round = 1; round <= ROUNDS; round++) {
      const b = await load(bare.port, key);
      const m = await load(mock.port, key);
      if (m.non2xx > 0)
        throw new Error(`the mock answered ${m.non2xx} requests with a non-2xx status`);
      figures.bare.push(b.rps);
      figures.mock.push(m.rps);
      console.log(
        `  round ${round}: bare node:http ${Math.round(b.rps).toLocaleString('en-US')} req/s, mock HTTP door ${Math.round(m.rps).toLocaleString('en-US')} req/s`,
      );
    }
  } finally {
    bare.child.kill();
    mock.child.kill();
  }
  const median = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
  const ratio = median(figures.mock) / median(figures.bare);
  console.log(
    `\nHTTP  bare node:http (median)   ${Math.round(median(figures.bare)).toLocaleString('en-US')} req/s`,
  );
  console.log(
    `HTTP  mock door (median)       ${Math.round(median(figures.mock)).toLocaleString('en-US')} req/s`,
  );
  console.log(
    `ratio mock/bare = ${ratio.toFixed(2)} (target >= 0.33) ${ratio >= 0.33 ? 'OK' : 'MISSED'}\n`,
  );

  console.log('In-process (sequential calls, warm cache, test key, fresh process):');
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), 'in-process'], {
    stdio: 'inherit',
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`the in-process bench exited with ${code}`);
}

/** Section 2, run by a child process of its own. */
async function inProcess(): Promise<void> {
  const mock = createMockApi({ rateLimits: false });
  const sdk = new IntentIQ({ apiKey: mock.keys.test, fetch: mock.fetch });
  const sdkRate = await perSecond('IntentIQ on mock.fetch: scores.create', () =>
    sdk.scores.create({ domain: 'stripe.com' }),
  );
  const raw = () =>
    mock
      .fetch(`${mock.baseUrl}/score`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${mock.keys.test}`,
          'Content-Type': 'application/json',
        },
        body: '{"domain":"stripe.com"}',
      })
      .then((response) => response.json());
  await perSecond('raw mock.fetch: POST /v1/score', raw);
  const intercepted = createMockApi({ rateLimits: false });
  const server = setupServer(...intercepted.handlers);
  server.listen({ onUnhandledFrame: 'error' });
  const viaMsw = new IntentIQ({ apiKey: intercepted.keys.test });
  const mswRate = await perSecond('IntentIQ via msw setupServer: scores.create', () =>
    viaMsw.scores.create({ domain: 'stripe.com' }),
  );
  server.close();
  console.log(
    `\nin-process SDK calls/s = ${Math.round(sdkRate).toLocaleString('en-US')} (target >= 5,000) ${sdkRate >= 5000 ? 'OK' : 'MISSED'}; setupServer ${Math.round(mswRate).toLocaleString('en-US')} calls/s (${(sdkRate / mswRate).toFixed(1)}x slower)`,
  );
}
