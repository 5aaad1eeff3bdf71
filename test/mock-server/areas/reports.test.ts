import { describe, expect, it } from 'vitest';
import { companyFor } from '../../../mock-server/world/snapshots.ts';
import type { Score } from '../../../src/index.ts';
import { type Api, mockApi } from '../helpers.ts';
import {
  expectedReport,
  type OracleInputs,
  quarter,
  type SeenOutcome,
  type SeenScore,
} from './report-oracle.ts';

type Recorded = SeenOutcome & { id: string; score_at_outcome: number | null };

/** A mock whose test-mode scores are all seen, as `score.computed` events, in the order computed. */
function observed(start: string) {
  const api = mockApi({ now: start, rateLimits: false });
  const scores: SeenScore[] = [];
  api.mock.events.subscribe((space, event) => {
    if (space.mode !== 'test' || event.type !== 'score.computed') return;
    const { score } = event.data as { score: Score };
    scores.push({
      domain: score.domain,
      score: score.score as number,
      band: score.band as SeenScore['band'],
      delta_30d: score.delta_30d,
      at: Date.parse(score.computed_at),
      signals: score.signals as Record<string, number>,
      order: scores.length,
    });
  });
  const outcomes = new Map<string, Recorded>();
  let recorded = 0;
  const record = async (body: Record<string, unknown>) => {
    const reply = await api.post('/outcomes', body);
    expect(reply.status, reply.text).toBe(201);
    outcomes.set(reply.body.id, { ...reply.body, order: recorded++ });
    return reply.body;
  };
  return { api, scores, outcomes, record };
}

/** Evidence titles of each domain, read once at the end (cache hits: no new score). */
async function evidenceOf(api: Api, domains: Iterable<string>) {
  const evidence = new Map<string, Record<string, string[]>>();
  for (const domain of domains) {
    const reply = await api.post('/score', { domain, include: ['signals.evidence'] });
    const titles: Record<string, string[]> = {};
    for (const [name, signal] of Object.entries(reply.body.signals)) {
      titles[name] = (signal as { evidence: { title: string }[] }).evidence.map((e) => e.title);
    }
    evidence.set(domain, titles);
  }
  return evidence;
}

const WATCHED_Q1 = [
  'stripe.com',
  'notion.so',
  'linear.app',
  'figma.com',
  'vercel.com',
  'ramp.com',
  'hubspot.com',
  'zendesk.com',
  'dropbox.com',
  'okta.com',
  'rising.test',
];
const WATCHED_Q2 = ['cooling.test', 'posthog.com', 'supabase.com'];

describe('the pipeline report', () => {
  it('recomputes exactly from the outcomes and scores of two quarters', async () => {
    const { api, scores, outcomes, record } = observed('2026-02-09T10:00:00Z');

    // 2026-Q1: a watchlist, single scores, a cache hit, a forced refresh, a bulk job.
    const { body: watchlist } = await api.post('/watchlists', {
      name: 'Targets',
      accounts: WATCHED_Q1,
    });
    await api.post('/score', { domain: 'asana.com' });
    await api.post('/score', { domain: 'calendly.com' });
    expect((await api.post('/score', { domain: 'notion.so' })).headers.get('x-iiq-cache')).toBe(
      'hit',
    );
    expect((await api.post('/score', { domain: 'unscorable.test' })).status).toBe(422);
    await api.post('/score', { domain: 'stripe.com', force_refresh: true });
    const { body: job } = await api.post('/score/bulk', {
      domains: ['etsy.com', 'gitlab.com', 'asana.com'],
    });
    api.mock.clock.advance('3s');
    expect((await api.get(`/score/bulk/${job.id}`)).body.status).toBe('completed');

    const beforeFirstScore = await record({
      domain: 'stripe.com',
      outcome: 'contacted',
      occurred_at: '2026-02-01T09:00:00Z',
    });
    expect(beforeFirstScore).toMatchObject({ score_at_outcome: null, band_at_outcome: null });
    await record({ domain: 'stripe.com', outcome: 'meeting_booked' });
    await record({ domain: 'notion.so', outcome: 'contacted', notes: 'Intro via the CFO.' });
    await record({ domain: 'zendesk.com', outcome: 'no_response' });
    await record({ domain: 'asana.com', outcome: 'contacted' });
    await record({ domain: 'etsy.com', outcome: 'disqualified' });
    await record({ domain: 'dropbox.com', outcome: 'meeting_booked' });
    api.mock.clock.advance('20d'); // daily refreshes: rising.test climbs into HOT
    await record({ domain: 'rising.test', outcome: 'contacted' });

    const firstQ1 = await api.get('/reports/pipeline?period=2026-Q1');
    const atFirstQ1 = { scores: scores.length, outcomes: [...outcomes.values()] };

    // 2026-Q2, seven weeks on.
    api.mock.clock.set('2026-04-14T08:15:00Z');
    await api.put(`/watchlists/${watchlist.id}/accounts`, { accounts: WATCHED_Q2 });
    for (const domain of ['vanta.com', 'deel.com', 'calendly.com']) {
      await api.post('/score', { domain });
    }
    await record({ domain: 'stripe.com', outcome: 'won' });
    const linear = await record({ domain: 'linear.app', outcome: 'opportunity' });
    await record({ domain: 'figma.com', outcome: 'meeting_booked' });
    await record({ domain: 'rising.test', outcome: 'meeting_booked' });
    await record({ domain: 'cooling.test', outcome: 'lost' });
    await record({ domain: 'zendesk.com', outcome: 'lost' });
    const okta = await record({ domain: 'okta.com', outcome: 'no_response' });
    await record({ domain: 'vanta.com', outcome: 'contacted' });
    await record({ domain: 'deel.com', outcome: 'won' });
    await record({ domain: 'posthog.com', outcome: 'disqualified' });
    await record({ domain: 'hubspot.com', outcome: 'opportunity' });
    // Two outcomes at the same moment: the one recorded later decides.
    await record({
      domain: 'supabase.com',
      outcome: 'contacted',
      occurred_at: '2026-04-14T08:00:00Z',
    });
    await record({
      domain: 'supabase.com',
      outcome: 'meeting_booked',
      occurred_at: '2026-04-14T08:00:00Z',
    });
    // Recorded now, happened in Q1.
    await record({ domain: 'notion.so', outcome: 'won', occurred_at: '2026-03-30T12:00:00Z' });
    const patched = await api.patch(`/outcomes/${linear.id}`, { outcome: 'lost' });
    outcomes.set(linear.id, {
      ...(outcomes.get(linear.id) as Recorded),
      outcome: patched.body.outcome,
    });
    expect((await api.delete(`/outcomes/${okta.id}`)).status).toBe(200);
    outcomes.delete(okta.id);
    api.mock.clock.advance('1d');

    const q2 = await api.get('/reports/pipeline');
    const cachedQ1 = await api.get('/reports/pipeline?period=2026-Q1');
    const regeneratedQ1 = await api.post('/reports/pipeline', { period: '2026-Q1' });

    // Every outcome's score is the latest score seen at or before it (to the second).
    for (const outcome of outcomes.values()) {
      const at = Date.parse(outcome.occurred_at);
      const seen = scores.filter((s) => s.domain === outcome.domain && s.at <= at).at(-1);
      expect([outcome.domain, outcome.score_at_outcome, outcome.band_at_outcome]).toEqual([
        outcome.domain,
        seen?.score ?? null,
        seen?.band ?? null,
      ]);
    }

    const seenDomains = new Set(scores.map((s) => s.domain));
    const inputs = (
      period: string,
      seen: { scores: number; outcomes: readonly SeenOutcome[] },
    ): OracleInputs => ({
      scores: scores.filter((s) => s.order < seen.scores),
      outcomes: seen.outcomes,
      watchlisted: new Set([...WATCHED_Q1, ...WATCHED_Q2]),
      evidence,
      company: (domain) => companyFor(domain).name,
      period: quarter(period),
      prior: quarter(period === '2026-Q2' ? '2026-Q1' : '2025-Q4'),
    });
    const atEnd = { scores: scores.length, outcomes: [...outcomes.values()] };
    const evidence = await evidenceOf(api, seenDomains);

    const expectedQ2 = expectedReport(inputs('2026-Q2', atEnd));
    expect(q2.body).toEqual({
      period: '2026-Q2',
      generated_at: '2026-04-15T08:15:00Z',
      cached: false,
      ...expectedQ2,
      mode: 'test',
    });
    expect(regeneratedQ1.body).toEqual({
      period: '2026-Q1',
      generated_at: '2026-04-15T08:15:00Z',
      cached: false,
      ...expectedReport(inputs('2026-Q1', atEnd)),
      mode: 'test',
    });
    expect(firstQ1.body).toEqual({
      period: '2026-Q1',
      generated_at: '2026-03-01T10:00:03Z',
      cached: false,
      ...expectedReport(inputs('2026-Q1', atFirstQ1)),
      mode: 'test',
    });
    // The cached Q1 report is the one generated in Q1, whatever happened since.
    expect(cachedQ1.body).toEqual({ ...firstQ1.body, cached: true });
    expect(cachedQ1.body.outcome_summary).not.toEqual(regeneratedQ1.body.outcome_summary);

    // The figures say something: none of them is trivially zero.
    expect(expectedQ2.accounts_scored.trend_vs_prior).not.toBeNull();
    expect(expectedQ2.market_demand_signal).not.toBe('insufficient_data');
    expect(expectedQ2.outcome_summary.total_tracked).toBeGreaterThanOrEqual(10);
    expect(expectedQ2.outcome_summary.by_band.HOT.tracked).toBeGreaterThan(0);
    expect(expectedQ2.outcome_summary.by_band.WARM.tracked).toBeGreaterThan(0);
    expect(expectedQ2.outcome_summary.by_band.COLD.tracked).toBeGreaterThan(0);
    expect(expectedQ2.top_triggers.length).toBe(10);
  });
});

describe('report periods and caching', () => {
  it('defaults to the current quarter on the mock clock, and caches it until regenerated', async () => {
    const api = mockApi(); // 2026-05-28T14:02:11Z
    await api.post('/score', { domain: 'stripe.com' });
    const first = await api.get('/reports/pipeline');
    expect(first.body).toMatchObject({
      period: '2026-Q2',
      generated_at: '2026-05-28T14:02:11Z',
      cached: false,
      accounts_scored: { total: 1, trend_vs_prior: null },
    });
    api.mock.clock.advance('1h');
    await api.post('/score', { domain: 'notion.so' });
    const again = await api.get('/reports/pipeline?period=2026-Q2');
    expect(again.body).toEqual({ ...first.body, cached: true });

    const fresh = await api.post('/reports/pipeline'); // no body: the current quarter
    expect(fresh.status).toBe(200);
    expect(fresh.body).toMatchObject({
      period: '2026-Q2',
      generated_at: '2026-05-28T15:02:11Z',
      cached: false,
      accounts_scored: { total: 2 },
    });
    expect((await api.get('/reports/pipeline')).body).toEqual({ ...fresh.body, cached: true });
  });

  it('reports a past quarter with nothing in it as zeros, and the current one as it stands', async () => {
    const reply = await mockApi().post('/reports/pipeline', { period: '1970-Q1' });
    expect(reply.body).toEqual({
      period: '1970-Q1',
      generated_at: '2026-05-28T14:02:11Z',
      cached: false,
      accounts_scored: { total: 0, trend_vs_prior: null },
      band_distribution: { HOT: 0, WARM: 0, COLD: 0 },
      top_accounts: [],
      top_triggers: [],
      outcome_summary: {
        total_tracked: 0,
        contacted_rate: 0,
        meeting_rate: 0,
        opportunity_rate: 0,
        win_rate: 0,
        by_band: {
          HOT: { tracked: 0, meeting_rate: 0, win_rate: 0 },
          WARM: { tracked: 0, meeting_rate: 0, win_rate: 0 },
          COLD: { tracked: 0, meeting_rate: 0, win_rate: 0 },
        },
      },
      market_demand_signal: 'insufficient_data',
      mode: 'test',
    });
  });

  it.each([
    ['2026-Q5', 'period must be a quarter such as "2026-Q2".'],
    ['2026-2', 'period must be a quarter such as "2026-Q2".'],
    ['26-Q1', 'period must be a quarter such as "2026-Q2".'],
    [
      '2026-Q3',
      "period 2026-Q3 has not begun: the API's clock reads 2026-05-28T14:02:11Z, in 2026-Q2.",
    ],
    [
      '9999-Q4',
      "period 9999-Q4 has not begun: the API's clock reads 2026-05-28T14:02:11Z, in 2026-Q2.",
    ],
    ['1969-Q4', 'period must be 1970-Q1 or later.'],
  ])('refuses period %s with 400 on period, on GET and POST', async (period, message) => {
    const api = mockApi();
    for (const reply of [
      await api.get(`/reports/pipeline?period=${period}`),
      await api.post('/reports/pipeline', { period }),
    ]) {
      expect(reply.status).toBe(400);
      expect(reply.body.error).toMatchObject({ code: 'invalid_request', field: 'period', message });
    }
    expect(api.mock.inspect().workspaces[0]?.test.pipeline_reports).toBe(0);
  });

  it('refuses an unknown query parameter or body field', async () => {
    const api = mockApi();
    expect((await api.get('/reports/pipeline?quarter=2026-Q2')).body.error.field).toBe('quarter');
    expect((await api.post('/reports/pipeline', { period: '2026-Q2', force: true })).status).toBe(
      400,
    );
  });

  it('keeps 100 reports cached; the one generated longest ago is forgotten first', async () => {
    const api = mockApi();
    const periods: string[] = [];
    for (let year = 2001; year <= 2026 && periods.length < 101; year++) {
      for (let q = 1; q <= 4 && periods.length < 101; q++) periods.push(`${year}-Q${q}`);
    }
    for (const period of periods) await api.get(`/reports/pipeline?period=${period}`);
    expect(api.mock.inspect().workspaces[0]?.test.pipeline_reports).toBe(100);
    expect((await api.get(`/reports/pipeline?period=${periods[1]}`)).body.cached).toBe(true);
    expect((await api.get(`/reports/pipeline?period=${periods[0]}`)).body.cached).toBe(false);
  });
});

describe('the market demand signal', () => {
  /** Watchlists `first` in 2026-Q1 and adds `then` in 2026-Q2; the report of Q2. */
  async function demand(first: string[], then: string[]) {
    const api = mockApi({ now: '2026-03-30T12:00:00Z', rateLimits: false });
    const { body: list } = await api.post('/watchlists', { name: 'Demand', accounts: first });
    api.mock.clock.set('2026-04-02T12:00:00Z'); // two daily refreshes in Q2
    if (then.length > 0) await api.put(`/watchlists/${list.id}/accounts`, { accounts: then });
    return (await api.get('/reports/pipeline')).body.market_demand_signal;
  }
  const HOT = ['stripe.com', 'ramp.com', 'vercel.com', 'supabase.com', 'datadoghq.com'];
  const HOT_MORE = ['rippling.com', 'canva.com', 'databricks.com', 'linear.app', 'vanta.com'];
  const COLD = ['etsy.com', 'hashicorp.com', 'pagerduty.com', 'dropbox.com', 'calendly.com'];
  const COLD_MORE = ['zendesk.com', 'airtable.com', 'mixpanel.com', 'zoom.us', 'algolia.com'];

  it('is stable when the same accounts score the same', async () => {
    expect(await demand([...HOT, ...COLD], [])).toBe('stable');
  });

  it('is decreasing when colder accounts join the watchlisted set', async () => {
    expect(await demand([...HOT, ...HOT_MORE], [...COLD, ...COLD_MORE])).toBe('decreasing');
  });

  it('is increasing when hotter accounts join it', async () => {
    expect(await demand([...COLD, ...COLD_MORE], [...HOT, ...HOT_MORE])).toBe('increasing');
  });

  it('needs 10 watchlisted accounts scored in each quarter', async () => {
    expect(await demand([...HOT, ...COLD.slice(0, 4)], [COLD[4] as string])).toBe(
      'insufficient_data',
    );
  });
});

describe('plans', () => {
  it('gives pipeline reports to Team and Scale, and 403 plan_required to Starter before reading the input', async () => {
    const api = mockApi({ plan: 'starter' });
    for (const reply of [
      await api.get('/reports/pipeline'),
      await api.get('/reports/pipeline?period=not-a-quarter'),
      await api.post('/reports/pipeline', { period: '2026-Q2' }),
      await api.post('/reports/pipeline', undefined, { raw: '{not json' }),
    ]) {
      expect(reply.status).toBe(403);
      expect(reply.body.error).toEqual({
        type: 'permission_error',
        code: 'plan_required',
        message:
          'Pipeline reports are part of the Team and Scale plans; this workspace is on Starter. Upgrade the plan to use them.',
        request_id: expect.stringMatching(/^req_/),
      });
    }
    expect((await mockApi({ plan: 'scale' }).get('/reports/pipeline')).status).toBe(200);
  });
});
