import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../mock-server/kernel/clock.ts';
import { companies } from '../../../mock-server/world/companies.ts';
import { bandOf, SIGNAL_NAMES } from '../../../mock-server/world/scoring-model.ts';
import { snapshotOf } from '../../../mock-server/world/snapshots.ts';
import { nameFromDomain, syntheticCompany } from '../../../mock-server/world/synthetic.ts';

const T0 = Date.parse('2026-05-28T14:02:11Z');

describe('synthetic companies', () => {
  const domains = Array.from({ length: 300 }, (_, i) => `company-${i}.example.com`);

  it('are consistent: band from score, history ending at the score, 5 people at the domain', () => {
    for (const domain of domains) {
      const company = syntheticCompany(domain);
      const snapshot = snapshotOf(domain, T0);
      expect(snapshot.band, domain).toBe(bandOf(company.score));
      expect(company.history, domain).toHaveLength(30);
      expect(company.history[29], domain).toBe(company.score);
      expect(snapshot.delta30d, domain).toBe(company.score - (company.history[0] as number));
      expect(company.people, domain).toHaveLength(5);
      for (const person of company.people)
        expect(person.email.endsWith(`@${domain}`), domain).toBe(true);
      for (const name of SIGNAL_NAMES) {
        expect(company.signals[name].evidence.length, domain).toBeGreaterThanOrEqual(1);
        expect(
          Math.abs(company.signals[name].score - company.signals[name].score_7d_ago),
          domain,
        ).toBeLessThanOrEqual(12);
      }
    }
  });

  it('have an action of 1..140 characters and a summary of 3 to 5 sentences', () => {
    for (const domain of [...domains, `${'very-long-name-'.repeat(4)}inc.com`]) {
      const company = syntheticCompany(domain);
      expect(company.action.length, domain).toBeGreaterThan(0);
      expect(company.action.length, domain).toBeLessThanOrEqual(140);
      const sentences = company.summary.split(/(?<=[.!?])\s+/);
      expect(sentences.length, domain).toBeGreaterThanOrEqual(3);
      expect(sentences.length, domain).toBeLessThanOrEqual(5);
    }
  });

  it('spread over every band', () => {
    const bands = new Set(domains.map((domain) => bandOf(syntheticCompany(domain).score)));
    expect(bands).toEqual(new Set(['HOT', 'WARM', 'COLD']));
  });

  it('are named after their domain', () => {
    expect(nameFromDomain('acme-widgets.co.uk')).toBe('Acme Widgets');
  });
});

describe('fixtures', () => {
  it('serve every fixture company as it is written', () => {
    expect(companies.length).toBeGreaterThanOrEqual(50);
    for (const company of companies) {
      const snapshot = snapshotOf(company.domain, T0);
      expect(snapshot.score).toBe(company.score);
      expect(snapshot.action).toBe(company.action);
      expect(snapshot.signals.funding.score).toBe(company.signals.funding.score);
    }
  });
});

describe('time-dependent magic domains', () => {
  const scoreOn = (domain: string, day: number) => snapshotOf(domain, T0 + day * DAY_MS, T0).score;

  it('rising.test climbs 3 points a day from 70 into HOT on day 4, up to 88', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((day) => scoreOn('rising.test', day))).toEqual([
      70, 73, 76, 79, 82, 85, 88, 88,
    ]);
  });

  it('cooling.test falls 3 points a day from 88 out of HOT on day 3, down to 64', () => {
    expect([0, 1, 2, 3, 8, 20].map((day) => scoreOn('cooling.test', day))).toEqual([
      88, 85, 82, 79, 64, 64,
    ]);
  });

  it('spike.test’s hiring jumps 45 points on day 2, which is a week-over-week rise until day 9', () => {
    const on = (day: number) => snapshotOf('spike.test', T0 + day * DAY_MS, T0).signals.hiring;
    expect(on(1)).toMatchObject({ score: 40, weekAgo: 40 });
    expect(on(2)).toMatchObject({ score: 85, weekAgo: 40 });
    expect(on(9)).toMatchObject({ score: 85, weekAgo: 85 });
  });

  it('carry a history that ends at the current score and a delta from 30 days before', () => {
    const snapshot = snapshotOf('rising.test', T0 + 5 * DAY_MS, T0);
    expect(snapshot.history.at(-1)).toBe(85);
    expect(snapshot.history[0]).toBe(70);
    expect(snapshot.delta30d).toBe(15);
  });
});
