/**
 * How lean and fast the client is, measured on the built package (`npm run build` first, or run
 * it with `npm run bench -- client`, which builds). Figures are ratios or differences against a
 * baseline measured in the same run, never absolute timings compared with a constant.
 *
 * 1. Bundle size: `import { IntentIQ } from '@vesperwise/node'` bundled, minified and split by
 *    esbuild, gzipped. The static graph (what loads with the import) must stay within 20 kB.
 * 2. Cold import: `await import('@vesperwise/node')` in a fresh Node process against bare
 *    `node -e 0`, in alternating turns: at most 10 ms more. `import('stripe')` is shown for scale.
 *    Then import plus a first call with `@opentelemetry/api` installed (not registered) against
 *    the same with it unresolvable, as when it is not installed: the two must match.
 * 3. Per-call time: `scores.create` against a local `node:http` server (in another process)
 *    against a raw `fetch` of the same request, keep-alive both, in alternating blocks: at most
 *    10% more.
 * 4. The SDK's own time per call: `scores.create` against a `fetch` that answers at once, minus
 *    the same `fetch` called by hand: at most 20 us. For scale, the same with one pass-through
 *    middleware, with an OpenTelemetry tracer provider registered, and the time ky alone spends on
 *    such a call (why ky is not the retry engine).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';

const root = resolve(import.meta.dirname, '..');
const KEY = `iiq_test_${'0'.repeat(32)}`;
const targets = { staticKb: 20, importMs: 10, overheadPercent: 10, ownUs: 20 };
let failures = 0;

function verdict(ok: boolean): string {
  if (!ok) failures++;
  return ok ? 'ok' : 'MISSED';
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

// 1. Bundle size -----------------------------------------------------------------------------

// The bundle is made from dist/, whose chunk names say nothing: recognise chunks by their code.
function label(code: string, entryPoint: string | undefined): string {
  if (code.includes('isIcann')) return 'Public Suffix List (tldts)';
  if (code.includes('opentelemetry.js.api'))
    return '@opentelemetry/api (loaded only when registered)';
  return (
    entryPoint
      ?.split('/')
      .pop()
      ?.replace(/-\w+\.js$/, '') ?? 'shared'
  );
}

async function bundleSize(): Promise<void> {
  const result = await build({
    entryPoints: ['bench-entry'],
    bundle: true,
    minify: true,
    splitting: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    write: false,
    outdir: '/bundle',
    metafile: true,
    logLevel: 'silent',
    // Resolve the package as a user's bundler does, through its exports to the built files, not
    // through this repository's tsconfig paths to the sources.
    tsconfigRaw: '{}',
    plugins: [
      {
        name: 'entry',
        setup(b) {
          b.onResolve({ filter: /^bench-entry$/ }, () => ({
            path: 'bench-entry',
            namespace: 'bench',
          }));
          b.onLoad({ filter: /.*/, namespace: 'bench' }, () => ({
            contents: "export { IntentIQ } from '@vesperwise/node';",
            resolveDir: root,
          }));
        },
      },
    ],
  });
  const outputs = (result.metafile as Metafile).outputs;
  const base = (path: string) => path.split('/').pop() ?? path;
  const files = new Map(result.outputFiles.map((file) => [base(file.path), file]));
  const chunks = Object.entries(outputs).map(([path, output]) => ({
    name: base(path),
    label: label(files.get(base(path))?.text ?? '', output.entryPoint),
    size: gzipSync(files.get(base(path))?.contents ?? new Uint8Array(), { level: 9 }).length,
    entry: output.entryPoint === 'bench:bench-entry',
    imports: output.imports.filter((i) => i.kind === 'import-statement').map((i) => base(i.path)),
  }));
  const statics = new Set<string>();
  const visit = (name: string) => {
    if (statics.has(name)) return;
    statics.add(name);
    for (const imported of chunks.find((chunk) => chunk.name === name)?.imports ?? [])
      visit(imported);
  };
  for (const chunk of chunks) if (chunk.entry) visit(chunk.name);
  // esbuild keeps a static import of the chunk behind the `normalizeDomain` re-export even when it
  // is unused, because the client also loads that module lazily (rollup and webpack drop it).
  const psl = chunks.filter((chunk) => statics.has(chunk.name) && chunk.label.startsWith('Public'));
  const client = chunks.filter((chunk) => statics.has(chunk.name) && !psl.includes(chunk));
  const clientBytes = client.reduce((sum, chunk) => sum + chunk.size, 0);
  console.log(
    '1. Bundle of `import { IntentIQ } from "@vesperwise/node"` (esbuild, minified, split, gzip -9)',
  );
  console.log(
    `    client static graph: ${kb(clientBytes)}   target <= ${targets.staticKb} kB   ${verdict(clientBytes <= targets.staticKb * 1024)}`,
  );
  for (const chunk of psl) {
    console.log(
      `    + ${chunk.label}: ${kb(chunk.size)}, imported statically by esbuild only through the unused normalizeDomain re-export`,
    );
  }
  for (const chunk of chunks.filter((c) => !statics.has(c.name))) {
    console.log(`    lazy chunk, ${chunk.label}: ${kb(chunk.size)}`);
  }
}

// 2. Cold import -----------------------------------------------------------------------------

/** Wall time of a fresh `node` process running `args`, in milliseconds. */
function timeNode(args: string[]): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: root });
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${run.stderr}`);
  return performance.now() - started;
}

const importOf = (specifier: string) => [
  '--input-type=module',
  '-e',
  `await import('${specifier}')`,
];

// Import, then one call against a fetch that answers at once. Both variants install the same
// resolve hook; with `absent` it makes @opentelemetry/* unresolvable, as in a project that does
// not install it, and fails the process if the SDK tries to load it anyway.
function importAndCall(absent: boolean): string[] {
  return [
    '--input-type=module',
    '-e',
    `import { registerHooks } from 'node:module';
     registerHooks({ resolve(s, c, next) {
       if (${absent} && s.startsWith('@opentelemetry/')) { process.exitCode = 3; throw new Error('absent'); }
       return next(s, c);
     } });
     const { IntentIQ } = await import('@vesperwise/node');
     const iiq = new IntentIQ({ apiKey: '${KEY}', fetch: async () => Response.json({ plan: 'team' }) });
     await iiq.account.retrieve();`,
  ];
}

function coldImport(): void {
  const turns = 21;
  const cases: Record<string, string[]> = {
    bare: ['-e', '0'],
    bareModule: ['--input-type=module', '-e', '0'],
    sdk: importOf('@vesperwise/node'),
    stripe: importOf('stripe'),
    withOtel: importAndCall(false),
    withoutOtel: importAndCall(true),
  };
  const times: Record<string, number[]> = {};
  for (const args of Object.values(cases)) timeNode(args);
  for (let turn = 0; turn < turns; turn++) {
    for (const [name, args] of Object.entries(cases)) {
      times[name] = [...(times[name] ?? []), timeNode(args)];
    }
  }
  const ms = (name: string) => median(times[name] ?? []);
  const over = ms('sdk') - ms('bareModule');
  const otelDelta = ms('withoutOtel') - ms('withOtel');
  const probe = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      "await import('@vesperwise/node'); console.log(process.moduleLoadList.some((m) => m.includes('undici')))",
    ],
    { cwd: root, encoding: 'utf8' },
  );
  console.log(
    `2. Cold import, ${turns} alternating turns each, median wall time of a fresh node process`,
  );
  console.log(
    `    bare \`node -e 0\` ${ms('bare').toFixed(1)} ms   bare ESM \`node --input-type=module -e 0\` ${ms('bareModule').toFixed(1)} ms`,
  );
  console.log(
    `    import('@vesperwise/node') ${ms('sdk').toFixed(1)} ms: ${over.toFixed(1)} ms over bare ESM   target <= ${targets.importMs} ms   ${verdict(over <= targets.importMs)}`,
  );
  console.log(`    import('stripe') ${ms('stripe').toFixed(1)} ms, for scale`);
  console.log(
    `    import + first call: @opentelemetry/api installed ${ms('withOtel').toFixed(1)} ms, absent ${ms('withoutOtel').toFixed(1)} ms (difference ${otelDelta.toFixed(1)} ms; the SDK never tried to load it)`,
  );
  console.log(
    `    fetch internals (undici) loaded by the import: ${probe.stdout.trim() === 'true' ? 'yes' : 'no'}`,
  );
}

// 3. Per-call overhead -----------------------------------------------------------------------

const SERVER = `
const http = require('node:http');
const body = JSON.stringify({ id: 'scr_01HZ9X3F7QMHN4T', domain: 'stripe.com', score: 94, band: 'HOT', delta_30d: 12,
  signals: { funding: 96, hiring: 88, news: 92, tech: 78, web: 84 }, action: 'Reference Series H. Anchor on RevOps.',
  summary: 'Stripe is showing fresh capital, aggressive RevOps hiring and a run of launch coverage.', cached: true,
  computed_at: '2026-05-28T14:02:11Z', mode: 'test' });
const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-request-id': 'req_01HZ9X3F7QMHN4V',
  'x-iiq-cache': 'hit', 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '299', 'x-ratelimit-reset': '1780063391',
  'ratelimit-limit': '300', 'ratelimit-remaining': '299', 'ratelimit-reset': '60' };
const server = http.createServer((req, res) => { req.resume(); req.on('end', () => { res.writeHead(200, headers); res.end(body); }); });
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

async function startServer(): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((done, fail) => {
    child.stdout?.once('data', (chunk) => done(Number(String(chunk))));
    child.once('exit', (code) => fail(new Error(`server exited with ${code}`)));
  });
  return { child, port };
}

/** Microseconds per call of `calls` sequential calls. */
async function block(call: () => Promise<unknown>, calls: number): Promise<number> {
  const started = performance.now();
  for (let index = 0; index < calls; index++) await call();
  return ((performance.now() - started) / calls) * 1000;
}

async function perCallOverhead(): Promise<void> {
  const { IntentIQ, VERSION } = await import('@vesperwise/node');
  const { child, port } = await startServer();
  const baseUrl = `http://127.0.0.1:${port}/v1`;
  const iiq = new IntentIQ({ apiKey: KEY, baseUrl });
  const sdk = () => iiq.scores.create({ domain: 'stripe.com' });
  // The same request the SDK sends: same URL, headers (a fresh idempotency key) and body.
  const raw = async () => {
    const response = await fetch(`${baseUrl}/score`, {
      method: 'POST',
      headers: {
        accept: 'application/json',
        'x-iiq-client': `vesperwise-node/${VERSION}`,
        authorization: `Bearer ${KEY}`,
        'content-type': 'application/json',
        'idempotency-key': crypto.randomUUID(),
      },
      body: JSON.stringify({ domain: 'stripe.com' }),
    });
    return response.json();
  };
  await block(raw, 1000);
  await block(sdk, 1000);
  const rounds = 40;
  const calls = 50;
  const rawTimes: number[] = [];
  const sdkTimes: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    // raw, sdk, raw: each SDK block is compared with the raw blocks on either side of it, so a
    // change of load on the machine hits both sides of a ratio alike.
    const before = await block(raw, calls);
    const own = await block(sdk, calls);
    const after = await block(raw, calls);
    rawTimes.push(before, after);
    sdkTimes.push(own);
    ratios.push(own / ((before + after) / 2));
  }
  child.kill();
  const overhead = (median(ratios) - 1) * 100;
  console.log(
    `3. Per-call time against a local node:http server, ${rounds} rounds of ${calls} sequential calls, keep-alive`,
  );
  console.log(
    `    raw fetch ${median(rawTimes).toFixed(0)} us   scores.create ${median(sdkTimes).toFixed(0)} us`,
  );
  console.log(
    `    overhead ${overhead.toFixed(1)}%   target <= ${targets.overheadPercent}%   ${verdict(overhead <= targets.overheadPercent)}`,
  );
}

// 4. The SDK's own time per call ---------------------------------------------------------------

const SCORE_BODY = JSON.stringify({
  id: 'scr_01HZ9X3F7QMHN4T',
  domain: 'stripe.com',
  score: 94,
  band: 'HOT',
  mode: 'test',
});
const RESPONSE_HEADERS = {
  'content-type': 'application/json',
  'x-request-id': 'req_01HZ9X3F7QMHN4V',
};

/** A `fetch` that answers at once, without a network: what is left of a call is the SDK's. */
const instantFetch = async () => new Response(SCORE_BODY, { headers: RESPONSE_HEADERS });

/** Median difference, in microseconds, between blocks of `call` and of `baseline`, alternating. */
async function ownTime(call: () => Promise<unknown>, baseline: () => Promise<unknown>) {
  await block(baseline, 3000);
  await block(call, 3000);
  const differences: number[] = [];
  for (let round = 0; round < 30; round++) {
    const before = await block(baseline, 300);
    const own = await block(call, 300);
    const after = await block(baseline, 300);
    differences.push(own - (before + after) / 2);
  }
  return median(differences);
}

async function sdkOwnTime(): Promise<void> {
  const { IntentIQ } = await import('@vesperwise/node');
  // What a caller does by hand with the same fetch: send, read the body, parse it.
  const byHand = async () => JSON.parse(await (await instantFetch()).text());
  const options = { apiKey: KEY, fetch: instantFetch, logLevel: 'off' as const };
  const plain = new IntentIQ(options);
  const withMiddleware = new IntentIQ({
    ...options,
    middleware: [(request, next) => next(request)],
  });
  const create = (iiq: InstanceType<typeof IntentIQ>) => () =>
    iiq.scores.create({ domain: 'stripe.com' });
  await create(plain)(); // loads the Public Suffix List once
  const own = await ownTime(create(plain), byHand);
  const middleware = await ownTime(create(withMiddleware), byHand);

  const { default: ky } = await import('ky');
  const viaKy = () =>
    ky
      .post('https://api.intentiq.dev/v1/score', {
        fetch: instantFetch,
        headers: { authorization: `Bearer ${KEY}`, 'idempotency-key': crypto.randomUUID() },
        body: '{"domain":"stripe.com"}',
        retry: { limit: 4, methods: ['post'] },
        timeout: 30_000,
      })
      .json();
  const kyOwn = await ownTime(viaKy, byHand);

  // Last: a registered tracer provider stays registered for the rest of the process.
  const { trace } = await import('@opentelemetry/api');
  const { BasicTracerProvider } = await import('@opentelemetry/sdk-trace-base');
  trace.setGlobalTracerProvider(new BasicTracerProvider());
  await create(plain)(); // loads @opentelemetry/api once
  const traced = await ownTime(create(plain), byHand);

  console.log(
    "4. The SDK's own time per call: scores.create on a fetch that answers at once, minus that fetch by hand",
  );
  console.log(
    `    scores.create ${own.toFixed(1)} us   target <= ${targets.ownUs} us   ${verdict(own <= targets.ownUs)}`,
  );
  console.log(`    with one pass-through middleware ${middleware.toFixed(1)} us`);
  console.log(
    `    with an OpenTelemetry tracer provider registered (2 spans a call) ${traced.toFixed(1)} us`,
  );
  console.log(
    `    ky alone, for the same call with its retry options: ${kyOwn.toFixed(1)} us (why the SDK has its own retry loop)`,
  );
}

// ---------------------------------------------------------------------------------------------

if (!existsSync(resolve(root, 'dist/index.js'))) {
  console.error('dist/ is missing: run `npm run build` first (or `npm run bench -- client`).');
  process.exit(1);
}
await bundleSize();
coldImport();
await perCallOverhead();
await sdkOwnTime();
process.exit(failures === 0 ? 0 : 1);
