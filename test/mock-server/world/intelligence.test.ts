/**
 * The account intelligence rules (`mock-server/world/intelligence.ts`, documented in
 * docs/mock-server.md "Account intelligence"), checked rule by rule, on stripe.com exactly, and on
 * every fixture and hundreds of synthetic companies for the promises that hold everywhere: each
 * trigger is evidence the score shows, `why_now` cites one, the limits of every field.
 */
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../mock-server/kernel/clock.ts';
import { companies } from '../../../mock-server/world/companies.ts';
import {
  buyingStageOf,
  DECAY_HALF_LIFE_DAYS,
  decayDateOf,
  emailSubjectOf,
  intelligenceOf,
  TRIGGER_MIN_SIGNAL,
  TRIGGER_WINDOW_DAYS,
  talkTrackOf,
  triggersOf,
  urgencyOf,
} from '../../../mock-server/world/intelligence.ts';
import { SIGNAL_NAMES } from '../../../mock-server/world/scoring-model.ts';
import { type Snapshot, snapshotOf } from '../../../mock-server/world/snapshots.ts';
import { REFERENCE_SCORE } from '../../support/reference-score.ts';

const T0 = Date.parse('2026-05-28T14:02:11Z');

const fixtures = companies.map((company) => snapshotOf(company.domain, T0));
const synthetic = Array.from({ length: 300 }, (_, i) => snapshotOf(`account-${i}.example.com`, T0));

/** The evidence a trigger may name: recent, of a strong signal. */
function eligibleTitles(snapshot: Snapshot): Set<string> {
  const titles = new Set<string>();
  for (const name of SIGNAL_NAMES) {
    const signal = snapshot.signals[name];
    if (signal.score < TRIGGER_MIN_SIGNAL) continue;
    for (const evidence of signal.evidence) {
      if (T0 - evidence.observedAt <= TRIGGER_WINDOW_DAYS * DAY_MS) titles.add(evidence.title);
    }
  }
  return titles;
}

describe('stripe.com', () => {
  const stripe = snapshotOf('stripe.com', T0);
  const intelligence = intelligenceOf(stripe, T0);

  it('gains intelligence consistent with its evidence, as the API reference example shows', () => {
    expect({
      company: intelligence.company,
      buying_stage: intelligence.buyingStage,
      urgency: intelligence.urgency,
      why_now: intelligence.whyNow,
      key_triggers: intelligence.triggers.map((trigger) => trigger.label),
      decay_date: new Date(intelligence.decayDate as number).toISOString().replace('.000', ''),
    }).toEqual({
      company: REFERENCE_SCORE.company,
      buying_stage: REFERENCE_SCORE.buying_stage,
      urgency: REFERENCE_SCORE.urgency,
      why_now: REFERENCE_SCORE.why_now,
      key_triggers: REFERENCE_SCORE.key_triggers,
      decay_date: REFERENCE_SCORE.decay_date,
    });
  });

  it('takes one trigger per strong signal, strongest first, each the newest recent evidence', () => {
    expect(triggersOf(stripe, T0).map(({ signal, ageDays }) => [signal, ageDays])).toEqual([
      ['funding', 18],
      ['news', 3],
      ['hiring', 8],
      ['web', 0],
      ['tech', 2],
    ]);
  });

  it('writes a talk track of why now, two more triggers, the action and a question', () => {
    expect(talkTrackOf(stripe, intelligence)).toBe(
      [
        `- **Why now:** ${REFERENCE_SCORE.why_now}`,
        '- **Funding:** Coverage of a late-stage financing round',
        '- **News:** Developer conference keynote coverage',
        '- **Lead with:** Reference Series H. Anchor on RevOps.',
        '- **Ask:** Who signs off, and what would it take to decide this quarter?',
      ].join('\n'),
    );
  });

  it("keys the email subject to the freshest trigger's signal", () => {
    expect(emailSubjectOf(stripe, intelligence)).toBe("Quick question about Stripe's evaluation");
  });

  it('decays out of HOT when 30 days x log2(94/80) have passed since the newest evidence', () => {
    const falls = T0 + DECAY_HALF_LIFE_DAYS * DAY_MS * Math.log2(94 / 80); // 2026-06-04T13:33Z
    expect(new Date(falls).toISOString().slice(0, 16)).toBe('2026-06-04T13:33');
    expect(decayDateOf(stripe, T0)).toBe(Date.parse('2026-06-05T00:00:00Z'));
  });
});

describe('buying stage', () => {
  it.each([
    [94, 12, 0, 'decision'],
    [90, 0, 7, 'decision'],
    [90, 0, 8, 'active_evaluation'],
    [89, 0, 3, 'active_evaluation'],
    [80, -5, 14, 'active_evaluation'],
    [80, -5, 15, 'research'],
    [79, 8, 14, 'active_evaluation'],
    [79, 7, 14, 'research'],
    [70, 8, 2, 'active_evaluation'],
    [69, 8, 2, 'research'],
    [60, 0, Number.POSITIVE_INFINITY, 'research'],
    [59, 8, Number.POSITIVE_INFINITY, 'research'],
    [59, 7, 0, 'awareness'],
  ])('score %i, delta %i, freshest trigger %s days old: %s', (score, delta, fresh, stage) => {
    expect(buyingStageOf(score, delta, fresh)).toBe(stage);
  });
});

describe('urgency', () => {
  it.each([
    ['HOT', 0, 7, 'act_now'],
    ['HOT', -1, 0, 'this_week'],
    ['HOT', 5, 8, 'this_week'],
    ['WARM', 8, 14, 'this_week'],
    ['WARM', 8, 15, 'this_month'],
    ['WARM', 7, 0, 'this_month'],
    ['COLD', 8, Number.POSITIVE_INFINITY, 'this_month'],
    ['COLD', 7, 0, 'monitor'],
  ] as const)('%s, delta %i, freshest trigger %s days old: %s', (band, delta, fresh, urgency) => {
    expect(urgencyOf(band, delta, fresh)).toBe(urgency);
  });
});

describe('on every fixture and synthetic company', () => {
  const all = [...fixtures, ...synthetic];

  it('names only evidence that signals.evidence shows: recent, of a signal at 70 or more', () => {
    for (const snapshot of all) {
      const triggers = intelligenceOf(snapshot, T0).triggers;
      expect(triggers.length, snapshot.domain).toBeLessThanOrEqual(5);
      const titles = eligibleTitles(snapshot);
      for (const trigger of triggers) {
        expect(titles.has(trigger.label), `${snapshot.domain}: ${trigger.label}`).toBe(true);
        expect(trigger.label.length, snapshot.domain).toBeLessThanOrEqual(60);
      }
      expect(new Set(triggers.map((trigger) => trigger.signal)).size).toBe(triggers.length);
    }
  });

  it('cites its freshest trigger in why_now, or says that there is none, in 140 characters', () => {
    for (const snapshot of all) {
      const { whyNow, triggers } = intelligenceOf(snapshot, T0);
      expect(whyNow.length, snapshot.domain).toBeLessThanOrEqual(140);
      if (triggers.length === 0) {
        expect(whyNow, snapshot.domain).toMatch(/^No strong signal in the last 30 days; /);
      } else {
        const freshest = Math.min(...triggers.map((trigger) => trigger.ageDays));
        const cited = triggers.find((trigger) => trigger.ageDays === freshest);
        expect(whyNow, snapshot.domain).toContain(`: ${cited?.label} (${cited?.signal})`);
      }
    }
  });

  it('decays to a midnight after the score, except COLD, which has nothing lower to fall to', () => {
    for (const snapshot of all) {
      const decay = intelligenceOf(snapshot, T0).decayDate;
      if (snapshot.band === 'COLD') {
        expect(decay, snapshot.domain).toBeNull();
        continue;
      }
      expect(decay, snapshot.domain).toBeGreaterThan(T0);
      expect((decay as number) % DAY_MS, snapshot.domain).toBe(0);
    }
  });

  it('writes a talk track of 3 to 5 Markdown bullets in 600 characters, and a subject in 78', () => {
    for (const snapshot of [
      ...all,
      snapshotOf(`${'a-very-long-company-name-'.repeat(3)}x.com`, T0),
    ]) {
      const intelligence = intelligenceOf(snapshot, T0);
      const talkTrack = talkTrackOf(snapshot, intelligence);
      const bullets = talkTrack.split('\n');
      expect(bullets.length, snapshot.domain).toBeGreaterThanOrEqual(3);
      expect(bullets.length, snapshot.domain).toBeLessThanOrEqual(5);
      expect(bullets.every((line) => line.startsWith('- **'))).toBe(true);
      expect(talkTrack.length, snapshot.domain).toBeLessThanOrEqual(600);
      expect(emailSubjectOf(snapshot, intelligence).length, snapshot.domain).toBeLessThanOrEqual(
        78,
      );
    }
  });

  it('never makes a trigger of a fixture observation that speaks against the score', () => {
    const against = /\b(down|flat|no new|fewer|declin|paused|freeze)/i;
    const found = fixtures.flatMap((snapshot) =>
      intelligenceOf(snapshot, T0)
        .triggers.filter((trigger) => against.test(trigger.label))
        .map((trigger) => `${snapshot.domain}: ${trigger.label}`),
    );
    expect(found).toEqual([]);
  });

  it('gives every fixture its display name', () => {
    for (const company of companies) {
      expect(company.company.length, company.domain).toBeGreaterThan(0);
      expect(company.company.length, company.domain).toBeLessThanOrEqual(200);
      expect(company.company.toLowerCase(), company.domain).toContain(
        company.name.toLowerCase().split(' ')[0],
      );
    }
  });
});
