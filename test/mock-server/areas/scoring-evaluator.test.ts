/**
 * The rules engine on its own, with no mock around it: properties that hold for any rules and any
 * object (fast-check), and one table per answer type and list mode with the edge values.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AttributeValue,
  type CompiledRule,
  compileRule,
  evaluateRule,
  explain,
  type Points,
  type RuleInput,
  sameContributions,
  scoreDimension,
  scoreOf,
  tally,
} from '../../../mock-server/areas/scoring-profiles/evaluator.ts';

/** Compiles a rule that must be valid. */
function rule(
  points: Points,
  answerType: RuleInput['answerType'] = 'number',
  options: { id?: string; attribute?: string; multi?: boolean } = {},
): CompiledRule {
  const result = compileRule({
    id: options.id ?? 'rul_1',
    attribute: options.attribute ?? 'x',
    answerType,
    multi: options.multi ?? false,
    points,
  });
  if (!result.ok) throw new Error(result.problem);
  return result.rule;
}

/** The problem a rule that must be refused is refused with. */
function refused(
  points: Points,
  answerType: RuleInput['answerType'],
  attribute = 'x',
  multi = false,
): string {
  const result = compileRule({ id: 'rul_1', attribute, answerType, multi, points });
  if (result.ok) throw new Error('the rule was accepted');
  return result.problem;
}

// Arbitraries: attributes of every answer type, rules on them, and objects' values.

const ATTRIBUTES: readonly { name: string; answerType: RuleInput['answerType']; multi: boolean }[] =
  [
    { name: 'flag', answerType: 'boolean', multi: false },
    { name: 'count', answerType: 'number', multi: false },
    { name: 'share', answerType: 'percentage', multi: false },
    { name: 'money', answerType: 'currency', multi: false },
    { name: 'kind', answerType: 'list', multi: false },
    { name: 'stack', answerType: 'list', multi: true },
  ];
const NAMES = ['Salesforce', 'HubSpot', 'Gong', 'AWS', 'Segment', 'Stripe'] as const;
const MODES = ['additive', 'best_match', 'contains_all', 'contains_none', 'exact_match'] as const;

const points = fc.integer({ min: -1000, max: 1000 });

const booleanPoints = fc.record({ true: points, false: points }, { requiredKeys: [] });

const rangePoints = fc
  .record({
    bounds: fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { maxLength: 7 }),
    openStart: fc.boolean(),
    openEnd: fc.boolean(),
    earned: fc.array(points, { minLength: 8, maxLength: 8 }),
    keep: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
  })
  .map(({ bounds, openStart, openEnd, earned, keep }) => {
    const edges: (number | null)[] = [...bounds].sort((a, b) => a - b);
    if (openStart) edges.unshift(null);
    if (openEnd) edges.push(null);
    const ranges = [];
    for (let i = 0; i + 1 < edges.length; i++) {
      if (keep[i]) ranges.push({ min: edges[i], max: edges[i + 1], points: earned[i] as number });
    }
    return { ranges };
  });

const listPoints = (multi: boolean) =>
  fc.record({
    choices: fc.dictionary(fc.constantFrom(...NAMES), points, { maxKeys: NAMES.length }),
    mode: fc.constantFrom(...MODES.filter((mode) => !multi || mode !== 'exact_match')),
  });

const anyRule = (id: string) =>
  fc.constantFrom(...ATTRIBUTES).chain((attribute) => {
    const shape =
      attribute.answerType === 'boolean'
        ? booleanPoints
        : attribute.answerType === 'list'
          ? listPoints(attribute.multi)
          : rangePoints;
    return (shape as fc.Arbitrary<Points>).map((p) =>
      rule(p, attribute.answerType, { id, attribute: attribute.name, multi: attribute.multi }),
    );
  });

const rules = fc
  .integer({ min: 0, max: 25 })
  .chain((count) =>
    fc.tuple(...Array.from({ length: count }, (_, i) => anyRule(`rul_${i}`))),
  ) as fc.Arbitrary<CompiledRule[]>;

/** A name as an object might write it: another case, spaces around. */
const writtenName = fc
  .tuple(fc.constantFrom(...NAMES, 'Outreach'), fc.integer({ min: 0, max: 3 }))
  .map(
    ([name, variant]) =>
      [name, name.toLowerCase(), name.toUpperCase(), `  ${name} `][variant] as string,
  );

const values = fc.record(
  {
    flag: fc.oneof(fc.boolean(), fc.constant(null), fc.constant(1)),
    count: fc.oneof(fc.integer({ min: -1200, max: 1200 }), fc.constant(null)),
    share: fc.oneof(fc.double({ min: -1200, max: 1200, noNaN: true }), fc.constant(null)),
    money: fc.oneof(fc.integer({ min: -1200, max: 1200 }), fc.constant(null), fc.constant('5')),
    kind: fc.oneof(writtenName, fc.constant(null)),
    stack: fc.oneof(fc.array(writtenName, { maxLength: 6 }), fc.constant(null)),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<Record<string, AttributeValue>>;

describe('the rules evaluator, for any rules and any object', () => {
  it('explains every score: the contributions add up to raw and max exactly', () => {
    fc.assert(
      fc.property(rules, values, (ruleSet, object) => {
        const { raw, max, contributions } = scoreDimension(ruleSet, object);
        expect(contributions).toHaveLength(ruleSet.length);
        expect(contributions.reduce((sum, c) => sum + c.points_earned, 0)).toBe(raw);
        expect(contributions.reduce((sum, c) => sum + c.max_points, 0)).toBe(max);
      }),
      { numRuns: 500 },
    );
  });

  it('gives a whole score within 0..100, or null exactly when nothing can be earned', () => {
    fc.assert(
      fc.property(rules, values, (ruleSet, object) => {
        const { score, max } = tally(ruleSet, object);
        if (max === 0) expect(score).toBeNull();
        else {
          expect(Number.isInteger(score)).toBe(true);
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(100);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never has a rule earn more than its max_points, and max_points is never negative', () => {
    fc.assert(
      fc.property(rules, values, (ruleSet, object) => {
        for (const contribution of explain(ruleSet, object)) {
          expect(contribution.max_points).toBeGreaterThanOrEqual(0);
          expect(contribution.points_earned).toBeLessThanOrEqual(contribution.max_points);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('changes nothing when the rules are reordered', () => {
    const shuffled = rules.chain((ruleSet) =>
      fc.tuple(fc.constant(ruleSet), fc.shuffledSubarray(ruleSet, { minLength: ruleSet.length })),
    );
    fc.assert(
      fc.property(shuffled, values, ([ruleSet, reordered], object) => {
        expect(scoreDimension(reordered, object)).toEqual(scoreDimension(ruleSet, object));
      }),
      { numRuns: 500 },
    );
  });

  it('counts coverage as the share of rules whose attribute has a value', () => {
    fc.assert(
      fc.property(rules, values, (ruleSet, object) => {
        const { coverage, contributions } = scoreDimension(ruleSet, object);
        const covered = contributions.filter((c) => c.matched_value !== null).length;
        expect(coverage).toBe(ruleSet.length === 0 ? 0 : covered / ruleSet.length);
      }),
      { numRuns: 300 },
    );
  });

  it('says two computations explain themselves alike exactly when their contributions are equal', () => {
    fc.assert(
      fc.property(rules, values, values, (ruleSet, before, after) => {
        const a = { rules: ruleSet, values: before };
        const b = { rules: ruleSet, values: after };
        expect(sameContributions(a, b)).toBe(
          JSON.stringify(explain(ruleSet, before)) === JSON.stringify(explain(ruleSet, after)),
        );
        expect(sameContributions(a, a)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('boolean rules', () => {
  const cases: [string, Points, AttributeValue, number, string | null, number][] = [
    ['true earns its points', { true: 20, false: -5 }, true, 20, 'true', 20],
    ['false earns its points, negative ones too', { true: 20, false: -5 }, false, -5, 'false', 20],
    ['a missing key is 0', { true: 20 }, false, 0, 'false', 20],
    ['max is 0 when both are negative', { true: -3, false: -7 }, true, -3, 'true', 0],
    ['max is the larger of the two', { true: 2, false: 9 }, true, 2, 'true', 9],
    ['no points at all', {}, true, 0, 'true', 0],
    ['no value earns 0', { true: 20, false: -5 }, null, 0, null, 20],
    ['a value of another type is no value', { true: 20 }, 'true', 0, null, 20],
  ];
  it.each(cases)('%s', (_, p, value, earned, matched, max) => {
    const compiled = rule(p, 'boolean');
    expect(evaluateRule(compiled, value)).toEqual({ earned, matched });
    expect(compiled.maxPoints).toBe(max);
  });

  it('are stored with both keys', () => {
    expect(rule({ true: 20 }, 'boolean').points).toEqual({ true: 20, false: 0 });
  });
});

describe('range rules (number, percentage, currency)', () => {
  const tiers: Points = {
    ranges: [
      { min: 0, max: 100, points: 2 },
      { min: 100, max: 1000, points: 10 },
      { min: 1000, max: null, points: 25 },
    ],
  };
  const cases: [string, Points, AttributeValue, number, string | null][] = [
    ['min is inclusive', tiers, 100, 10, '100 (100-1000)'],
    ['max is exclusive', tiers, 999.5, 10, '999.5 (100-1000)'],
    ['the next range starts at the previous max', tiers, 1000, 25, '1000 (1000+)'],
    ['an open max takes any larger value', tiers, 9_000_000, 25, '9000000 (1000+)'],
    ['below every range earns 0', tiers, -1, 0, '-1'],
    ['the design example', tiers, 874, 10, '874 (100-1000)'],
    ['an open min', { ranges: [{ max: 0, points: -10 }] }, -40, -10, '-40 (<0)'],
    ['both ends open', { ranges: [{ min: null, max: null, points: 4 }] }, 7, 4, '7 (any)'],
    ['negative bounds', { ranges: [{ min: -20, max: -5, points: 3 }] }, -10, 3, '-10 (-20 to -5)'],
    [
      'a gap between ranges earns 0',
      {
        ranges: [
          { min: 0, max: 5, points: 1 },
          { min: 10, points: 2 },
        ],
      },
      7,
      0,
      '7',
    ],
    ['no ranges', { ranges: [] }, 7, 0, '7'],
    ['no value', tiers, null, 0, null],
    ['a value of another type is no value', tiers, '874', 0, null],
  ];
  it.each(cases)('%s', (_, p, value, earned, matched) => {
    expect(evaluateRule(rule(p), value)).toEqual({ earned, matched });
  });

  it('take the highest range as max_points, or 0 when every range loses points', () => {
    expect(rule(tiers).maxPoints).toBe(25);
    expect(rule({ ranges: [{ min: 0, max: 1, points: -4 }] }).maxPoints).toBe(0);
    expect(rule({ ranges: [] }).maxPoints).toBe(0);
  });

  it('are the same for percentages and currencies', () => {
    const percent = rule({ ranges: [{ min: 10, max: 20.5, points: 6 }] }, 'percentage');
    expect(evaluateRule(percent, 20.4)).toEqual({ earned: 6, matched: '20.4 (10-20.5)' });
    const money = rule({ ranges: [{ min: 1_000_000_000, points: 15 }] }, 'currency');
    expect(evaluateRule(money, 5_100_000_000)).toEqual({
      earned: 15,
      matched: '5100000000 (1000000000+)',
    });
  });

  it('store open bounds as null', () => {
    expect(rule({ ranges: [{ min: 5, points: 1 }] }).points).toEqual({
      ranges: [{ min: 5, max: null, points: 1 }],
    });
  });

  it('refuse overlapping ranges, an open range that covers another, and min >= max', () => {
    expect(
      refused(
        {
          ranges: [
            { min: 0, max: 500, points: 1 },
            { min: 400, max: 900, points: 2 },
          ],
        },
        'number',
      ),
    ).toBe('ranges 0-500 and 400-900 overlap: a value must fall in one range at most');
    expect(
      refused(
        {
          ranges: [
            { min: 10, points: 1 },
            { min: 0, max: 20, points: 2 },
          ],
        },
        'number',
      ),
    ).toBe('ranges 0-20 and 10+ overlap: a value must fall in one range at most');
    expect(refused({ ranges: [{ min: 5, max: 5, points: 1 }] }, 'number')).toBe(
      'range 0 goes from 5 to 5: min must be below max (min is inclusive, max exclusive)',
    );
  });
});

describe('list rules', () => {
  const stack: AttributeValue = ['AWS', ' salesforce ', 'HUBSPOT', 'Segment'];
  const crm = { Salesforce: 10, HubSpot: 8, Gong: -5 };
  type Case = [string, Points, AttributeValue, number, string | null, number];
  const table: Record<string, Case[]> = {
    additive: [
      [
        'sums the choices present, whatever their case and spaces',
        { choices: crm },
        stack,
        18,
        'Salesforce, HubSpot',
        18,
      ],
      [
        'takes negative choices off',
        { choices: crm },
        ['gong', 'Salesforce'],
        5,
        'Salesforce, Gong',
        18,
      ],
      ['earns 0 with no choice present', { choices: crm }, ['AWS'], 0, 'none', 18],
      ['earns 0 from an empty list', { choices: crm }, [], 0, 'none', 18],
      ['earns 0 with no choices', { choices: {} }, stack, 0, 'none', 0],
      [
        'works on a single value',
        { choices: { 'Payments infrastructure': 7 } },
        ' payments INFRASTRUCTURE',
        7,
        'payments INFRASTRUCTURE',
        7,
      ],
      ['earns 0 for no value', { choices: crm }, null, 0, null, 18],
    ],
    best_match: [
      [
        'takes the highest choice present',
        { choices: crm, mode: 'best_match' },
        stack,
        10,
        'Salesforce, HubSpot',
        10,
      ],
      [
        'takes a negative choice when it is the only one',
        { choices: crm, mode: 'best_match' },
        ['Gong'],
        -5,
        'Gong',
        10,
      ],
      ['earns 0 with none present', { choices: crm, mode: 'best_match' }, ['AWS'], 0, 'none', 10],
      [
        'has max 0 when every choice is negative',
        { choices: { Gong: -5 }, mode: 'best_match' },
        ['Gong'],
        -5,
        'Gong',
        0,
      ],
      ['earns 0 for no value', { choices: crm, mode: 'best_match' }, null, 0, null, 10],
    ],
    contains_all: [
      [
        'sums every choice when all are present',
        { choices: { Salesforce: 10, HubSpot: 8 }, mode: 'contains_all' },
        stack,
        18,
        'Salesforce, HubSpot',
        18,
      ],
      [
        'earns 0 when one is missing',
        { choices: crm, mode: 'contains_all' },
        stack,
        0,
        'Salesforce, HubSpot',
        13,
      ],
      [
        'earns the sum of no choices: 0',
        { choices: {}, mode: 'contains_all' },
        stack,
        0,
        'none',
        0,
      ],
      [
        'has max 0 when the sum is negative',
        { choices: { Gong: -5, AWS: 2 }, mode: 'contains_all' },
        ['aws', 'gong'],
        -3,
        'Gong, AWS',
        0,
      ],
      ['earns 0 for no value', { choices: crm, mode: 'contains_all' }, null, 0, null, 13],
    ],
    contains_none: [
      [
        'rewards absence: the sum when none is present',
        { choices: { Gong: 6, Outreach: 4 }, mode: 'contains_none' },
        stack,
        10,
        'none',
        10,
      ],
      [
        'earns 0 when one is present',
        { choices: { Gong: 6, Outreach: 4 }, mode: 'contains_none' },
        ['gong '],
        0,
        'Gong',
        10,
      ],
      ['rewards an empty list', { choices: { Gong: 6 }, mode: 'contains_none' }, [], 6, 'none', 6],
      [
        'earns 0 for no value: absence of data is not absence of a tool',
        { choices: { Gong: 6 }, mode: 'contains_none' },
        null,
        0,
        null,
        6,
      ],
      ['earns 0 with no choices', { choices: {}, mode: 'contains_none' }, stack, 0, 'none', 0],
    ],
    exact_match: [
      [
        'earns the choice equal to the value',
        { choices: { HOT: 20, WARM: 10, COLD: -5 }, mode: 'exact_match' },
        'hot',
        20,
        'hot',
        20,
      ],
      [
        'trims and ignores case',
        { choices: { 'VP of Sales': 9 }, mode: 'exact_match' },
        '  vp OF sales ',
        9,
        'vp OF sales',
        9,
      ],
      [
        'earns a negative choice',
        { choices: { HOT: 20, COLD: -5 }, mode: 'exact_match' },
        'COLD',
        -5,
        'COLD',
        20,
      ],
      [
        'earns 0 for any other value',
        { choices: { HOT: 20 }, mode: 'exact_match' },
        'WARM',
        0,
        'WARM',
        20,
      ],
      ['earns 0 for no value', { choices: { HOT: 20 }, mode: 'exact_match' }, null, 0, null, 20],
      [
        'has max 0 when every choice is negative',
        { choices: { COLD: -5 }, mode: 'exact_match' },
        'COLD',
        -5,
        'COLD',
        0,
      ],
    ],
  };
  for (const [mode, cases] of Object.entries(table)) {
    describe(mode, () => {
      it.each(cases)('%s', (_, p, value, earned, matched, max) => {
        const compiled = rule(p, 'list', { multi: Array.isArray(value) });
        expect(evaluateRule(compiled, value)).toEqual({ earned, matched });
        expect(compiled.maxPoints).toBe(max);
      });
    });
  }

  it('default to additive, and are stored with their mode', () => {
    expect(rule({ choices: { Salesforce: 10 } }, 'list').points).toEqual({
      choices: { Salesforce: 10 },
      mode: 'additive',
    });
  });

  it('refuse exact_match on an attribute that holds several values', () => {
    expect(refused({ choices: { AWS: 1 }, mode: 'exact_match' }, 'list', 'tech_stack', true)).toBe(
      'exact_match compares one value, and tech_stack holds several: use additive, best_match, contains_all or contains_none',
    );
  });

  it('refuse two choices that are the same once trimmed and lower-cased, and a blank one', () => {
    expect(refused({ choices: { HubSpot: 1, ' hubspot': 2 } }, 'list')).toBe(
      'choices "HubSpot" and " hubspot" are the same choice (choices match case-insensitively, trimmed)',
    );
    expect(refused({ choices: { '  ': 1 } }, 'list')).toBe(
      'a choice name is blank: name each choice as the value is written',
    );
  });
});

describe('shapes that do not fit the answer type', () => {
  it.each([
    [
      'employee_count',
      'number',
      { true: 5 },
      'employee_count is a number attribute: its points are {"ranges": [{"min": ..., "max": ..., "points": ...}]}, not {"true": points, "false": points}',
    ],
    [
      'is_public',
      'boolean',
      { ranges: [] },
      'is_public is a boolean attribute: its points are {"true": points, "false": points}, not {"ranges": [{"min": ..., "max": ..., "points": ...}]}',
    ],
    [
      'tech_stack',
      'list',
      { ranges: [] },
      'tech_stack is a list attribute: its points are {"choices": {"name": points}, "mode": ...}, not {"ranges": [{"min": ..., "max": ..., "points": ...}]}',
    ],
    [
      'annual_revenue',
      'currency',
      { choices: {} },
      'annual_revenue is a currency attribute: its points are {"ranges": [{"min": ..., "max": ..., "points": ...}]}, not {"choices": {"name": points}, "mode": ...}',
    ],
  ] as const)('%s (%s) refuses %j', (attribute, answerType, p, problem) => {
    expect(refused(p as Points, answerType, attribute)).toBe(problem);
  });
});

describe('scores', () => {
  it('round halves up, clamp to 0..100 and are null when nothing can be earned', () => {
    expect(scoreOf(1, 8)).toBe(13); // 12.5
    expect(scoreOf(3, 8)).toBe(38); // 37.5
    expect(scoreOf(1, 3)).toBe(33);
    expect(scoreOf(2, 3)).toBe(67);
    expect(scoreOf(43, 43)).toBe(100);
    expect(scoreOf(-5, 10)).toBe(0);
    expect(scoreOf(0, 0)).toBeNull();
    expect(scoreOf(-5, 0)).toBeNull();
  });

  it('list contributions by attribute, whatever the order of the rules', () => {
    const a = rule({ true: 5 }, 'boolean', { id: 'rul_b', attribute: 'is_public' });
    const b = rule({ ranges: [{ min: 0, points: 3 }] }, 'number', {
      id: 'rul_a',
      attribute: 'employee_count',
    });
    const values = { is_public: false, employee_count: 40 };
    expect(explain([a, b], values).map((c) => c.attribute)).toEqual([
      'employee_count',
      'is_public',
    ]);
    expect(scoreDimension([a, b], values)).toEqual({
      raw: 3,
      max: 8,
      score: 38,
      coverage: 1,
      contributions: [
        {
          rule_id: 'rul_a',
          attribute: 'employee_count',
          matched_value: '40 (0+)',
          points_earned: 3,
          max_points: 3,
        },
        {
          rule_id: 'rul_b',
          attribute: 'is_public',
          matched_value: 'false',
          points_earned: 0,
          max_points: 5,
        },
      ],
    });
  });

  it('of a dimension with no rule are null, with coverage 0', () => {
    expect(scoreDimension([], { is_public: true })).toEqual({
      raw: 0,
      max: 0,
      score: null,
      coverage: 0,
      contributions: [],
    });
  });
});
