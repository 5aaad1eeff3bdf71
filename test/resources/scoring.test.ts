/**
 * `iiq.scoring.*` against the reference mock, in-process: what each method sends (the request
 * journal shows it), what it returns, how it refuses bad input before sending anything, the error
 * classes of the scoring codes, and types that tie a rule's points to its attribute.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createMockApi } from '../../mock-server/index.ts';
import {
  IntentIQ,
  InvalidPointValuesError,
  InvalidRequestError,
  type KnownScoringAttribute,
  NotFoundError,
  ObjectTypeMismatchError,
  type ScoringBooleanPoints,
  type ScoringListPoints,
  type ScoringPoints,
  type ScoringPointsFor,
  type ScoringRangePoints,
  type ScoringRuleUpsertParams,
  ValidationError,
} from '../../src/index.ts';
import { SCORING_ATTRIBUTES } from '../../src/schemas/scoring-attributes.ts';

function setup() {
  const mock = createMockApi();
  const iiq = new IntentIQ({ apiKey: mock.keys.test, fetch: mock.fetch, logLevel: 'off' });
  return { mock, iiq };
}

async function fintechProfile(iiq: IntentIQ) {
  const profile = await iiq.scoring.profiles.create({
    object_type: 'company',
    name: 'Mid-market fintech',
  });
  await iiq.scoring.profiles.rules.upsert(profile.id, {
    attribute: 'employee_count',
    dimension: 'fit',
    points: {
      ranges: [
        { min: 100, max: 1000, points: 10 },
        { min: 1000, max: null, points: 25 },
      ],
    },
  });
  await iiq.scoring.profiles.rules.upsert(profile.id, {
    attribute: 'tech_stack',
    dimension: 'fit',
    points: { choices: { Salesforce: 10, HubSpot: 8 }, mode: 'best_match' },
  });
  return profile;
}

describe('iiq.scoring', () => {
  it('scores assigned companies and explains each score, rule by rule', async () => {
    const { iiq } = setup();
    const profile = await fintechProfile(iiq);
    const { data, skipped } = await iiq.scoring.assignments.createMany({
      profile_id: profile.id,
      object_type: 'company',
      object_ids: ['https://www.stripe.com', 'notion.so'],
    });
    expect(data.map((a) => a.object_id)).toEqual(['stripe.com', 'notion.so']);
    expect(skipped).toBe(0);
    const rows = await iiq.scoring.scores
      .list({ object_type: 'company', object_ids: ['stripe.com'] })
      .toArray({ max: 10 });
    expect(rows.map((row) => [row.dimension, row.score])).toEqual([
      ['fit', 100],
      ['urgency', null],
    ]);
    expect(rows[0]?.contributions).toEqual([
      {
        rule_id: expect.stringMatching(/^rul_/),
        attribute: 'employee_count',
        matched_value: '8500 (1000+)',
        points_earned: 25,
        max_points: 25,
      },
      {
        rule_id: expect.stringMatching(/^rul_/),
        attribute: 'tech_stack',
        matched_value: 'Salesforce',
        points_earned: 10,
        max_points: 10,
      },
    ]);
  });

  it('counts repeats in the skipped of createMany, as the API does: data and skipped add up', async () => {
    const { iiq, mock } = setup();
    const profile = await fintechProfile(iiq);
    await iiq.scoring.assignments.create({
      profile_id: profile.id,
      object_type: 'company',
      object_id: 'stripe.com',
    });
    const object_ids = ['https://www.stripe.com/', 'notion.so', 'www.notion.so', 'linear.app'];
    const { data, skipped } = await iiq.scoring.assignments.createMany({
      profile_id: profile.id,
      object_type: 'company',
      object_ids,
    });
    expect(data.map((a) => a.object_id)).toEqual(['notion.so', 'linear.app']);
    expect(skipped).toBe(2);
    expect(data.length + skipped).toBe(object_ids.length);
    const [request] = mock.requests.list({ path: '/scoring/assignments/bulk' });
    expect(request?.body).toEqual({
      profile_id: profile.id,
      object_type: 'company',
      object_ids: ['stripe.com', 'notion.so', 'notion.so', 'linear.app'],
    });
    const bad = await iiq.scoring.assignments
      .createMany({
        profile_id: profile.id,
        object_type: 'company',
        object_ids: ['a.com', 'localhost'],
      })
      .catch((error: unknown) => error);
    expect(bad).toBeInstanceOf(ValidationError);
    expect((bad as ValidationError).field).toBe('object_ids[1]');
  });

  it('sends the objects of scores.list as a repeated object_id, companies normalised', async () => {
    const { iiq, mock } = setup();
    const page = await iiq.scoring.scores.list({
      object_type: 'company',
      object_ids: ['https://www.stripe.com/', 'notion.so', 'stripe.com'],
      limit: 50,
    });
    expect(page.data).toEqual([]);
    const [request] = mock.requests.list({ path: '/scoring/scores' });
    expect(request?.query).toEqual({
      object_type: 'company',
      object_id: ['stripe.com', 'notion.so'],
      limit: '50',
    });
  });

  it('walks profiles, rules, attributes and assignments page by page', async () => {
    const { iiq } = setup();
    const profile = await fintechProfile(iiq);
    await iiq.scoring.profiles.create({ object_type: 'contact', name: 'Buyers' });
    const names = [];
    for await (const p of iiq.scoring.profiles.list({ limit: 1 })) names.push(p.name);
    expect(names).toEqual(['Buyers', 'Mid-market fintech']);
    const rules = await iiq.scoring.profiles.rules.list(profile.id).toArray({ max: 10 });
    expect(rules.map((r) => r.attribute)).toEqual(['employee_count', 'tech_stack']);
    const attributes = await iiq.scoring.attributes.list({ limit: 100 }).toArray({ max: 100 });
    expect(attributes.map((a) => a.id)).toEqual([
      ...Object.keys(SCORING_ATTRIBUTES.company),
      ...Object.keys(SCORING_ATTRIBUTES.contact),
    ]);
    for (const attribute of attributes) {
      const catalog = SCORING_ATTRIBUTES[attribute.object_type] as Record<string, string>;
      expect(catalog[attribute.id]).toBe(attribute.answer_type);
    }
    await iiq.scoring.assignments.create({
      profile_id: profile.id,
      object_type: 'company',
      object_id: 'www.stripe.com',
    });
    const assigned = await iiq.scoring.assignments
      .list({ object_type: 'company', object_id: 'https://stripe.com' })
      .toArray({ max: 10 });
    expect(assigned.map((a) => [a.profile_id, a.object_id])).toEqual([[profile.id, 'stripe.com']]);
  });

  it('reads attribute values, updates and deletes, recomputes and removes', async () => {
    const { iiq, mock } = setup();
    const { values, object_id } = await iiq.scoring.attributes.values({
      object_type: 'company',
      object_id: 'https://www.stripe.com',
    });
    expect(object_id).toBe('stripe.com');
    expect(values).toMatchObject({ employee_count: 8500, is_public: false });
    const profile = await fintechProfile(iiq);
    const renamed = await iiq.scoring.profiles.update(profile.id, { description: 'EMEA first' });
    expect(renamed).toMatchObject({ description: 'EMEA first', rule_count: 2, mode: 'test' });
    expect((await iiq.scoring.profiles.retrieve(profile.id)).description).toBe('EMEA first');
    const assignment = await iiq.scoring.assignments.create({
      profile_id: profile.id,
      object_type: 'company',
      object_id: 'stripe.com',
    });
    expect(
      await iiq.scoring.compute({ object_type: 'company', object_ids: ['stripe.com', 'zoom.us'] }),
    ).toEqual({ queued: 1, failed: 1, mode: 'test' });
    const [rule] = await iiq.scoring.profiles.rules.list(profile.id).toArray({ max: 1 });
    expect(await iiq.scoring.profiles.rules.delete(profile.id, rule?.id ?? '')).toMatchObject({
      deleted: true,
    });
    expect(await iiq.scoring.assignments.delete(assignment.id)).toMatchObject({ deleted: true });
    expect(await iiq.scoring.profiles.delete(profile.id)).toMatchObject({ deleted: true });
    expect(mock.inspect().workspaces[0]?.test).toMatchObject({ scoring_profiles: 0 });
  });

  it('throws the class of each scoring refusal, with its field', async () => {
    const { iiq } = setup();
    const profile = await fintechProfile(iiq);
    const points = await iiq.scoring.profiles.rules
      .upsert(profile.id, {
        attribute: 'employee_count',
        dimension: 'fit',
        points: { true: 5 } as unknown as ScoringRangePoints,
      })
      .catch((error: unknown) => error);
    expect(points).toBeInstanceOf(InvalidPointValuesError);
    expect(points).toMatchObject({ status: 422, code: 'invalid_point_values', field: 'points' });
    const mismatch = await iiq.scoring.assignments
      .create({
        profile_id: profile.id,
        object_type: 'contact',
        object_id: 'https://www.linkedin.com/in/jane-doe',
      })
      .catch((error: unknown) => error);
    expect(mismatch).toBeInstanceOf(ObjectTypeMismatchError);
    expect(mismatch).toMatchObject({ status: 422, field: 'object_type' });
    const unknown = await iiq.scoring.profiles.rules
      .upsert(profile.id, { attribute: 'employees', dimension: 'fit', points: { true: 1 } })
      .catch((error: unknown) => error);
    expect(unknown).toBeInstanceOf(InvalidRequestError);
    expect(unknown).toMatchObject({ status: 400, field: 'attribute' });
    await iiq.scoring.profiles.delete(profile.id);
    const gone = await iiq.scoring.assignments
      .create({ profile_id: profile.id, object_type: 'company', object_id: 'stripe.com' })
      .catch((error: unknown) => error);
    expect(gone).toBeInstanceOf(NotFoundError);
  });

  it('refuses bad input with ValidationError before sending anything', async () => {
    const { iiq, mock } = setup();
    const calls: (() => PromiseLike<unknown>)[] = [
      () =>
        iiq.scoring.scores.list({
          object_type: 'company',
          object_ids: Array.from({ length: 101 }, (_, i) => `c${i}.com`),
        }),
      () =>
        iiq.scoring.assignments.createMany({
          profile_id: 'prf_1',
          object_type: 'company',
          object_ids: Array.from({ length: 501 }, (_, i) => `c${i}.com`),
        }),
      () =>
        iiq.scoring.compute({ object_type: 'company', object_ids: ['stripe.com', 'localhost'] }),
      () =>
        iiq.scoring.profiles.rules.upsert('prf_1', {
          attribute: 'is_public',
          dimension: 'fit',
          points: { true: 1.5 },
        }),
      () => iiq.scoring.profiles.update('prf_1', {}),
      () => iiq.scoring.profiles.create({ object_type: 'company', name: 'x'.repeat(81) }),
    ];
    const refusals = await Promise.all(
      calls.map(async (call) => {
        const error = await Promise.resolve()
          .then(call)
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ValidationError);
        return (error as ValidationError).field;
      }),
    );
    expect(refusals).toEqual([
      'object_ids',
      'object_ids',
      'object_ids[1]',
      'points.true',
      'params',
      'name',
    ]);
    expect(mock.requests.list()).toEqual([]);
  });
});

describe('the types of iiq.scoring', () => {
  it('tie points to the attribute, and take any shape for an attribute the SDK does not know', () => {
    const iiq = new IntentIQ({ apiKey: 'iiq_test_FAKEKEYfakekeyFAKEKEYfakekey0123456789' });
    // Compiled, never run: each line type-checks or is expected not to.
    const calls = () => [
      iiq.scoring.profiles.rules.upsert('prf_1', {
        attribute: 'employee_count',
        dimension: 'fit',
        // @ts-expect-error employee_count is a number attribute: its points are ranges
        points: { true: 5 },
      }),
      iiq.scoring.profiles.rules.upsert('prf_1', {
        attribute: 'employee_count',
        dimension: 'fit',
        points: { ranges: [{ min: 100, max: 1000, points: 10 }] },
      }),
      iiq.scoring.profiles.rules.upsert('prf_1', {
        attribute: 'is_public',
        dimension: 'fit',
        // @ts-expect-error is_public is a boolean attribute: true/false points, not ranges
        points: { ranges: [] },
      }),
      iiq.scoring.profiles.rules.upsert('prf_1', {
        attribute: 'tech_stack',
        dimension: 'fit',
        // @ts-expect-error tech_stack is a list: its points are choices
        points: { true: 1 },
      }),
      iiq.scoring.profiles.rules.upsert('prf_1', {
        attribute: 'tech_stack',
        dimension: 'urgency',
        points: { choices: { Gong: -5 }, mode: 'contains_none' },
      }),
      // An attribute added to the API after this SDK takes points of any shape.
      iiq.scoring.profiles.rules.upsert('prf_1', {
        attribute: 'funding_stage',
        dimension: 'fit',
        points: { choices: { 'Series B': 10 } },
      }),
    ];
    expect(typeof calls).toBe('function');
    expectTypeOf<ScoringPointsFor<'boolean'>>().toEqualTypeOf<ScoringBooleanPoints>();
    expectTypeOf<ScoringPointsFor<'currency'>>().toEqualTypeOf<ScoringRangePoints>();
    expectTypeOf<ScoringPointsFor<'list'>>().toEqualTypeOf<ScoringListPoints>();
    expectTypeOf<
      ScoringRuleUpsertParams<'hq_country'>['points']
    >().toEqualTypeOf<ScoringListPoints>();
    expectTypeOf<ScoringRuleUpsertParams<string>['points']>().toEqualTypeOf<ScoringPoints>();
    expectTypeOf<'uses_salesforce'>().toExtend<KnownScoringAttribute>();
    expectTypeOf<'seniority'>().toExtend<KnownScoringAttribute>();
  });
});
