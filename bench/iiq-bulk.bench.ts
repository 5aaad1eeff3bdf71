/**
 * `iiq bulk` on a CSV file against `iiq mock`, as a user runs them (the built `iiq`, two
 * processes): `node bench/iiq-bulk.bench.ts` (a minute or two; `npm run bench -- iiq-bulk` builds
 * first). It writes a 10,000-row and a 100,000-row file, runs `iiq bulk file -o results.csv` on each
 * against a fresh `iiq mock`, and prints the wall time and the peak RSS of the `iiq bulk` process
 * (the kernel's high-water mark, `VmHWM`, read while it runs). `iiq mock` follows the wall clock;
 * so that its jobs do not take their 200 virtual seconds each in real time, the bench moves its
 * clock on by a minute every 100 ms (`/__mock/clock/advance`), as a test would.
 *
 * V8 grows its heap with a run's length when memory is plentiful, so the same runs are repeated
 * under a fixed heap budget (`--max-old-space-size=48 --max-semi-space-size=2`): they must fit in
 * it, and peak RSS then follows what the run keeps alive.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROWS = [10_000, 100_000];
const BUDGET = ['--max-old-space-size=48', '--max-semi-space-size=2'];
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
if (!existsSync(cli)) {
  console.error('bench/iiq-bulk.bench.ts runs the built iiq: run `npm run build` first.');
  process.exit(1);
}
const dir = mkdtempSync(join(tmpdir(), 'iiq-bulk-bench-'));

async function writeCsv(rows: number): Promise<string> {
  const path = join(dir, `companies-${rows}.csv`);
  const out = createWriteStream(path);
  out.write('company_name,domain\n');
  for (let i = 0; i < rows; i++) {
    if (!out.write(`Account ${i},synthetic-account-${i}.com\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return path;
}

/** Starts `iiq mock` on a free port; resolves with its URL, its test key and the process. */
async function startMock(): Promise<{ url: string; key: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [cli, 'mock', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let printed = '';
  for await (const chunk of child.stdout ?? []) {
    printed += String(chunk);
    if (printed.includes('Press Ctrl-C to stop.')) break;
  }
  const url = /listening on (http:\/\/\S+\/v1)/.exec(printed)?.[1];
  const key = / {2}test {2}(iiq_test_\S+)/.exec(printed)?.[1];
  if (url === undefined || key === undefined) throw new Error(`iiq mock printed: ${printed}`);
  return { url, key, child };
}

/** The kernel's high-water mark of a process's resident memory, in MB (Linux), or undefined. */
function peakRss(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return kb === undefined ? undefined : Math.round(Number(kb) / 1_024);
  } catch {
    return undefined;
  }
}

async function run(rows: number, flags: string[] = []) {
  const file = await writeCsv(rows);
  const output = join(dir, `results-${rows}.csv`);
  const mock = await startMock();
  const origin = new URL(mock.url).origin;
  const ticking = setInterval(() => {
    fetch(`${origin}/__mock/clock/advance`, { method: 'POST', body: '{"by":"60s"}' })
      .then((response) => response.text())
      .catch(() => undefined);
  }, 100);
  try {
    const started = performance.now();
    const bulk = spawn(process.execPath, [...flags, cli, 'bulk', file, '-o', output], {
      env: { ...process.env, IIQ_API_KEY: mock.key, IIQ_BASE_URL: mock.url },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    bulk.stderr?.on('data', (chunk) => {
      stderr += String(chunk);
    });
    let peak: number | undefined;
    const sampling = setInterval(() => {
      peak = peakRss(bulk.pid as number) ?? peak;
    }, 50);
    const [code] = (await once(bulk, 'exit')) as [number | null];
    clearInterval(sampling);
    const seconds = (performance.now() - started) / 1_000;
    if (code !== 0) throw new Error(`iiq bulk exited ${code}: ${stderr}`);
    const lines = readFileSync(output, 'utf8').trimEnd().split('\n').length - 1;
    return { rows, lines, seconds, peak, summary: stderr.trim().split('\n').at(-1) ?? '' };
  } finally {
    clearInterval(ticking);
    mock.child.kill('SIGINT');
  }
}

type Figures = Awaited<ReturnType<typeof run>>;

function report(title: string, figures: Figures[]): void {
  console.log(title);
  for (const f of figures) {
    console.log(
      `  ${f.rows.toLocaleString('en-US').padStart(7)} rows: ${f.lines.toLocaleString('en-US')} result rows in ${f.seconds.toFixed(1)} s (${Math.round(f.rows / f.seconds).toLocaleString('en-US')} rows/s), peak RSS ${f.peak ?? '?'} MB`,
    );
    console.log(`    ${f.summary}`);
  }
  const [small, large] = figures;
  if (small?.peak !== undefined && large?.peak !== undefined) {
    console.log(`  peak RSS at 100,000 rows / at 10,000: ${(large.peak / small.peak).toFixed(2)}x`);
  }
}

try {
  const plain: Figures[] = [];
  for (const rows of ROWS) plain.push(await run(rows));
  report(
    'iiq bulk companies.csv -o results.csv against iiq mock (5 jobs in flight, the default)',
    plain,
  );
  const budget: Figures[] = [];
  for (const rows of ROWS) budget.push(await run(rows, BUDGET));
  report(`The same under a fixed heap budget (node ${BUDGET.join(' ')})`, budget);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
