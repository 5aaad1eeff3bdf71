/**
 * The rules engine of scoring profiles, pure and stateless: it checks a rule's points against its
 * attribute's answer type, says what a rule earns for a value, and adds a dimension's rules up into
 * a score that explains itself. It knows nothing of profiles, stores or time, so it is tested on
 * its own (`test/mock-server/areas/scoring-evaluator.test.ts`).
 *
 * Points are whole numbers, so a dimension's contributions add up to its raw points exactly, in
 * any order.
 */
import type { components } from '../../../src/generated/openapi.ts';

type Schemas = components['schemas'];
export type AnswerType = Schemas['ScoringAnswerType'];
export type ListMode = Schemas['ScoringListMode'];
export type Points = Schemas['ScoringPoints'];
export type Contribution = Schemas['ScoringContribution'];
/** A value as an object holds it; `null` (or absent) when it has none. */
export type AttributeValue = Schemas['ScoringAttributeValue'];
export type AttributeValues = Readonly<Record<string, AttributeValue | undefined>>;

/** A rule as it is written, before it is checked. */
export interface RuleInput {
  readonly id: string;
  readonly attribute: string;
  readonly answerType: AnswerType;
  /** Whether the attribute holds several values (a tech stack). */
  readonly multi: boolean;
  readonly points: Points;
}

interface BooleanTest {
  readonly kind: 'boolean';
  readonly onTrue: number;
  readonly onFalse: number;
}

interface Range {
  readonly min: number | null;
  readonly max: number | null;
  readonly points: number;
}

interface RangesTest {
  readonly kind: 'ranges';
  readonly ranges: readonly Range[];
}

interface Choice {
  /** The name as the rule writes it. */
  readonly name: string;
  /** The name trimmed and lower-cased: what values are matched against. */
  readonly key: string;
  readonly points: number;
}

interface ListTest {
  readonly kind: 'list';
  readonly mode: ListMode;
  readonly choices: readonly Choice[];
  /** The sum of every choice's points. */
  readonly sum: number;
}

/** A rule ready to evaluate: checked, its choices normalised, its `max_points` known. */
export interface CompiledRule {
  readonly id: string;
  readonly attribute: string;
  readonly answerType: AnswerType;
  readonly test: BooleanTest | RangesTest | ListTest;
  /** The most the rule can earn (never negative). */
  readonly maxPoints: number;
  /** `points` as stored and shown: list `mode` filled in, open range bounds as `null`. */
  readonly points: Points;
}

export type CompileResult =
  | { readonly ok: true; readonly rule: CompiledRule }
  | { readonly ok: false; readonly problem: string };

/** What one rule earns for one object. */
export interface Outcome {
  readonly earned: number;
  /** The value the rule saw, readable; `null` when the object has no value. */
  readonly matched: string | null;
}

/** A dimension's score without its explanation. */
export interface Tally {
  /** The sum of what the rules earned. */
  readonly raw: number;
  /** The sum of the rules' `max_points`. */
  readonly max: number;
  /** round(100 x raw / max), halves up, within 0..100; null when `max` is 0. */
  readonly score: number | null;
  /** The share of the rules whose attribute had a value they could read (0 with no rule). */
  readonly coverage: number;
}

/** A dimension's score and the contributions that explain it, by attribute. */
export interface DimensionScore extends Tally {
  readonly contributions: Contribution[];
}

const SHAPES = {
  boolean: '{"true": points, "false": points}',
  ranges: '{"ranges": [{"min": ..., "max": ..., "points": ...}]}',
  list: '{"choices": {"name": points}, "mode": ...}',
} as const;

function shapeOf(points: Points): keyof typeof SHAPES {
  if ('ranges' in points) return 'ranges';
  if ('choices' in points) return 'list';
  return 'boolean';
}

function wantedShape(answerType: AnswerType): keyof typeof SHAPES {
  if (answerType === 'boolean') return 'boolean';
  if (answerType === 'list') return 'list';
  return 'ranges';
}

/** How a choice and a value are compared: trimmed, case-insensitive. */
export function normaliseChoice(text: string): string {
  return text.trim().toLowerCase();
}

/** `[100, 1000)` as `100-1000`, an open end as `<1000` or `1000+`. */
export function rangeLabel(range: { min: number | null; max: number | null }): string {
  const { min, max } = range;
  if (min === null && max === null) return 'any';
  if (min === null) return `<${max}`;
  if (max === null) return `${min}+`;
  return min < 0 || max < 0 ? `${min} to ${max}` : `${min}-${max}`;
}

function compileRanges(points: Schemas['ScoringRangePoints']): RangesTest | string {
  const ranges: Range[] = points.ranges.map((range) => ({
    min: range.min ?? null,
    max: range.max ?? null,
    points: range.points,
  }));
  for (const [index, range] of ranges.entries()) {
    if (range.min !== null && range.max !== null && range.min >= range.max) {
      return `range ${index} goes from ${range.min} to ${range.max}: min must be below max (min is inclusive, max exclusive)`;
    }
  }
  const sorted = [...ranges].sort(
    (a, b) => (a.min ?? Number.NEGATIVE_INFINITY) - (b.min ?? Number.NEGATIVE_INFINITY),
  );
  for (let i = 1; i < sorted.length; i++) {
    const before = sorted[i - 1] as Range;
    const after = sorted[i] as Range;
    const end = before.max ?? Number.POSITIVE_INFINITY;
    const start = after.min ?? Number.NEGATIVE_INFINITY;
    if (end > start) {
      return `ranges ${rangeLabel(before)} and ${rangeLabel(after)} overlap: a value must fall in one range at most`;
    }
  }
  return { kind: 'ranges', ranges };
}

function compileList(
  attribute: string,
  multi: boolean,
  points: Schemas['ScoringListPoints'],
): ListTest | string {
  const mode = points.mode ?? 'additive';
  if (mode === 'exact_match' && multi) {
    return `exact_match compares one value, and ${attribute} holds several: use additive, best_match, contains_all or contains_none`;
  }
  const choices: Choice[] = [];
  const seen = new Map<string, string>();
  for (const [name, value] of Object.entries(points.choices)) {
    const key = normaliseChoice(name);
    if (key === '') return 'a choice name is blank: name each choice as the value is written';
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      return `choices ${JSON.stringify(earlier)} and ${JSON.stringify(name)} are the same choice (choices match case-insensitively, trimmed)`;
    }
    seen.set(key, name);
    choices.push({ name, key, points: value });
  }
  const sum = choices.reduce((total, choice) => total + choice.points, 0);
  return { kind: 'list', mode, choices, sum };
}

function maxPointsOf(test: CompiledRule['test']): number {
  switch (test.kind) {
    case 'boolean':
      return Math.max(test.onTrue, test.onFalse, 0);
    case 'ranges':
      return Math.max(0, ...test.ranges.map((range) => range.points));
    case 'list': {
      const highest = Math.max(0, ...test.choices.map((choice) => choice.points));
      switch (test.mode) {
        case 'additive':
          return test.choices.reduce((total, choice) => total + Math.max(0, choice.points), 0);
        case 'best_match':
        case 'exact_match':
          return highest;
        case 'contains_all':
        case 'contains_none':
          return Math.max(0, test.sum);
      }
    }
  }
}

function storedPoints(test: CompiledRule['test']): Points {
  switch (test.kind) {
    case 'boolean':
      return { true: test.onTrue, false: test.onFalse };
    case 'ranges':
      return { ranges: test.ranges.map((range) => ({ ...range })) };
    case 'list':
      return {
        choices: Object.fromEntries(test.choices.map((choice) => [choice.name, choice.points])),
        mode: test.mode,
      };
  }
}

/**
 * Checks `points` against the attribute's answer type and compiles the rule; a problem is said in
 * words a user can act on (the API answers it as `422 invalid_point_values`).
 */
export function compileRule(input: RuleInput): CompileResult {
  const { attribute, answerType, points } = input;
  const shape = shapeOf(points);
  const wanted = wantedShape(answerType);
  if (shape !== wanted) {
    return {
      ok: false,
      problem: `${attribute} is a ${answerType} attribute: its points are ${SHAPES[wanted]}, not ${SHAPES[shape]}`,
    };
  }
  let test: CompiledRule['test'] | string;
  if ('ranges' in points) test = compileRanges(points);
  else if ('choices' in points) test = compileList(attribute, input.multi, points);
  else test = { kind: 'boolean', onTrue: points.true ?? 0, onFalse: points.false ?? 0 };
  if (typeof test === 'string') return { ok: false, problem: test };
  const rule: CompiledRule = {
    id: input.id,
    attribute,
    answerType,
    test,
    maxPoints: maxPointsOf(test),
    points: storedPoints(test),
  };
  return { ok: true, rule };
}

const NO_VALUE: Outcome = { earned: 0, matched: null };

function evaluateList(test: ListTest, value: AttributeValue): Outcome {
  const single = typeof value === 'string';
  const items = single ? [value] : Array.isArray(value) ? value : undefined;
  if (items === undefined) return NO_VALUE;
  const present = new Set(items.map(normaliseChoice));
  const held = test.choices.filter((choice) => present.has(choice.key));
  let earned = 0;
  switch (test.mode) {
    case 'additive':
      earned = held.reduce((total, choice) => total + choice.points, 0);
      break;
    case 'best_match':
      earned = held.length === 0 ? 0 : Math.max(...held.map((choice) => choice.points));
      break;
    case 'contains_all':
      earned = held.length === test.choices.length ? test.sum : 0;
      break;
    case 'contains_none':
      earned = held.length === 0 ? test.sum : 0;
      break;
    case 'exact_match': {
      const exact = items.length === 1 ? normaliseChoice(items[0] as string) : undefined;
      earned = test.choices.find((choice) => choice.key === exact)?.points ?? 0;
      break;
    }
  }
  const matched = single
    ? value.trim()
    : held.length === 0
      ? 'none'
      : held.map((choice) => choice.name).join(', ');
  return { earned, matched };
}

/** What `rule` earns for `value`, and the value as the rule saw it. */
export function evaluateRule(rule: CompiledRule, value: AttributeValue | undefined): Outcome {
  if (value === null || value === undefined) return NO_VALUE;
  const { test } = rule;
  switch (test.kind) {
    case 'boolean':
      if (typeof value !== 'boolean') return NO_VALUE;
      return { earned: value ? test.onTrue : test.onFalse, matched: String(value) };
    case 'ranges': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return NO_VALUE;
      const range = test.ranges.find(
        (candidate) =>
          (candidate.min === null || value >= candidate.min) &&
          (candidate.max === null || value < candidate.max),
      );
      return range === undefined
        ? { earned: 0, matched: String(value) }
        : { earned: range.points, matched: `${value} (${rangeLabel(range)})` };
    }
    case 'list':
      return evaluateList(test, value);
  }
}

/** round(100 x raw / max), halves up, clamped to 0..100; null when `max` is 0. */
export function scoreOf(raw: number, max: number): number | null {
  if (max <= 0) return null;
  // In whole numbers: floor(100 raw / max + 1/2), exact for any points the API accepts.
  const rounded = Math.floor((200 * raw + max) / (2 * max));
  return Math.min(100, Math.max(0, rounded));
}

/** A dimension's score from its rules and an object's values, without building the explanation. */
export function tally(rules: readonly CompiledRule[], values: AttributeValues): Tally {
  let raw = 0;
  let max = 0;
  let covered = 0;
  for (const rule of rules) {
    const outcome = evaluateRule(rule, values[rule.attribute]);
    if (outcome.matched !== null) covered++;
    raw += outcome.earned;
    max += rule.maxPoints;
  }
  return {
    raw,
    max,
    score: scoreOf(raw, max),
    coverage: rules.length === 0 ? 0 : covered / rules.length,
  };
}

function byAttribute(a: CompiledRule, b: CompiledRule): number {
  if (a.attribute !== b.attribute) return a.attribute < b.attribute ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The rules in the order contributions are listed: by attribute (then rule ID). */
export function inContributionOrder(rules: readonly CompiledRule[]): CompiledRule[] {
  return [...rules].sort(byAttribute);
}

/** One contribution per rule, by attribute: what each rule saw and earned. */
export function explain(rules: readonly CompiledRule[], values: AttributeValues): Contribution[] {
  return inContributionOrder(rules).map((rule) => {
    const outcome = evaluateRule(rule, values[rule.attribute]);
    return {
      rule_id: rule.id,
      attribute: rule.attribute,
      matched_value: outcome.matched,
      points_earned: outcome.earned,
      max_points: rule.maxPoints,
    };
  });
}

/** A dimension's score with the contributions that explain it. */
export function scoreDimension(
  rules: readonly CompiledRule[],
  values: AttributeValues,
): DimensionScore {
  return { ...tally(rules, values), contributions: explain(rules, values) };
}

function sameValue(a: AttributeValue | undefined, b: AttributeValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => item === b[index]);
  }
  return (a ?? null) === (b ?? null);
}

/**
 * Whether two computations explain themselves with the same contributions, without building them:
 * the same rule evaluated on the same value gives the same contribution, so only rules that were
 * replaced are evaluated. Both rule lists must be in contribution order.
 */
export function sameContributions(
  before: { rules: readonly CompiledRule[]; values: AttributeValues },
  after: { rules: readonly CompiledRule[]; values: AttributeValues },
): boolean {
  if (before.rules.length !== after.rules.length) return false;
  for (let i = 0; i < after.rules.length; i++) {
    const old = before.rules[i] as CompiledRule;
    const rule = after.rules[i] as CompiledRule;
    if (old.id !== rule.id || old.attribute !== rule.attribute) return false;
    const was = before.values[rule.attribute];
    const now = after.values[rule.attribute];
    if (old === rule) {
      if (!sameValue(was, now)) {
        const a = evaluateRule(old, was);
        const b = evaluateRule(rule, now);
        if (a.earned !== b.earned || a.matched !== b.matched) return false;
      }
      continue;
    }
    if (old.maxPoints !== rule.maxPoints) return false;
    const a = evaluateRule(old, was);
    const b = evaluateRule(rule, now);
    if (a.earned !== b.earned || a.matched !== b.matched) return false;
  }
  return true;
}
