/**
 * `iiq bulk companies.csv`: a CSV of any length through `bulk.scoreAll`, with its progress on
 * stderr (a bar on a terminal, a line every few seconds elsewhere) and a clean Ctrl-C that says how
 * to resume.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { startProgress } from '../../../mock-server/cli/bulk-progress.ts';
import type { CliIO } from '../../../mock-server/cli/io.ts';
import { main } from '../../../mock-server/cli/main.ts';
import { createMockApi } from '../../../mock-server/index.ts';

const CLI = fileURLToPath(new URL('../../../mock-server/cli/main.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'iiq-bulk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function memoryIO(
  env: Record<string, string | undefined> = {},
  progressStream?: CliIO['progressStream'],
): CliIO & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return {
    lines,
    errors,
    out: (line) => lines.push(line),
    err: (line) => errors.push(line),
    env,
    ...(progressStream === undefined ? {} : { progressStream }),
  };
}

function csvFile(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const COMPANIES =
  'Company_Name,Domain\r\n"Stripe, Inc.",stripe.com\r\nNotion,notion.so\r\n,\r\nParked,unscorable.test\r\n';

describe('iiq bulk', () => {
  it('scores every row with the built-in mock when no key is set, and writes the results CSV', async () => {
    const out = join(dir, 'results.csv');
    const io = memoryIO();
    expect(await main(['bulk', csvFile('companies.csv', COMPANIES), '-o', out], io)).toBe(0);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe(
      'row,input,domain,company_name,status,score,band,delta_30d,funding,hiring,news,tech,web,company,buying_stage,urgency,why_now,key_triggers,action,decay_date,computed_at,message',
    );
    const rows = lines.slice(1).sort();
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatch(
      /^1,stripe\.com,stripe\.com,"Stripe, Inc\.",scored,94,HOT,12,96,88,92,78,84,"Stripe, Inc\.",decision,act_now,"Today: Pricing page traffic up 18% month over month \(web\), with 4 more strong signals in 30 days\.",Coverage of a late-stage financing round; Developer conference keynote coverage; Hiring: Senior Revenue Operations Analyst; Pricing page traffic up 18% month over month; Added a product analytics tool to the docs site,Reference Series H\. Anchor on RevOps\.,/,
    );
    expect(rows[2]).toBe(',,,invalid,,,,,,,,,,,,,,,,,must not be empty'.replace(/^/, '3,'));
    expect(rows[3]).toMatch(
      /^4,unscorable\.test,unscorable\.test,Parked,unscorable,.*has no usable signal surface/,
    );
    expect(io.errors.at(-1)).toBe(
      `iiq bulk: 2 scored, 1 unscorable, 1 invalid, of 4 rows, in 1 jobs (0 reused); 0 credits (test mode: the built-in mock; set IIQ_API_KEY to use the API). Results in ${out}.`,
    );
  });

  it('writes to stdout without -o, with no company_name column when the file has none', async () => {
    const io = memoryIO();
    expect(await main(['bulk', csvFile('plain.csv', 'domain\nlinear.app\n')], io)).toBe(0);
    expect(io.lines).toHaveLength(2);
    expect(io.lines[0]?.startsWith('row,input,domain,status,score')).toBe(true);
    expect(io.lines[1]).toMatch(/^1,linear\.app,linear\.app,scored,84,HOT,/);
  });

  it('asks the API at IIQ_BASE_URL with IIQ_API_KEY, and a second run pays nothing', async () => {
    const mock = createMockApi();
    const server = await mock.listen();
    // The CLI waits in real time; the mock's clock runs ahead so that its jobs finish at once.
    const clock = setInterval(() => mock.clock.advance('30s'), 20);
    try {
      const env = { IIQ_API_KEY: mock.keys.live, IIQ_BASE_URL: server.url };
      const file = csvFile('live.csv', 'domain\nstripe.com\nnotion.so\nstripe.com\n');
      const first = memoryIO(env);
      expect(await main(['bulk', file, '--tag', 'q3'], first)).toBe(0);
      expect(first.lines).toHaveLength(4);
      expect(first.errors.at(-1)).toBe(
        'iiq bulk: 3 scored, 0 unscorable, 0 invalid, of 3 rows, in 1 jobs (0 reused); 2 credits.',
      );
      const again = memoryIO(env);
      expect(await main(['bulk', file, '--tag', 'q3'], again)).toBe(0);
      expect(again.errors.at(-1)).toBe(
        'iiq bulk: 3 scored, 0 unscorable, 0 invalid, of 3 rows, in 1 jobs (1 reused); 0 credits.',
      );
      expect(mock.credits.get().used).toBe(2);
    } finally {
      clearInterval(clock);
      await server.close();
    }
  });

  it('draws a progress bar when stderr is a terminal', async () => {
    let drawn = '';
    const terminal = Object.assign(
      new Writable({
        write(chunk, _encoding, done) {
          drawn += String(chunk);
          done();
        },
      }),
      {
        isTTY: true,
        columns: 120,
        cursorTo: () => true,
        clearLine: () => true,
        moveCursor: () => true,
      },
    );
    const io = memoryIO({}, terminal);
    expect(await main(['bulk', csvFile('bar.csv', 'domain\nstripe.com\nnotion.so\n')], io)).toBe(0);
    expect(drawn).toMatch(/ 2\/2 domains \| 0 jobs in flight \| 0 credits \| ETA /);
  });

  it('prints one progress line every few seconds when stderr is not a terminal', () => {
    vi.useFakeTimers({ now: 0 });
    try {
      const io = memoryIO();
      const progress = startProgress(io, 100_000);
      const state = {
        read: 12_000,
        done: 10_000,
        jobs_in_flight: 2,
        jobs_submitted: 12,
        jobs_reused: 0,
        jobs_completed: 10,
        credits_charged: 12_000,
        waiting_seconds: 0,
      };
      progress.update(state);
      vi.setSystemTime(4_000);
      progress.update(state);
      expect(io.errors).toEqual([]);
      vi.setSystemTime(10_000);
      progress.update(state);
      expect(io.errors).toEqual([
        'iiq bulk: 10,000 of 100,000 domains; about 1m30s left; 2 jobs in flight, 12,000 credits',
      ]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses a file it cannot use with a usage error', async () => {
    const missing = memoryIO();
    expect(await main(['bulk', join(dir, 'nope.csv')], missing)).toBe(2);
    expect(missing.errors[0]).toBe(`iiq: cannot read ${join(dir, 'nope.csv')}`);
    const noColumn = memoryIO();
    const file = csvFile('no-domain.csv', 'name,website\nStripe,stripe.com\n');
    expect(await main(['bulk', file], noColumn)).toBe(2);
    expect(noColumn.errors[0]).toBe(
      `iiq: ${file} has no "domain" column in its header row (any case)`,
    );
    const concurrency = memoryIO();
    expect(await main(['bulk', file, '--concurrency', '11'], concurrency)).toBe(2);
    expect(concurrency.errors[0]).toBe('iiq: --concurrency must be a number from 1 to 10, got 11');
    const none = memoryIO();
    expect(await main(['bulk'], none)).toBe(2);
  });

  it('refuses a file that is not CSV with a usage error that says where, quoting nothing of it', async () => {
    const cases: [string, string | Uint8Array, string][] = [
      [
        'ragged.csv',
        'domain,company_name\nstripe.com,Stripe\nnotion.so\n',
        'a row on line 3 has a different number of fields than the header row',
      ],
      ['unclosed.csv', 'domain\n"stripe.com\n', 'a quoted field is never closed'],
      [
        'binary.csv',
        new Uint8Array([
          ...Buffer.from('domain\nstripe.com\n'),
          0x61,
          0x22,
          0x1b,
          0x5b,
          0x32,
          0x4a,
        ]),
        'it is not valid CSV (RFC 4180) on line 3',
      ],
    ];
    for (const [name, content, why] of cases) {
      const io = memoryIO();
      const file = join(dir, name);
      writeFileSync(file, content);
      expect(await main(['bulk', file], io), name).toBe(2);
      expect(io.errors).toEqual([
        `iiq: ${file} cannot be read: ${why}. Export it as "CSV UTF-8".`,
        'Run iiq --help for usage.',
      ]);
    }
    const directory = memoryIO();
    expect(await main(['bulk', dir], directory)).toBe(2);
    expect(directory.errors[0]).toBe(`iiq: cannot read ${dir}`);
  });

  it('stops cleanly on Ctrl-C and says how to resume', async () => {
    const mock = createMockApi(); // its clock stands still: the job never finishes by itself
    const server = await mock.listen();
    try {
      const file = csvFile('stop.csv', 'domain\nstripe.com\nnotion.so\n');
      const out = join(dir, 'stopped.csv');
      const child = spawn(process.execPath, [CLI, 'bulk', file, '-o', out, '--tag', 'crm sync'], {
        env: { ...process.env, IIQ_API_KEY: mock.keys.live, IIQ_BASE_URL: server.url },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      let stderr = '';
      child.stderr?.on('data', (chunk) => {
        stderr += chunk;
      });
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      // Once the job is created and polled, the run is waiting for it: stop it there.
      const polled = () => mock.requests.list().some((e) => e.path.startsWith('/v1/score/bulk/'));
      for (let i = 0; i < 400 && !polled(); i++) {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(polled()).toBe(true);
      child.kill('SIGINT');
      expect(await exited).toBe(130);
      expect(stderr.trim().split('\n').slice(-3)).toEqual([
        'iiq bulk: stopped after 0 of 2 rows.',
        'The 1 jobs in flight keep running and are paid for. To resume without paying twice, run the same command again within 24 hours:',
        `  iiq bulk ${file} -o ${out} --tag 'crm sync'`,
      ]);
      expect(mock.credits.get().used).toBe(2);
    } finally {
      await server.close();
    }
  });
});
