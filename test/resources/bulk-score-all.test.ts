/**
 * `bulk.scoreAll` against the reference mock, on its clock (`sleep` moves it by each wait): one
 * result per input item, bounded concurrency and reading, the job cap waited out, and a run
 * killed after two jobs and run again, paying for every domain exactly once.
 */
import { describe, expect, it } from 'vitest';
import { createMockApi, type MockApiWithHandlers } from '../../mock-server/index.ts';
import {
  APIUserAbortError,
  IntentIQ,
  type ScoreAllOptions,
  type ScoreAllProgress,
  type ScoreAllResult,
  ValidationError,
} from '../../src/index.ts';

function setup(key: 'test' | 'live' = 'test', fetch?: typeof globalThis.fetch) {
  const mock = createMockApi();
  const iiq = new IntentIQ({
    apiKey: mock.keys[key],
    fetch: fetch ?? mock.fetch,
    retryJitter: () => 0,
    logLevel: 'off',
  });
  return { mock, iiq };
}

/** Options that run the whole thing on the mock's clock. */
function onMockClock(mock: MockApiWithHandlers, extra: ScoreAllOptions = {}): ScoreAllOptions {
  return {
    pollInterval: 60_000,
    sleep: (ms) => {
      mock.clock.advance(ms);
    },
    ...extra,
  };
}

const domains = (count: number, from = 0) =>
  Array.from({ length: count }, (_, i) => `account-${from + i}.com`);

async function collect(results: AsyncIterable<ScoreAllResult>): Promise<ScoreAllResult[]> {
  const out: ScoreAllResult[] = [];
  for await (const result of results) out.push(result);
  return out;
}

describe('bulk.scoreAll', () => {
  it('yields one result per input item: scored, unscorable or invalid, with its index', async () => {
    const { mock, iiq } = setup();
    const input = [
      'https://www.stripe.com/',
      'stripe.com',
      'unscorable.test',
      'localhost',
      'notion.so',
    ];
    const results = await collect(iiq.bulk.scoreAll(input, onMockClock(mock)));
    const byIndex = [...results].sort((a, b) => a.index - b.index);
    expect(byIndex.map((r) => [r.index, r.input, r.status])).toEqual([
      [0, 'https://www.stripe.com/', 'scored'],
      [1, 'stripe.com', 'scored'],
      [2, 'unscorable.test', 'unscorable'],
      [3, 'localhost', 'invalid'],
      [4, 'notion.so', 'scored'],
    ]);
    const [stripe] = byIndex;
    expect(stripe).toMatchObject({
      domain: 'stripe.com',
      job_id: expect.stringMatching(/^job_/),
      score: { score: 94, band: 'HOT', company: 'Stripe, Inc.', urgency: 'act_now' },
    });
    expect(byIndex[2]).toMatchObject({
      domain: 'unscorable.test',
      code: 'unscorable_domain',
      message:
        'unscorable.test has no usable signal surface (parked, defunct or no public presence).',
    });
    expect(byIndex[3]).toEqual({
      status: 'invalid',
      index: 3,
      input: 'localhost',
      message: 'must be a domain name such as "stripe.com"',
      job_id: null,
    });
    // The two spellings of stripe.com went in one job, as one domain, charged once.
    expect(mock.requests.list({ method: 'POST', path: '/score/bulk' })[0]?.body).toEqual({
      domains: ['stripe.com', 'unscorable.test', 'notion.so'],
    });
  });

  it('cuts the input into jobs of 1,000 and keeps at most concurrency of them in flight', async () => {
    let mock: MockApiWithHandlers | undefined;
    let busiest = 0;
    const watching: typeof fetch = async (input, init) => {
      const response = await (mock as MockApiWithHandlers).fetch(input, init);
      const jobs = (mock as MockApiWithHandlers).inspect().workspaces[0]?.test.bulk_jobs;
      busiest = Math.max(busiest, (jobs?.queued ?? 0) + (jobs?.running ?? 0));
      return response;
    };
    const made = setup('test', watching);
    mock = made.mock;
    const progress: ScoreAllProgress[] = [];
    const results = await collect(
      made.iiq.bulk.scoreAll(
        domains(5_500),
        onMockClock(made.mock, { concurrency: 2, onProgress: (p) => progress.push(p) }),
      ),
    );
    expect(results).toHaveLength(5_500);
    expect(new Set(results.map((r) => r.index)).size).toBe(5_500);
    expect(busiest).toBe(2);
    const posts = made.mock.requests.list({ method: 'POST', path: '/score/bulk' });
    expect(posts.map((p) => (p.body as { domains: string[] }).domains.length).sort()).toEqual([
      1000, 1000, 1000, 1000, 1000, 500,
    ]);
    expect(Math.max(...progress.map((p) => p.jobs_in_flight))).toBe(2);
    expect(progress.at(-1)).toMatchObject({
      read: 5_500,
      done: 5_500,
      jobs_in_flight: 0,
      jobs_submitted: 6,
      jobs_completed: 6,
      jobs_reused: 0,
    });
  });

  it('reads the input only as job slots free up, so memory is bounded by the jobs in flight', async () => {
    const { mock, iiq } = setup();
    let pulled = 0;
    function* endless() {
      for (let i = 0; ; i++) {
        pulled++;
        yield `lazy-${i}.com`;
      }
    }
    let seen = 0;
    for await (const _ of iiq.bulk.scoreAll(endless(), onMockClock(mock, { concurrency: 2 }))) {
      if (seen++ === 0) expect(pulled).toBeLessThanOrEqual(2_000);
      if (seen === 2_500) break;
    }
    expect(pulled).toBeLessThanOrEqual(4_000);
  });

  it('yields invalid items as it reads them, so any number in a row holds memory flat', async () => {
    const { mock, iiq } = setup();
    let pulled = 0;
    function* typos() {
      for (let i = 0; i < 200_000; i++) {
        pulled++;
        yield `not a domain ${i}`;
      }
    }
    let seen = 0;
    for await (const result of iiq.bulk.scoreAll(typos(), onMockClock(mock))) {
      if (seen++ === 0) {
        expect(result).toMatchObject({ status: 'invalid', index: 0, job_id: null });
        expect(pulled).toBe(1_000);
      }
      if (seen === 100_000) break;
    }
    expect(pulled).toBe(100_000);
  });

  it('keeps jobs of 1,000 valid domains when invalid items come between them', async () => {
    const { mock, iiq } = setup();
    const input = [
      ...Array.from({ length: 2_500 }, (_, i) => `typo ${i}`),
      ...domains(1_000),
      ...Array.from({ length: 2_500 }, (_, i) => `typo ${2_500 + i}`),
      ...domains(500, 1_000),
    ];
    const results = await collect(iiq.bulk.scoreAll(input, onMockClock(mock)));
    expect(results).toHaveLength(6_500);
    expect(results.filter((r) => r.status === 'scored')).toHaveLength(1_500);
    const jobs = mock.requests.list({ method: 'POST', path: '/score/bulk' });
    expect(jobs.map((job) => (job.body as { domains: string[] }).domains.length)).toEqual([
      500, 1_000,
    ]);
  });

  it('takes an async iterable, and lets it clean up when the loop stops early', async () => {
    const { mock, iiq } = setup();
    let closed = false;
    async function* rows() {
      try {
        for (const domain of ['stripe.com', 'notion.so', 'linear.app']) yield domain;
      } finally {
        closed = true;
      }
    }
    for await (const result of iiq.bulk.scoreAll(rows(), onMockClock(mock))) {
      expect(result.status).toBe('scored');
      break;
    }
    expect(closed).toBe(true);
  });

  it('is killed after two jobs, run again, and pays for every domain exactly once', async () => {
    const { mock, iiq } = setup('live');
    const input = domains(5_000);
    const controller = new AbortController();
    const first: ScoreAllResult[] = [];
    const killed = await (async () => {
      for await (const result of iiq.bulk.scoreAll(
        input,
        onMockClock(mock, {
          concurrency: 2,
          signal: controller.signal,
          onProgress: (p) => {
            if (p.jobs_submitted === 2) controller.abort();
          },
        }),
      ))
        first.push(result);
    })().catch((error: unknown) => error);
    expect(killed).toBeInstanceOf(APIUserAbortError);
    expect(first).toHaveLength(0);
    expect(mock.credits.get().used).toBe(2_000);

    const progress: ScoreAllProgress[] = [];
    const again = await collect(
      iiq.bulk.scoreAll(
        input,
        onMockClock(mock, { concurrency: 2, onProgress: (p) => progress.push(p) }),
      ),
    );
    expect(again).toHaveLength(5_000);
    expect(again.every((r) => r.status === 'scored')).toBe(true);
    expect(progress.at(-1)).toMatchObject({
      jobs_submitted: 5,
      jobs_reused: 2,
      credits_charged: 3_000,
    });
    expect(mock.credits.get().used).toBe(5_000);
    const creates = mock.requests.list({ method: 'POST', path: '/score/bulk' }).reverse();
    expect(creates.map((c) => c.status)).toEqual([202, 202, 202, 202, 202, 202, 202]);
    expect(mock.inspect().workspaces[0]?.live.bulk_jobs.completed).toBe(5);
  });

  it('starts a new run, paid anew, when the tag changes', async () => {
    const { mock, iiq } = setup('live');
    await collect(iiq.bulk.scoreAll(domains(10), onMockClock(mock, { tag: 'monday' })));
    await collect(iiq.bulk.scoreAll(domains(10), onMockClock(mock, { tag: 'monday' })));
    expect(mock.credits.get().used).toBe(10);
    await collect(iiq.bulk.scoreAll(domains(10), onMockClock(mock, { tag: 'tuesday' })));
    expect(mock.credits.get().used).toBe(20);
  });

  it('waits on the job cap (429, Retry-After) instead of failing', async () => {
    const { mock, iiq } = setup();
    // Another process of the workspace holds all 10 job slots.
    for (let i = 0; i < 10; i++) await iiq.bulk.create({ domains: domains(1_000, i * 1_000) });
    const waits: number[] = [];
    const results = await collect(
      iiq.bulk.scoreAll(
        ['stripe.com', 'notion.so'],
        onMockClock(mock, { onProgress: (p) => waits.push(p.waiting_seconds) }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(['scored', 'scored']);
    const [refused, accepted] = mock.requests
      .list({ method: 'POST', path: '/score/bulk' })
      .slice(0, 2)
      .reverse();
    expect(refused?.status).toBe(429);
    expect(accepted?.status).toBe(202);
    expect(Math.max(...waits)).toBe(202);
  });

  it('retries a create that failed on the server with the same Idempotency-Key', async () => {
    const { mock, iiq } = setup('live');
    mock.faults.inject({ path: '/score/bulk', method: 'POST', status: 503, count: 2 });
    const results = await collect(iiq.bulk.scoreAll(domains(3), onMockClock(mock)));
    expect(results).toHaveLength(3);
    expect(mock.credits.get().used).toBe(3);
    const creates = mock.requests.list({ method: 'POST', path: '/score/bulk' });
    expect(creates.map((c) => c.status).reverse()).toEqual([503, 503, 202]);
  });

  it('refuses bad options at once, before reading or sending anything', () => {
    const { iiq } = setup();
    const refused = (call: () => unknown) => {
      try {
        call();
      } catch (error) {
        return error;
      }
      return undefined;
    };
    const tooMany = refused(() => iiq.bulk.scoreAll(['stripe.com'], { concurrency: 11 }));
    expect(tooMany).toBeInstanceOf(ValidationError);
    expect(tooMany).toMatchObject({ field: 'concurrency' });
    expect((tooMany as Error).message).toBe('concurrency must be an integer from 1 to 10.');
    const notAList = refused(() => iiq.bulk.scoreAll('stripe.com' as unknown as string[]));
    expect(notAList).toMatchObject({ field: 'domains' });
    expect(refused(() => iiq.bulk.scoreAll([], { tag: 'x'.repeat(256) }))).toMatchObject({
      field: 'tag',
    });
  });

  it('ends with nothing when the input is empty', async () => {
    const { mock, iiq } = setup();
    expect(await collect(iiq.bulk.scoreAll([], onMockClock(mock)))).toEqual([]);
    expect(mock.requests.list()).toEqual([]);
  });
});
