/**
 * Memory under sustained writes: 10^6 writes through the HTTP door of a mock with the per-minute
 * limits off, printing the mock process's RSS (after a full GC) at each 10^5. Every store is
 * bounded, so after warm-up the line is flat. Goal: RSS at 10^6 within 1.25x of RSS at 10^5.
 *
 * The writes: fresh scores of distinct domains with distinct idempotency keys (a score, an event
 * and an idempotency record each), watchlists (refused past the cap), webhook endpoints (likewise)
 * and bulk jobs (refused past the 10-job cap on the frozen clock), with a test key (no deliveries).
 *
 * `node bench/memory.bench.ts [writes]` (default 1,000,000).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createMockApi } from '../mock-server/index.ts';

const role = process.argv[2];
const TOTAL = Number(process.argv[2] && role !== 'mock' ? process.argv[2] : 1_000_000);
const STEP = TOTAL / 10;
const CONCURRENCY = 16;

function start(): Promise<{ child: ChildProcess; port: number; key: string }> {
  const child = spawn(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), 'mock'], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (message) => {
      const { port, key } = message as { port: number; key: string };
      resolve({ child, port, key });
    });
    child.once('exit', (code) => reject(new Error(`the mock exited with ${code}`)));
  });
}

interface Memory {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
}

function memory(child: ChildProcess): Promise<Memory> {
  return new Promise((resolve) => {
    child.once('message', (message) => resolve(message as Memory));
    child.send('rss');
  });
}

const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function write(port: number, key: string, i: number): Promise<number> {
  const kind = i % 20;
  let path = '/v1/score';
  let body: string;
  if (kind === 0) {
    path = '/v1/watchlists';
    body = JSON.stringify({ name: `List ${i}`, accounts: [`company-${i}.com`] });
  } else if (kind === 1) {
    path = '/v1/webhook_endpoints';
    body = JSON.stringify({ url: `https://hooks.example.com/${i}`, events: ['score.computed'] });
  } else if (kind === 2) {
    path = '/v1/score/bulk';
    body = JSON.stringify({ domains: [`company-${i}.com`, `company-${i}.net`] });
  } else {
    body = `{"domain":"company-${i}.com"}`;
  }
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        agent,
        headers: {
          authorization: `Bearer ${key}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'idempotency-key': `write-${i}`,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function run(): Promise<void> {
  const { child, port, key } = await start();
  process.on('exit', () => child.kill());
  const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(0)} MB`;
  console.log(
    `Memory bench (Node ${process.version}): ${TOTAL.toLocaleString('en-US')} writes over HTTP, ${CONCURRENCY} at a time`,
  );
  const rss: number[] = [];
  let next = 0;
  const started = performance.now();
  const statuses = new Map<number, number>();
  for (let step = 1; step <= 10; step++) {
    const until = step * STEP;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < until) {
          const status = await write(port, key, next++);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        }
      }),
    );
    const { rss: now, heapUsed, heapTotal, external } = await memory(child);
    rss.push(now);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `  ${until.toLocaleString('en-US').padStart(9)} writes  RSS ${mb(now).padStart(7)}  heap ${mb(heapUsed).padStart(7)} of ${mb(heapTotal).padStart(7)}  external ${mb(external).padStart(6)}  (${seconds.toFixed(0)} s)`,
    );
  }
  child.kill();
  agent.destroy();
  const ratio = (rss[9] as number) / (rss[0] as number);
  console.log(`  statuses: ${[...statuses].map(([status, n]) => `${status} x ${n}`).join(', ')}`);
  console.log(
    `RSS at ${TOTAL.toLocaleString('en-US')} / RSS at ${STEP.toLocaleString('en-US')} = ${ratio.toFixed(2)} (target <= 1.25) ${ratio <= 1.25 ? 'OK' : 'MISSED'}`,
  );
}

if (role === 'mock') {
  const mock = createMockApi({ rateLimits: false });
  const server = await mock.listen();
  process.on('message', (message) => {
    if (message !== 'rss') return;
    (globalThis as { gc?: () => void }).gc?.();
    const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
    process.send?.({ rss, heapUsed, heapTotal, external });
  });
  process.send?.({ port: server.port, key: mock.keys.test });
} else {
  await run();
}
