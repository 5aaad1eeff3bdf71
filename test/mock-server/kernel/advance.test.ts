/**
 * Moving the clock: an advance costs what falls due, not how far it jumps, and refuses what no
 * clock could show.
 */
import { describe, expect, it } from 'vitest';
import { createMockApi } from '../../../mock-server/index.ts';
import { Clock, DAY_MS } from '../../../mock-server/kernel/clock.ts';
import { MAX_ADVANCE_WORK } from '../../../mock-server/kernel/kernel.ts';
import { Scheduler } from '../../../mock-server/kernel/scheduler.ts';
import { mockApi } from '../helpers.ts';

async function control(path: string, body: unknown) {
  const mock = createMockApi();
  const response = await mock.fetch(`https://api.intentiq.dev/__mock/${path}`, {
    method: 'POST',
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as { error: { message: string } },
  };
}

describe('POST /__mock/clock/advance', () => {
  it.each([[1e308], ['99999999d'], [36_526 * DAY_MS], ['36526d']])(
    'refuses %j with a 400 that names the limit',
    async (by) => {
      const reply = await control('clock/advance', { by });
      expect(reply.status).toBe(400);
      expect(reply.body.error.message).toContain('100 years');
    },
  );

  it('refuses a duration written over more than 64 characters', async () => {
    const reply = await control('clock/advance', { by: '1s'.repeat(40) });
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toContain('64 characters');
  });

  it('refuses an advance past 9999-12-31', async () => {
    const mock = createMockApi({ now: '9999-12-01T00:00:00Z' });
    expect(() => mock.clock.advance('60d')).toThrow(/9999-12-31T23:59:59Z/);
    expect(mock.clock.now().toISOString()).toBe('9999-12-01T00:00:00.000Z');
  });

  it('refuses a date to set outside 1970..9999', async () => {
    const reply = await control('clock/set', { to: '+010000-01-01T00:00:00Z' });
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toContain('9999-12-31T23:59:59Z');
  });

  it('advances 100 years in one step when nothing falls due', () => {
    const mock = createMockApi();
    expect(mock.clock.advance('36525d').toISOString()).toBe('2126-05-29T14:02:11.000Z');
    // The daily refreshes of watchlists and of scoring profiles, waiting.
    expect(mock.inspect().scheduled_tasks).toBe(2);
  });
});

describe(`at most ${MAX_ADVANCE_WORK.toLocaleString('en-US')} refreshes in one move of the clock`, () => {
  async function watching(accounts: number) {
    const api = mockApi({ rateLimits: false });
    const domains = Array.from({ length: accounts }, (_, i) => `account-${i}.com`);
    await api.post('/watchlists', { name: 'Pipeline', accounts: domains });
    return api;
  }

  it('refuses 100 years of a full Team watchlist at once, naming the work and the limit, and moves nothing', async () => {
    const api = await watching(1_000);
    expect(() => api.mock.clock.advance('36525d')).toThrow(
      'would run 36,525,000 watchlist account refreshes on the way; one move of the clock runs at most 1,000,000',
    );
    expect(api.mock.clock.now().toISOString()).toBe('2026-05-28T14:02:11.000Z');
    const reply = await api.mock.fetch('https://api.intentiq.dev/__mock/clock/set', {
      method: 'POST',
      body: JSON.stringify({ to: '2029-03-01T00:00:00Z' }), // 1,008 midnights
    });
    expect(reply.status).toBe(400);
    expect(((await reply.json()) as { error: { message: string } }).error.message).toContain(
      '1,008,000 watchlist account refreshes',
    );
  });

  it('still makes shorter moves: the same work, in steps', async () => {
    const api = await watching(1_000);
    expect(() => api.mock.clock.advance('1001d')).toThrow('1,001,000 watchlist account refreshes');
    expect(api.mock.clock.advance('2d').toISOString()).toBe('2026-05-30T14:02:11.000Z');
  });
});

describe('Scheduler.workUntil', () => {
  it('counts each occurrence up to the target, the target included, times the work of one', () => {
    const clock = new Clock(Date.UTC(2026, 4, 28, 14, 2, 11));
    const scheduler = new Scheduler(clock);
    const midnight = (t: number) => (Math.floor(t / DAY_MS) + 1) * DAY_MS;
    scheduler.every(
      midnight,
      () => {},
      () => false,
      { units: 'things', count: () => 1_000 },
    );
    scheduler.every(midnight, () => {}); // counts nothing
    const start = Date.UTC(2026, 4, 29);
    expect(scheduler.workUntil(start - 1)).toEqual([]);
    expect(scheduler.workUntil(start)).toEqual([{ units: 'things', total: 1_000 }]);
    expect(scheduler.workUntil(start + 999 * DAY_MS)).toEqual([
      { units: 'things', total: 1_000_000 },
    ]);
    expect(scheduler.workUntil(start + 1_000 * DAY_MS)).toEqual([
      { units: 'things', total: 1_001_000 },
    ]);
  });
});

describe('Scheduler.runUntil', () => {
  it('jumps several idle recurring tasks past a long stretch at once, not a day at a time each', () => {
    const clock = new Clock(Date.UTC(2026, 4, 28, 14, 2, 11));
    const scheduler = new Scheduler(clock);
    const midnight = (t: number) => (Math.floor(t / DAY_MS) + 1) * DAY_MS;
    let checks = 0;
    const idle = () => {
      checks++;
      return true;
    };
    const ran: string[] = [];
    scheduler.every(midnight, () => ran.push('a'), idle);
    scheduler.every(midnight, () => ran.push('b'), idle);
    // A one-off task in the middle of the stretch still runs, at its time.
    const middle = Date.UTC(2076, 0, 1);
    scheduler.at(middle, () => ran.push(new Date(clock.now()).toISOString()));
    scheduler.runUntil(clock.now() + 36_525 * DAY_MS);
    expect(ran).toEqual(['2076-01-01T00:00:00.000Z']);
    expect(checks).toBeLessThan(20);
  });
});

describe('what falls due during an advance', () => {
  /** The watchlist refreshes recorded, as the days they ran. */
  function refreshDays(api: ReturnType<typeof mockApi>): string[] {
    return api.mock.events
      .list({ type: 'score.computed' })
      .filter((event) => (event.data as { trigger?: string }).trigger === 'watchlist_refresh')
      .map((event) => event.created.slice(0, 10))
      .reverse();
  }

  it('runs every daily refresh in one long jump, as day by day', async () => {
    const jump = mockApi();
    const steps = mockApi();
    for (const api of [jump, steps]) {
      await api.post('/watchlists', { name: 'Pipeline', accounts: ['rising.test'] });
    }
    jump.mock.clock.advance('10d');
    for (let day = 0; day < 10; day++) steps.mock.clock.advance('1d');
    expect(refreshDays(jump)).toHaveLength(1 + 10); // the first score, then one a day
    expect(refreshDays(jump)).toEqual(refreshDays(steps));
    const bands = (api: ReturnType<typeof mockApi>) =>
      api.mock.events.list({ type: 'account.band_changed' }).map((event) => event.data);
    expect(bands(jump)).toHaveLength(1);
    expect(bands(jump)).toEqual(bands(steps));
  });

  it('skips idle days only: an account added after a long idle jump is refreshed the next midnight', async () => {
    const api = mockApi();
    api.mock.clock.advance('3650d');
    await api.post('/watchlists', { name: 'Later', accounts: ['notion.so'] });
    api.mock.clock.advance('1d');
    const days = refreshDays(api);
    expect(days).toHaveLength(2);
    expect(days[1]).toBe('2036-05-26');
  });

  it('still runs the jobs and deliveries that fall due inside an idle stretch', async () => {
    const api = mockApi();
    const job = await api.post('/score/bulk', { domains: ['stripe.com', 'notion.so'] });
    api.mock.clock.advance('36525d');
    const done = await api.get(`/score/bulk/${job.body.id}`);
    expect(done.body.status).toBe('completed');
    expect(done.body.completed_at).toBe('2026-05-28T14:02:14Z');
  });
});
