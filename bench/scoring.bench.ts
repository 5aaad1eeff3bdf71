/**
 * Scoring profiles at scale, in-process: `node bench/scoring.bench.ts` (about 10 seconds).
 *
 * A company profile of 100 rules (every company attribute on both dimensions, six left out) with
 * 10,000 assigned companies. One rule is changed with `PUT /scoring/profiles/{id}/rules`, which
 * re-scores every assigned company before it answers; the bench times that call (through
 * `mock.fetch`, so the pipeline is included) and reports the time per company and per rule per
 * company. Goal: under 10 us per rule per company.
 *
 * Baseline, in the same run: the rules evaluator alone (`tally`) over the same 100 rules and the
 * same 10,000 companies' values, read beforehand; the ratio says what reading the values,
 * comparing versions and recording events add to the engine itself.
 */

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { valuesOf } from '../mock-server/areas/scoring-profiles/attributes.ts';
import {
  type CompiledRule,
  compileRule,
  tally,
} from '../mock-server/areas/scoring-profiles/evaluator.ts';
import { createMockApi } from '../mock-server/index.ts';
import { IntentIQ, type ScoringPoints } from '../src/index.ts';
import { SCORING_ATTRIBUTES } from '../src/schemas/scoring-attributes.ts';

// A full collection before each heap reading, without asking for a flag on the command line.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const COMPANIES = 10_000;
const RULES = 100;
const ROUNDS = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Points of a realistic size for each answer type. */
function pointsFor(answerType: string, variant = 0): ScoringPoints {
  switch (answerType) {
    case 'boolean':
      return { true: 10 + variant, false: -5 };
    case 'list':
      return {
        choices: { Salesforce: 10, HubSpot: 8, 'Payments infrastructure': 6, HOT: 5, US: 4 },
        mode: 'additive',
      };
    default:
      return {
        ranges: [
          { min: null, max: 0, points: -5 },
          { min: 0, max: 50, points: 2 },
          { min: 50, max: 1000 + variant, points: 10 },
          { min: 1000 + variant, max: null, points: 25 },
        ],
      };
  }
}

const rules = (['fit', 'urgency'] as const)
  .flatMap((dimension) =>
    Object.entries(SCORING_ATTRIBUTES.company).map(([attribute, answerType]) => ({
      attribute,
      dimension,
      points: pointsFor(answerType),
    })),
  )
  .slice(0, RULES);

const mock = createMockApi({ rateLimits: false });
const iiq = new IntentIQ({ apiKey: mock.keys.test, fetch: mock.fetch, logLevel: 'off' });
const profile = await iiq.scoring.profiles.create({ object_type: 'company', name: 'Bench' });
for (const rule of rules) await iiq.scoring.profiles.rules.upsert(profile.id, rule);

const domains = Array.from({ length: COMPANIES }, (_, i) => `company-${i}.com`);
gc();
const heapBefore = process.memoryUsage().heapUsed;
let started = performance.now();
for (let i = 0; i < COMPANIES; i += 500) {
  const { data } = await iiq.scoring.assignments.createMany({
    profile_id: profile.id,
    object_type: 'company',
    object_ids: domains.slice(i, i + 500),
  });
  if (data.length !== 500) throw new Error(`assigned ${data.length} of 500 companies`);
}
const assignMs = performance.now() - started;
gc();
const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1_048_576;

// One rule changed, back and forth, so that every round really changes every score.
const changed = rules[8] as (typeof rules)[number]; // employee_count, fit
const changeMs: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  started = performance.now();
  await iiq.scoring.profiles.rules.upsert(profile.id, {
    ...changed,
    points: pointsFor('number', round % 2 === 0 ? 500 : 0),
  });
  changeMs.push(performance.now() - started);
}

// Baseline: the evaluator alone, on values read beforehand.
const space = mock.engine.defaultWorkspace.spaces.test;
const values = domains.map((domain) => valuesOf(mock.engine, space, 'company', domain));
const compiled: Record<'fit' | 'urgency', CompiledRule[]> = { fit: [], urgency: [] };
rules.forEach((rule, index) => {
  const answerType = (SCORING_ATTRIBUTES.company as Record<string, string>)[rule.attribute];
  const result = compileRule({
    id: `rul_${index}`,
    attribute: rule.attribute,
    answerType: answerType as 'number',
    multi: rule.attribute === 'tech_stack',
    points: rule.points,
  });
  if (result.ok) compiled[rule.dimension].push(result.rule);
});
const evaluatorMs: number[] = [];
let sink = 0;
for (let round = 0; round < ROUNDS; round++) {
  started = performance.now();
  for (const object of values) {
    sink += tally(compiled.fit, object).raw + tally(compiled.urgency, object).raw;
  }
  evaluatorMs.push(performance.now() - started);
}
started = performance.now();
for (const domain of domains) valuesOf(mock.engine, space, 'company', domain);
const readMs = performance.now() - started;

const change = median(changeMs);
const evaluator = median(evaluatorMs);
const perObjectUs = (change * 1000) / COMPANIES;
const perRuleUs = perObjectUs / RULES;
const line = (label: string, value: string) => console.log(`${label.padEnd(44)} ${value}`);

console.log(
  `${RULES} rules, ${COMPANIES.toLocaleString('en-US')} assigned companies, median of ${ROUNDS} rounds`,
);
line('assigning 10,000 (20 bulk calls of 500)', `${assignMs.toFixed(0)} ms`);
line('heap held by the assignments and scores', `${heapMb.toFixed(1)} MB`);
line('one rule change, every company re-scored', `${change.toFixed(1)} ms`);
line('  per company', `${perObjectUs.toFixed(2)} us`);
line('  per rule per company (goal < 10 us)', `${perRuleUs.toFixed(3)} us`);
line('baseline: the evaluator alone, same rules', `${evaluator.toFixed(1)} ms`);
line('  per rule per company', `${((evaluator * 1000) / COMPANIES / RULES).toFixed(3)} us`);
line('reading 10,000 companies’ values', `${readMs.toFixed(1)} ms`);
line('rule change / evaluator alone', `${(change / evaluator).toFixed(2)}x`);
line('goal met', perRuleUs < 10 ? 'yes' : 'NO');
if (sink === Number.MIN_SAFE_INTEGER) console.log(sink); // keep the baseline loop alive
