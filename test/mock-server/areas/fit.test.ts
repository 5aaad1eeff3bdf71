/**
 * Fit analysis, checked against the rules of docs/mock-server.md ("Fit analysis") written out again
 * here, with each company's firmographics and evidence as the mock knows them. Nothing below
 * hard-codes a company's values, so the tests hold whatever the fixtures say.
 */
import { describe, expect, it } from 'vitest';
import companies from '../../../fixtures/companies.json' with { type: 'json' };
import { firmographicsOf } from '../../../mock-server/world/firmographics.ts';
import { type Api, mockApi } from '../helpers.ts';
import { keyTriggers } from './report-oracle.ts';

const written = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
const compared = (word: string) =>
  word.length >= 4 && word.endsWith('s') ? word.slice(0, -1) : word;
const words = (text: string) => written(text).map(compared);

function hasPhrase(offering: string[], phrase: string): boolean {
  const p = words(phrase);
  return offering.some((_, i) => p.length > 0 && p.every((w, j) => offering[i + j] === w));
}

const GENERIC = ['software', 'platform', 'service', 'management', 'solution', 'tool'];
const STOP = [
  'about',
  'added',
  'after',
  'every',
  'month',
  'other',
  'their',
  'three',
  'using',
  'which',
];
const SIZE_TERMS: Record<string, string[]> = {
  small: ['startup', 'smb', 'small business', 'small businesses', 'early stage'],
  mid_market: [
    'mid market',
    'midmarket',
    'mid size',
    'midsize',
    'mid sized',
    'scale up',
    'scale ups',
    'scaleup',
  ],
  enterprise: ['enterprise', 'fortune 500'],
};
const segmentOf = (employees: number) =>
  employees < 200 ? 'small' : employees < 2000 ? 'mid_market' : 'enterprise';
const evidenceWords = (trigger: string) =>
  written(trigger)
    .filter((w) => w.length >= 5)
    .map(compared)
    .filter((w) => !STOP.includes(w));

/** The docs' rules: which areas match, and the score and verdict they make. */
function expectedFit(offering: string, domain: string, triggers: string[]) {
  const firm = firmographicsOf(domain);
  const o = words(offering);
  const industry =
    hasPhrase(o, firm.industry) ||
    written(firm.industry).some(
      (w) => w.length >= 4 && !GENERIC.includes(compared(w)) && o.includes(compared(w)),
    );
  const tech = firm.tech_stack.some((tool) => hasPhrase(o, tool));
  const size = (SIZE_TERMS[segmentOf(firm.employee_count)] as string[]).some((t) =>
    hasPhrase(o, t),
  );
  const evidence = triggers.some((t) => evidenceWords(t).some((w) => o.includes(w)));
  const fit_score = (industry ? 30 : 0) + (tech ? 30 : 0) + (size ? 20 : 0) + (evidence ? 20 : 0);
  const overall_fit = fit_score >= 70 ? 'strong_fit' : fit_score >= 40 ? 'maybe' : 'misfit';
  return { overall_fit, fit_score, matched: { industry, tech, size, evidence } };
}

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

/** An offering made of one term per area, for every subset of the areas. */
function offerings(domain: string, triggers: string[]): string[] {
  const firm = firmographicsOf(domain);
  const terms = [
    firm.industry,
    firm.tech_stack[0],
    (SIZE_TERMS[segmentOf(firm.employee_count)] as string[])[0],
    triggers.flatMap((t) =>
      written(t).filter((w) => w.length >= 5 && !STOP.includes(compared(w))),
    )[0],
  ].filter((t): t is string => t !== undefined);
  const all: string[] = [];
  for (let mask = 0; mask < 1 << terms.length; mask++) {
    const chosen = terms.filter((_, i) => mask & (1 << i));
    all.push(chosen.length === 0 ? 'Zxqv' : `For ${chosen.join(' / ')}`);
  }
  return all;
}

describe('fit analysis', () => {
  const domains = [
    ...companies.map((c) => c.domain),
    ...Array.from({ length: 15 }, (_, i) => `synthetic-company-${i}.com`),
  ];

  it('reaches strong_fit, maybe and misfit for every company, scored as the rules say', async () => {
    const api = mockApi({ rateLimits: false });
    for (const domain of domains) {
      const triggers = await triggersOf(api, domain);
      const verdicts = new Set<string>();
      for (const offering of offerings(domain, triggers)) {
        const reply = await api.post('/fit', { domain, offering });
        const expected = expectedFit(offering, domain, triggers);
        expect([domain, offering, reply.body.fit_score, reply.body.overall_fit]).toEqual([
          domain,
          offering,
          expected.fit_score,
          expected.overall_fit,
        ]);
        expect(reply.body.matched_areas).toHaveLength(
          Object.values(expected.matched).filter(Boolean).length,
        );
        expect(reply.body.matched_areas.length + reply.body.gaps.length).toBe(4);
        verdicts.add(reply.body.overall_fit);
      }
      expect([domain, [...verdicts].sort()]).toEqual([domain, ['maybe', 'misfit', 'strong_fit']]);
    }
  });

  it('names what matched and what did not, in words built from the company', async () => {
    const api = mockApi();
    const domain = 'stripe.com';
    const firm = firmographicsOf(domain);
    const size = segmentOf(firm.employee_count);
    const label = {
      small: 'a small company',
      mid_market: 'a mid-market company',
      enterprise: 'an enterprise',
    }[size];
    const employees = firm.employee_count.toLocaleString('en-US');
    const offering = `Ledger tooling for ${firm.industry} teams at ${SIZE_TERMS[size]?.[0]} scale. Second sentence.`;
    const reply = await api.post('/fit', { domain, offering });
    const triggers = await triggersOf(api, domain);
    const expected = expectedFit(offering, domain, triggers);
    expect(expected.matched).toMatchObject({ industry: true, size: true, tech: false });
    const sentence = `Ledger tooling for ${firm.industry} teams at ${SIZE_TERMS[size]?.[0]} scale`;
    // The pitch quotes the first sentence, cut to 60 characters.
    const subject = sentence.length <= 60 ? sentence : `${sentence.slice(0, 59).trimEnd()}…`;
    const pitch = `For Stripe: ${subject}, made for ${firm.industry}.`;
    expect(reply.body).toMatchObject({
      domain,
      company: 'Stripe',
      fit_score: expected.fit_score,
      overall_fit: expected.overall_fit,
      computed_at: '2026-05-28T14:02:11Z',
      mode: 'test',
    });
    expect(reply.body.matched_areas.slice(0, 2)).toEqual([
      `Industry: Stripe is in ${firm.industry} (the offering names "${firm.industry}")`,
      `Size: Stripe is ${label} (${employees} employees)`,
    ]);
    expect(reply.body.gaps[0]).toBe(
      `Tech stack: the offering names none of Stripe's tools (${firm.tech_stack.slice(0, 5).join(', ')})`,
    );
    expect(reply.body.talking_points).toContain(
      `Speak to ${firm.industry}: that is where Stripe plays.`,
    );
    expect(reply.body.one_line_pitch).toBe(
      pitch.length <= 140 ? pitch : `${pitch.slice(0, 139).trimEnd()}…`,
    );
  });

  it('says which size the offering names when it is not the company’s', async () => {
    const api = mockApi();
    const domain = 'linear.app';
    const firm = firmographicsOf(domain);
    const other =
      segmentOf(firm.employee_count) === 'enterprise' ? 'startups' : 'Fortune 500 buyers';
    const named = other === 'startups' ? 'small company' : 'enterprise';
    const reply = await api.post('/fit', { domain, offering: `Zxqv for ${other}` });
    expect(reply.body.gaps).toContain(
      `Size: the offering is for ${named} buyers; Linear is ${
        {
          small: 'a small company',
          mid_market: 'a mid-market company',
          enterprise: 'an enterprise',
        }[segmentOf(firm.employee_count)]
      } (${firm.employee_count.toLocaleString('en-US')} employees)`,
    );
  });

  it('keeps every list within 5 items and the pitch within 140 characters, whatever the offering', async () => {
    const api = mockApi();
    const firm = firmographicsOf('datadoghq.com');
    const offering = `${'An extremely long first sentence about observability '.repeat(40)}. ${firm.tech_stack.join(', ')}, ${firm.industry}, enterprise, hiring.`;
    const reply = await api.post('/fit', { domain: 'datadoghq.com', offering });
    expect(reply.status).toBe(200);
    for (const list of ['matched_areas', 'gaps', 'talking_points']) {
      expect(reply.body[list].length).toBeLessThanOrEqual(5);
    }
    expect(reply.body.one_line_pitch.length).toBeLessThanOrEqual(140);
    expect(reply.body.one_line_pitch).toMatch(/^For Datadog: An extremely long first sentence/);
    const odd = await api.post('/fit', { domain: 'datadoghq.com', offering: '\u0000\n!!!' });
    expect(odd.body.one_line_pitch).toBe('For Datadog: Your offering (a weak fit today).');
  });

  it('costs 1 credit on live keys and nothing on test keys, every time (never cached)', async () => {
    const api = mockApi();
    const body = { domain: 'stripe.com', offering: 'Payments analytics' };
    const first = await api.post('/fit', body, { key: api.mock.keys.live });
    api.mock.clock.advance('1m');
    const second = await api.post('/fit', body, { key: api.mock.keys.live });
    expect(first.body.computed_at).toBe('2026-05-28T14:02:11Z');
    expect(second.body.computed_at).toBe('2026-05-28T14:03:11Z');
    expect(api.mock.credits.get().used).toBe(2);
    await api.post('/fit', body);
    expect(api.mock.credits.get().used).toBe(2);
  });

  it('answers 402 with no credits left, and charges nothing for refused requests', async () => {
    const api = mockApi();
    const live = { key: api.mock.keys.live };
    for (const [body, status] of [
      [{ domain: 'stripe.com', offering: '' }, 400],
      [{ domain: 'stripe.com', offering: 'x'.repeat(10_001) }, 400],
      [{ domain: 'stripe.com' }, 400],
      [{ domain: 'unscorable.test', offering: 'Analytics' }, 422],
      [{ domain: 'restricted.test', offering: 'Analytics' }, 403],
    ] as const) {
      expect((await api.post('/fit', body, live)).status).toBe(status);
    }
    expect(api.mock.credits.get().used).toBe(0);
    const long = await api.post('/fit', { domain: 'stripe.com', offering: 'x'.repeat(10_001) });
    expect(long.body.error).toMatchObject({
      field: 'offering',
      message: 'offering must be at most 10000 characters.',
    });
    expect(
      (await api.post('/fit', { domain: 'stripe.com', offering: 'x'.repeat(10_000) }, live)).status,
    ).toBe(200);
    api.mock.credits.set({ remaining: 0 });
    const broke = await api.post('/fit', { domain: 'stripe.com', offering: 'Analytics' }, live);
    expect(broke.status).toBe(402);
    expect(broke.body.error.code).toBe('insufficient_credits');
  });

  it('fails once for flaky.test and always for rate-limited.test, like a score', async () => {
    const api = mockApi();
    const analyze = (domain: string) => api.post('/fit', { domain, offering: 'Analytics' });
    expect((await analyze('flaky.test')).status).toBe(500);
    expect((await analyze('flaky.test')).status).toBe(200);
    const limited = await analyze('rate-limited.test');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
  });

  it('works on every plan', async () => {
    const api = mockApi({ plan: 'starter' });
    expect((await api.post('/fit', { domain: 'stripe.com', offering: 'Analytics' })).status).toBe(
      200,
    );
  });
});
