/**
 * `bulk.scoreAll` over synthetic domains, in one run: `node bench/score-all.bench.ts` (a few
 * minutes). Every measurement runs in a fresh process of its own, with 10 jobs in flight and the
 * domains from a generator (never an array), at 10,000 and at 100,000 domains:
 *
 * 1. Against the in-process mock, its clock moved on each poll (`sleep` advances it): throughput in
 *    domains per second, and the peak RSS of the process. That process holds the mock as well, and
 *    the mock keeps what the API keeps (scores and events, up to 20,000 of each a space, and its
 *    completed bulk jobs), so that RSS grows with the input until the mock's caps: it is the
 *    mock's memory, not the SDK's.
 * 2. `scoreAll` alone, the mock in another process over HTTP (`sleep` moves its clock through
 *    `/__mock/clock/advance`), with V8's default heap: the peak RSS of the process that runs
 *    `scoreAll`, and its live heap after a full GC at the end.
 * 3. The same under a fixed heap budget (`--max-old-space-size=48 --max-semi-space-size=2`): the
 *    run must fit in it, and peak RSS then follows the live memory rather than how lazily V8
 *    collects. Target: the peak RSS at 100,000 within 1.25x of the one at 10,000.
 *
 * The SDK is the built package when `dist/` exists (`npm run bench` builds it), else the sources.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type Sdk = typeof import('../src/index.ts');

const SIZES = [10_000, 100_000];
const CONCURRENCY = 10;
const POLL_MS = 100_000;
const BUDGET = ['--max-old-space-size=48', '--max-semi-space-size=2'];

interface Figures {
  domains: number;
  results: number;
  seconds: number;
  perSecond: number;
  peakRssMb: number;
  liveHeapMb: number | null;
}

async function sdk(): Promise<Sdk> {
  const built = new URL('../dist/index.js', import.meta.url);
  const entry = existsSync(built) ? built.href : '../src/index.ts';
  return (await import(entry)) as Sdk;
}

function* domains(count: number) {
  for (let i = 0; i < count; i++) yield `synthetic-account-${i}.com`;
}

async function measure(
  count: number,
  iiq: InstanceType<Sdk['IntentIQ']>,
  sleep: (ms: number) => Promise<void> | void,
): Promise<Figures> {
  const started = performance.now();
  let results = 0;
  for await (const _ of iiq.bulk.scoreAll(domains(count), {
    concurrency: CONCURRENCY,
    pollInterval: POLL_MS,
    sleep,
  })) {
    results++;
  }
  const seconds = (performance.now() - started) / 1_000;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  return {
    domains: count,
    results,
    seconds: Math.round(seconds * 100) / 100,
    perSecond: Math.round(count / seconds),
    // The operating system's high-water mark of this process, in kilobytes.
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1_024),
    liveHeapMb: gc === undefined ? null : Math.round(process.memoryUsage().heapUsed / 1_048_576),
  };
}

/** Role: one run against a mock in this process. */
async function inProcess(count: number): Promise<Figures> {
  const { createMockApi } = await import('../mock-server/index.ts');
  const { IntentIQ } = await import('../src/index.ts');
  const mock = createMockApi({ rateLimits: false });
  const iiq = new IntentIQ({ apiKey: mock.keys.test, fetch: mock.fetch, logLevel: 'off' });
  return measure(count, iiq, (ms) => {
    mock.clock.advance(ms);
  });
}

/** Role: one run against the mock another process serves at `url`. */
async function overHttp(count: number, url: string, key: string): Promise<Figures> {
  const { IntentIQ } = await sdk();
  const origin = new URL(url).origin;
  const iiq = new IntentIQ({ apiKey: key, baseUrl: url, logLevel: 'off' });
  return measure(count, iiq, async (ms) => {
    const response = await fetch(`${origin}/__mock/clock/advance`, {
      method: 'POST',
      body: JSON.stringify({ by: ms }),
    });
    await response.text();
  });
}

/** Role: a mock over HTTP, until it is killed. */
async function serve(): Promise<void> {
  const { createMockApi } = await import('../mock-server/index.ts');
  const mock = createMockApi({ rateLimits: false });
  const server = await mock.listen();
  console.log(JSON.stringify({ url: server.url, key: mock.keys.test }));
}

const here = fileURLToPath(import.meta.url);

function child(args: string[], flags: string[] = []): Figures {
  const run = spawnSync(process.execPath, [...flags, here, ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout.trim().split('\n').at(-1) as string) as Figures;
}

/** Runs `work` against a fresh mock served by a child process, which is killed afterwards. */
async function withServer<T>(work: (url: string, key: string) => T): Promise<T> {
  const server: ChildProcess = spawn(process.execPath, [here, 'serve'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const line = await new Promise<string>((resolve) =>
      server.stdout?.once('data', (chunk) => resolve(String(chunk))),
    );
    const { url, key } = JSON.parse(line) as { url: string; key: string };
    return work(url, key);
  } finally {
    server.kill('SIGKILL');
  }
}

function report(title: string, figures: Figures[], target = false): void {
  console.log(title);
  for (const f of figures) {
    const live = f.liveHeapMb === null ? '' : `, live heap after GC ${f.liveHeapMb} MB`;
    console.log(
      `  ${f.domains.toLocaleString('en-US').padStart(7)} domains: ${f.results.toLocaleString('en-US')} results in ${f.seconds} s, ${f.perSecond.toLocaleString('en-US')} domains/s, peak RSS ${f.peakRssMb} MB${live}`,
    );
  }
  const [small, large] = figures as [Figures, Figures];
  const ratio = large.peakRssMb / small.peakRssMb;
  const verdict = target ? ` (target <= 1.25x): ${ratio <= 1.25 ? 'met' : 'NOT met'}` : '';
  console.log(`  peak RSS at 100,000 / at 10,000: ${ratio.toFixed(2)}x${verdict}`);
}

const [role, size, url, key] = process.argv.slice(2);
if (role === 'in-process') console.log(JSON.stringify(await inProcess(Number(size))));
else if (role === 'http') {
  console.log(JSON.stringify(await overHttp(Number(size), url as string, key as string)));
} else if (role === 'serve') await serve();
else {
  report(
    '1. bulk.scoreAll against the in-process mock, its clock moved on each poll (SDK and mock in one process)',
    SIZES.map((n) => child(['in-process', String(n)])),
  );
  const overHttpRuns = async (flags: string[]) => {
    const figures: Figures[] = [];
    for (const n of SIZES) {
      figures.push(await withServer((u, k) => child(['http', String(n), u, k], flags)));
    }
    return figures;
  };
  report(
    "2. bulk.scoreAll alone, the mock in another process over HTTP, V8's default heap",
    await overHttpRuns(['--expose-gc']),
  );
  report(
    `3. The same under a fixed heap budget (${BUDGET.join(' ')})`,
    await overHttpRuns(BUDGET),
    true,
  );
}
