import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import companies from '../../../fixtures/companies.json' with { type: 'json' };
import { PRIVACY_THRESHOLD, SYNTHETIC_SAMPLES_PER_COMPANY } from '../../../mock-server/index.ts';
import { firmographicsOf } from '../../../mock-server/world/firmographics.ts';
import { type Api, mockApi } from '../helpers.ts';
import { keyTriggers, rate, reached } from './report-oracle.ts';

/**
 * The synthetic population's ladders, read from the docs' table (`docs/mock-server.md`, one row per
 * sample, one column per band: `won, 18 days` or `contacted`): the docs are the oracle.
 */
const LADDER: Record<string, [string, number | null][]> = (() => {
  const docs = readFileSync(new URL('../../../docs/mock-server.md', import.meta.url), 'utf8');
  const lines = docs.split('\n');
  const header = lines.findIndex((line) => /^\| sample +\| HOT +\| WARM +\| COLD +\|$/.test(line));
  if (header < 0) throw new Error('docs/mock-server.md has no table of the synthetic samples');
  const rows = lines.slice(header + 2, header + 2 + SYNTHETIC_SAMPLES_PER_COMPANY);
  const ladder: Record<string, [string, number | null][]> = { HOT: [], WARM: [], COLD: [] };
  for (const row of rows) {
    const [, , hot, warm, cold] = row.split('|').map((cell) => cell.trim());
    for (const [band, cell] of [
      ['HOT', hot],
      ['WARM', warm],
      ['COLD', cold],
    ] as const) {
      const [outcome, days] = (cell ?? '').split(', ');
      ladder[band]?.push([outcome ?? '', days === undefined ? null : Number.parseInt(days, 10)]);
    }
  }
  return ladder;
})();

interface Sample {
  domain: string;
  band: string | null;
  outcome: string;
  days: number | null;
}

const bandOf = (score: number) => (score >= 80 ? 'HOT' : score >= 60 ? 'WARM' : 'COLD');

/** The 12 samples of a fixture company, by the docs' rule. */
function synthetic(domain: string): Sample[] {
  const company = companies.find((c) => c.domain === domain);
  if (company === undefined) return [];
  return Array.from({ length: 12 }, (_, i) => {
    const band = bandOf(company.history[29 - 2 * i] as number);
    const [outcome, days] = (LADDER[band] as [string, number | null][])[i] as [
      string,
      number | null,
    ];
    return { domain, band, outcome, days };
  });
}

/** One workspace's outcomes of a domain, as the API returned them, in the order recorded. */
function sampleOf(
  domain: string,
  outcomes: { outcome: string; occurred_at: string; band_at_outcome: string | null }[],
): Sample {
  // Oldest first; among equal times, the order recorded.
  const ordered = outcomes
    .map((o, order) => ({ ...o, at: Date.parse(o.occurred_at), order }))
    .sort((a, b) => a.at - b.at || a.order - b.order);
  const latest = ordered.at(-1) as (typeof ordered)[number];
  const first = ordered[0] as (typeof ordered)[number];
  const met = ordered.find((o) => reached(o.outcome, 'meeting'));
  return {
    domain,
    band: latest.band_at_outcome,
    outcome: latest.outcome,
    days:
      met !== undefined && reached(latest.outcome, 'meeting')
        ? (met.at - first.at) / 86_400_000
        : null,
  };
}

/** Key triggers of a domain as the API scores it now (or its fresh score, while there is one). */
async function triggersOf(api: Api, domain: string): Promise<string[]> {
  const { body } = await api.post('/score', { domain, include: ['signals.evidence'] });
  const signals: Record<string, number> = {};
  const evidence: Record<string, string[]> = {};
  for (const [name, signal] of Object.entries(body.signals)) {
    const s = signal as { score: number; evidence: { title: string }[] };
    signals[name] = s.score;
    evidence[name] = s.evidence.map((e) => e.title);
  }
  return keyTriggers(
    { domain, score: 0, band: 'HOT', delta_30d: 0, at: 0, signals, order: 0 },
    evidence,
  );
}

/** The figures the docs define, from the samples. */
async function expected(api: Api, segment: object, samples: Sample[]) {
  const n = samples.length;
  const days = samples.flatMap((s) => (s.days === null ? [] : [s.days])).sort((a, b) => a - b);
  const mid = Math.floor(days.length / 2);
  const median =
    days.length === 0
      ? null
      : Math.round(
          (days.length % 2 === 1
            ? (days[mid] as number)
            : ((days[mid - 1] as number) + (days[mid] as number)) / 2) * 10,
        ) / 10;
  const counts = new Map<string, number>();
  for (const sample of samples) {
    for (const trigger of await triggersOf(api, sample.domain)) {
      counts.set(trigger, (counts.get(trigger) ?? 0) + 1);
    }
  }
  return {
    segment,
    available: true,
    sample_size: n,
    hot_rate: rate(samples.filter((s) => s.band === 'HOT').length, n),
    meeting_rate: rate(samples.filter((s) => reached(s.outcome, 'meeting')).length, n),
    win_rate: rate(samples.filter((s) => reached(s.outcome, 'won')).length, n),
    median_days_to_meeting: median,
    top_triggers: [...counts]
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, 10)
      .map(([trigger, count]) => ({ trigger, count })),
    mode: 'test',
  };
}

describe('aggregate signals', () => {
  it('shows no figure at all below 10 samples, and every figure at 10', async () => {
    const api = mockApi({ rateLimits: false });
    const domain = 'acme-widgets.com'; // no fixture: no synthetic sample
    const keys = [api.mock.keys.test];
    for (let i = 1; i < PRIVACY_THRESHOLD; i++) keys.push(api.mock.workspaces.create().keys.test);
    expect(keys).toHaveLength(10);

    // Each workspace's outcomes of the domain are one sample, however many there are.
    const seen: Sample[] = [];
    const kinds = ['contacted', 'meeting_booked', 'won', 'no_response', 'lost'];
    for (const [i, key] of keys.entries()) {
      if (i % 3 === 0) await api.post('/score', { domain }, { key }); // scored: a band at the outcome
      const recorded = [];
      const times = ['2026-05-20T09:00:00Z', `2026-05-2${1 + (i % 5)}T2${i % 4}:00:00Z`];
      for (const [j, occurred_at] of times.entries()) {
        const outcome = j === 0 ? 'contacted' : (kinds[i % kinds.length] as string);
        const reply = await api.post('/outcomes', { domain, outcome, occurred_at }, { key });
        recorded.push(reply.body);
      }
      seen.push(sampleOf(domain, recorded));

      const reply = await api.get(`/signals/aggregate?domain=${domain}`, { key });
      if (i < 9) {
        expect(reply.status).toBe(200);
        expect(reply.body).toEqual({
          segment: { type: 'domain', value: domain },
          available: false,
          threshold: 10,
          mode: 'test',
        });
      } else {
        expect(reply.body).toEqual(await expected(api, { type: 'domain', value: domain }, seen));
      }
    }
    // The figures are not trivial.
    const last = (await api.get(`/signals/aggregate?domain=${domain}`)).body;
    expect(last.sample_size).toBe(10);
    expect(last.meeting_rate).toBeGreaterThan(0);
    expect(last.median_days_to_meeting).not.toBeNull();
  });

  it('counts the key triggers a sample had when its latest outcome was recorded, not today’s', async () => {
    const api = mockApi({ rateLimits: false });
    const domain = 'spike.test'; // its hiring signal jumps 45 points 2 days after it is first scored
    const keys = [api.mock.keys.test];
    for (let i = 1; i < PRIVACY_THRESHOLD; i++) keys.push(api.mock.workspaces.create().keys.test);
    for (const key of keys) {
      await api.post('/score', { domain }, { key });
      await api.post('/outcomes', { domain, outcome: 'contacted' }, { key });
    }
    const recorded = await triggersOf(api, domain); // a cache hit: the score of the outcomes
    api.mock.clock.advance('10d');
    const today = await triggersOf(api, domain); // past the 7-day cache: scored after the spike
    expect(today).not.toEqual(recorded);

    const reply = await api.get(`/signals/aggregate?domain=${domain}`);
    expect(reply.body.top_triggers).toEqual(
      [...recorded].sort().map((trigger) => ({ trigger, count: PRIVACY_THRESHOLD })),
    );
  });

  it('counts a workspace once per domain, and only outcomes of the caller’s mode', async () => {
    const api = mockApi();
    for (let i = 0; i < 12; i++) await api.post('/outcomes', { domain: 'acme.io', outcome: 'won' });
    const other = api.mock.workspaces.create();
    for (let i = 0; i < 10; i++) {
      await api.post('/outcomes', { domain: 'acme.io', outcome: 'won' }, { key: other.keys.live });
    }
    expect((await api.get('/signals/aggregate?domain=acme.io')).body.available).toBe(false);
    expect(
      (await api.get('/signals/aggregate?domain=acme.io', { key: api.mock.keys.live })).body
        .available,
    ).toBe(false);
  });

  it('crosses the threshold of an industry that only synthetic companies have', async () => {
    const api = mockApi({ rateLimits: false });
    const industry = 'Security';
    expect(companies.some((c) => c.industry.toLowerCase() === 'security')).toBe(false);
    const domains: string[] = [];
    for (let i = 0; domains.length < 10 && i < 1_000; i++) {
      const domain = `company-${i}.com`;
      if (firmographicsOf(domain).industry === industry) domains.push(domain);
    }
    const seen: Sample[] = [];
    for (const [i, domain] of domains.entries()) {
      const { body } = await api.post('/outcomes', {
        domain,
        outcome: i % 2 === 0 ? 'meeting_booked' : 'no_response',
      });
      seen.push(sampleOf(domain, [body]));
      const reply = await api.get('/signals/aggregate?industry=SECURITY');
      expect(reply.body.available).toBe(i === 9);
    }
    expect((await api.get('/signals/aggregate?industry=%20security%20')).body).toEqual(
      await expected(api, { type: 'industry', value: 'Security' }, seen),
    );
  });

  it(`gives every fixture company ${SYNTHETIC_SAMPLES_PER_COMPANY} synthetic samples, as documented`, async () => {
    const api = mockApi();
    const stripe = await api.get('/signals/aggregate?domain=https://www.stripe.com');
    expect(stripe.body).toEqual(
      await expected(api, { type: 'domain', value: 'stripe.com' }, synthetic('stripe.com')),
    );
    for (const domain of ['zendesk.com', 'hubspot.com', 'gong.io']) {
      const reply = await api.get(`/signals/aggregate?domain=${domain}`);
      expect(reply.body).toEqual(
        await expected(api, { type: 'domain', value: domain }, synthetic(domain)),
      );
    }
    // A fixture industry gathers every company of it; an own outcome adds one sample.
    const analytics = companies.filter((c) => c.industry === 'Product analytics');
    const { body: own } = await api.post('/outcomes', {
      domain: 'mixpanel.com',
      outcome: 'meeting_booked',
    });
    const reply = await api.get('/signals/aggregate?industry=product%20analytics');
    expect(reply.body).toEqual(
      await expected(api, { type: 'industry', value: 'Product analytics' }, [
        ...analytics.flatMap((c) => synthetic(c.domain)),
        sampleOf('mixpanel.com', [own]),
      ]),
    );
    expect(reply.body.sample_size).toBe(analytics.length * 12 + 1);
  });

  it.each([
    [
      '',
      'domain',
      'Pass exactly one of domain or industry: the segment is one domain, or every domain of one industry.',
    ],
    [
      '?domain=stripe.com&industry=Software',
      'domain',
      'Pass exactly one of domain or industry: the segment is one domain, or every domain of one industry.',
    ],
    ['?domain=localhost', 'domain', 'domain must be a domain name such as "stripe.com".'],
    [`?industry=${'x'.repeat(101)}`, 'industry', 'industry must be at most 100 characters.'],
    ['?industry=%20%20', 'industry', 'industry must not be blank.'],
    [
      '?segment=stripe.com',
      'segment',
      'segment is not a parameter of this endpoint (check the spelling; names are snake_case).',
    ],
  ])('refuses %s with 400', async (query, field, message) => {
    const reply = await mockApi().get(`/signals/aggregate${query}`);
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toBe(message);
    expect(reply.body.error.field).toBe(field);
  });

  it('is for Team and Scale: 403 plan_required on Starter', async () => {
    const reply = await mockApi({ plan: 'starter' }).get('/signals/aggregate?domain=stripe.com');
    expect(reply.status).toBe(403);
    expect(reply.body.error).toMatchObject({
      code: 'plan_required',
      message:
        'Aggregate signals are part of the Team and Scale plans; this workspace is on Starter. Upgrade the plan to use them.',
    });
  });
});
