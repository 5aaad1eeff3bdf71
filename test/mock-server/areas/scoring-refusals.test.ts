/**
 * Every refusal of scoring profiles, with the exact status, code and field a user sees, and proof
 * that a refused request stores nothing.
 */
import { describe, expect, it } from 'vitest';
import { SCORING_ATTRIBUTES } from '../../../src/schemas/scoring-attributes.ts';
import { type Api, mockApi, type Reply } from '../helpers.ts';

function refusal(reply: Reply): { status: number; code: string; field: string | undefined } {
  return { status: reply.status, code: reply.body.error?.code, field: reply.body.error?.field };
}

async function newProfile(api: Api, objectType: 'company' | 'contact' = 'company') {
  const reply = await api.post('/scoring/profiles', { object_type: objectType, name: 'ICP' });
  return reply.body as { id: string };
}

const repeat = (count: number, make: (i: number) => string) =>
  Array.from({ length: count }, (_, i) => make(i));

describe('profiles refuse', () => {
  it.each([
    ['no object_type', { name: 'ICP' }, 'object_type'],
    ['an unknown object_type', { object_type: 'account', name: 'ICP' }, 'object_type'],
    ['no name', { object_type: 'company' }, 'name'],
    ['an empty name', { object_type: 'company', name: '' }, 'name'],
    ['a name over 80 characters', { object_type: 'company', name: 'x'.repeat(81) }, 'name'],
    [
      'a description over 500 characters',
      { object_type: 'company', name: 'ICP', description: 'x'.repeat(501) },
      'description',
    ],
    ['an unknown field', { object_type: 'company', name: 'ICP', nmae: 'x' }, 'nmae'],
  ])('%s with 400 invalid_request', async (_, body, field) => {
    const api = mockApi();
    expect(refusal(await api.post('/scoring/profiles', body))).toEqual({
      status: 400,
      code: 'invalid_request',
      field,
    });
    expect((await api.get('/scoring/profiles')).body.data).toEqual([]);
  });

  it('an update that names object_type, which is immutable', async () => {
    const api = mockApi();
    const profile = await newProfile(api);
    const reply = await api.patch(`/scoring/profiles/${profile.id}`, {
      name: 'Contacts',
      object_type: 'contact',
    });
    expect(refusal(reply)).toEqual({ status: 400, code: 'invalid_request', field: 'object_type' });
    expect(reply.body.error.message).toBe(
      'object_type cannot be changed: a profile scores one type of object. Create a new profile for the other type.',
    );
    expect((await api.get(`/scoring/profiles/${profile.id}`)).body.name).toBe('ICP');
  });

  it('an update with nothing to change', async () => {
    const api = mockApi();
    const profile = await newProfile(api);
    const reply = await api.patch(`/scoring/profiles/${profile.id}`, {});
    expect(refusal(reply)).toEqual({ status: 400, code: 'invalid_request', field: 'body' });
    expect(reply.body.error.message).toBe('Pass at least one of name or description to update.');
  });

  it('an unknown profile with 404', async () => {
    const api = mockApi();
    for (const reply of [
      await api.get('/scoring/profiles/prf_01KSQE91NR2AMTY1'),
      await api.patch('/scoring/profiles/prf_01KSQE91NR2AMTY1', { name: 'x' }),
      await api.delete('/scoring/profiles/prf_01KSQE91NR2AMTY1'),
      await api.get('/scoring/profiles/prf_01KSQE91NR2AMTY1/rules'),
    ]) {
      expect(refusal(reply)).toEqual({ status: 404, code: 'not_found', field: undefined });
      expect(reply.body.error.message).toBe(
        'No scoring profile with ID prf_01KSQE91NR2AMTY1 exists in this workspace.',
      );
    }
  });

  it('a 101st profile in a mode of a workspace', async () => {
    const api = mockApi();
    for (let i = 0; i < 100; i++) await newProfile(api);
    const reply = await api.post('/scoring/profiles', { object_type: 'company', name: 'one more' });
    expect(refusal(reply)).toEqual({ status: 400, code: 'invalid_request', field: 'body' });
    expect(reply.body.error.message).toBe(
      'A workspace holds at most 100 scoring profiles in each mode. Delete one before creating another.',
    );
    const live = await api.post(
      '/scoring/profiles',
      { object_type: 'company', name: 'live' },
      { key: api.mock.keys.live },
    );
    expect(live.status).toBe(201);
  });
});

describe('rules refuse', () => {
  const range = { ranges: [{ min: 0, points: 1 }] };
  it.each([
    ['no attribute', { dimension: 'fit', points: range }, 'attribute'],
    [
      'an attribute over 64 characters',
      { attribute: 'a'.repeat(65), dimension: 'fit', points: range },
      'attribute',
    ],
    [
      'an unknown dimension',
      { attribute: 'employee_count', dimension: 'fitness', points: range },
      'dimension',
    ],
    ['no points', { attribute: 'employee_count', dimension: 'fit' }, 'points'],
    [
      'points that are not an object',
      { attribute: 'employee_count', dimension: 'fit', points: 'ten' },
      'points',
    ],
    [
      'fractional points',
      { attribute: 'is_public', dimension: 'fit', points: { true: 1.5 } },
      'points.true',
    ],
    [
      'points over 1,000',
      {
        attribute: 'employee_count',
        dimension: 'fit',
        points: { ranges: [{ min: 0, points: 1001 }] },
      },
      'points.ranges[0].points',
    ],
    [
      'a bound that is not a number',
      {
        attribute: 'employee_count',
        dimension: 'fit',
        points: { ranges: [{ min: '0', points: 1 }] },
      },
      'points.ranges[0].min',
    ],
    [
      'more than 50 ranges',
      {
        attribute: 'employee_count',
        dimension: 'fit',
        points: {
          ranges: Array.from({ length: 51 }, (_, i) => ({
            min: i,
            max: i + 1,
            points: 1,
          })),
        },
      },
      'points.ranges',
    ],
    [
      'more than 100 choices',
      {
        attribute: 'tech_stack',
        dimension: 'fit',
        points: {
          choices: Object.fromEntries(repeat(101, (i) => `tool${i}`).map((name) => [name, 1])),
        },
      },
      'points.choices',
    ],
    [
      'a choice name over 100 characters',
      { attribute: 'tech_stack', dimension: 'fit', points: { choices: { ['x'.repeat(101)]: 1 } } },
      // The field names the choice; the mock echoes at most 100 characters of a field.
      `points.choices.${'x'.repeat(85)}…`,
    ],
    [
      'an unknown mode',
      { attribute: 'tech_stack', dimension: 'fit', points: { choices: { AWS: 1 }, mode: 'sum' } },
      'points.mode',
    ],
    [
      'two shapes at once',
      { attribute: 'is_public', dimension: 'fit', points: { true: 1, ranges: [] } },
      'points.true',
    ],
  ])('%s with 400 invalid_request', async (_, body, field) => {
    const api = mockApi();
    const profile = await newProfile(api);
    const reply = await api.put(`/scoring/profiles/${profile.id}/rules`, body);
    expect(refusal(reply)).toEqual({ status: 400, code: 'invalid_request', field });
    expect((await api.get(`/scoring/profiles/${profile.id}`)).body.rule_count).toBe(0);
  });

  it('an attribute the catalog does not have, on attribute', async () => {
    const api = mockApi();
    const profile = await newProfile(api);
    const reply = await api.put(`/scoring/profiles/${profile.id}/rules`, {
      attribute: 'employees',
      dimension: 'fit',
      points: range,
    });
    expect(refusal(reply)).toEqual({ status: 400, code: 'invalid_request', field: 'attribute' });
    expect(reply.body.error.message).toBe(
      'attribute "employees" is not an attribute a rule can test. List them with GET /scoring/attributes.',
    );
  });

  it.each([
    ['employee_count', 'number', { true: 5 }],
    ['annual_revenue', 'currency', { choices: { big: 5 } }],
    ['is_public', 'boolean', { ranges: [] }],
    ['tech_stack', 'list', { true: 5 }],
  ])(
    'points of another shape for %s (%s) with 422 invalid_point_values',
    async (attribute, _, points) => {
      const api = mockApi();
      const profile = await newProfile(api);
      const reply = await api.put(`/scoring/profiles/${profile.id}/rules`, {
        attribute,
        dimension: 'fit',
        points,
      });
      expect(refusal(reply)).toEqual({
        status: 422,
        code: 'invalid_point_values',
        field: 'points',
      });
      expect(reply.body.error.type).toBe('invalid_request_error');
      expect((await api.get(`/scoring/profiles/${profile.id}`)).body.rule_count).toBe(0);
    },
  );

  it.each([
    [
      'overlapping ranges',
      'employee_count',
      {
        ranges: [
          { min: 0, max: 500, points: 1 },
          { min: 499, points: 2 },
        ],
      },
      'ranges 0-500 and 499+ overlap: a value must fall in one range at most.',
    ],
    [
      'a range whose min is not below its max',
      'employee_count',
      { ranges: [{ min: 500, max: 100, points: 1 }] },
      'range 0 goes from 500 to 100: min must be below max (min is inclusive, max exclusive).',
    ],
    [
      'exact_match on a list of several values',
      'tech_stack',
      { choices: { AWS: 1 }, mode: 'exact_match' },
      'exact_match compares one value, and tech_stack holds several: use additive, best_match, contains_all or contains_none.',
    ],
    [
      'the same choice twice',
      'industry',
      { choices: { Software: 1, ' software': 2 } },
      'choices "Software" and " software" are the same choice (choices match case-insensitively, trimmed).',
    ],
  ])('%s with 422 invalid_point_values', async (_, attribute, points, message) => {
    const api = mockApi();
    const profile = await newProfile(api);
    const reply = await api.put(`/scoring/profiles/${profile.id}/rules`, {
      attribute,
      dimension: 'fit',
      points,
    });
    expect(refusal(reply)).toEqual({ status: 422, code: 'invalid_point_values', field: 'points' });
    expect(reply.body.error.message).toBe(message);
  });

  it('an attribute of the other object type with 422 object_type_mismatch, on attribute', async () => {
    const api = mockApi();
    const company = await newProfile(api, 'company');
    const contact = await newProfile(api, 'contact');
    const onCompany = await api.put(`/scoring/profiles/${company.id}/rules`, {
      attribute: 'seniority',
      dimension: 'fit',
      points: { choices: { vp: 10 } },
    });
    expect(refusal(onCompany)).toEqual({
      status: 422,
      code: 'object_type_mismatch',
      field: 'attribute',
    });
    expect(onCompany.body.error.message).toBe(
      `seniority is an attribute of contacts, and profile ${company.id} scores companies. Use a company attribute (GET /scoring/attributes?object_type=company).`,
    );
    const onContact = await api.put(`/scoring/profiles/${contact.id}/rules`, {
      attribute: 'employee_count',
      dimension: 'fit',
      points: range,
    });
    expect(refusal(onContact)).toEqual({
      status: 422,
      code: 'object_type_mismatch',
      field: 'attribute',
    });
  });

  it('a rule on a profile that does not exist with 404', async () => {
    const api = mockApi();
    const reply = await api.put('/scoring/profiles/prf_01KSQE91NR2AMTY1/rules', {
      attribute: 'employee_count',
      dimension: 'fit',
      points: range,
    });
    expect(refusal(reply)).toEqual({ status: 404, code: 'not_found', field: undefined });
    const rule = await api.delete(
      '/scoring/profiles/prf_01KSQE91NR2AMTY1/rules/rul_01KSQE91NRW581N4',
    );
    expect(rule.status).toBe(404);
  });

  it('a 101st rule, and still replaces one of the 100', async () => {
    const api = mockApi();
    const profile = await newProfile(api);
    const path = `/scoring/profiles/${profile.id}/rules`;
    const pointsOf = (answerType: string) =>
      answerType === 'boolean'
        ? { true: 1 }
        : answerType === 'list'
          ? { choices: { any: 1 } }
          : { ranges: [{ min: 0, points: 1 }] };
    const rules = ['fit', 'urgency'].flatMap((dimension) =>
      Object.entries(SCORING_ATTRIBUTES.company).map(([attribute, answerType]) => ({
        attribute,
        dimension,
        points: pointsOf(answerType),
      })),
    );
    expect(rules.length).toBeGreaterThan(100);
    for (const rule of rules.slice(0, 100)) expect((await api.put(path, rule)).status).toBe(200);
    const reply = await api.put(path, rules[100]);
    expect(refusal(reply)).toEqual({ status: 400, code: 'invalid_request', field: 'body' });
    expect(reply.body.error.message).toBe(
      'A scoring profile holds at most 100 rules. Delete one, or replace an existing rule by upserting its attribute and dimension.',
    );
    expect((await api.put(path, { ...rules[0], points: { ranges: [] } })).status).toBe(200);
    expect((await api.get(`/scoring/profiles/${profile.id}`)).body.rule_count).toBe(100);
  });
});

describe('assignments refuse', () => {
  it.each([
    ['no profile_id', { object_type: 'company', object_id: 'stripe.com' }, 'profile_id'],
    [
      'a profile_id over 64 characters',
      { profile_id: 'p'.repeat(65), object_type: 'company', object_id: 'stripe.com' },
      'profile_id',
    ],
    ['no object_id', { profile_id: 'prf_1', object_type: 'company' }, 'object_id'],
    [
      'a domain that is not one',
      { profile_id: 'prf_1', object_type: 'company', object_id: 'localhost' },
      'object_id',
    ],
    [
      'a contact that is not a LinkedIn profile',
      {
        profile_id: 'prf_1',
        object_type: 'contact',
        object_id: 'https://www.linkedin.com/company/stripe',
      },
      'object_id',
    ],
    [
      'a contact by email',
      { profile_id: 'prf_1', object_type: 'contact', object_id: 'jane.doe@stripe.com' },
      'object_id',
    ],
  ])('%s with 400 invalid_request', async (_, body, field) => {
    const api = mockApi();
    expect(refusal(await api.post('/scoring/assignments', body))).toEqual({
      status: 400,
      code: 'invalid_request',
      field,
    });
  });

  it('an assignment to a profile that was deleted with 404', async () => {
    const api = mockApi();
    const profile = await newProfile(api);
    await api.delete(`/scoring/profiles/${profile.id}`);
    const body = { profile_id: profile.id, object_type: 'company', object_id: 'stripe.com' };
    const single = await api.post('/scoring/assignments', body);
    expect(refusal(single)).toEqual({ status: 404, code: 'not_found', field: undefined });
    expect(single.body.error.message).toBe(
      `No scoring profile with ID ${profile.id} exists in this workspace.`,
    );
    const bulk = await api.post('/scoring/assignments/bulk', {
      profile_id: profile.id,
      object_type: 'company',
      object_ids: ['stripe.com'],
    });
    expect(refusal(bulk)).toEqual({ status: 404, code: 'not_found', field: undefined });
    expect((await api.get('/scoring/assignments')).body.data).toEqual([]);
  });

  it('an object of the other type with 422 object_type_mismatch, on object_type', async () => {
    const api = mockApi();
    const profile = await newProfile(api, 'company');
    const single = await api.post('/scoring/assignments', {
      profile_id: profile.id,
      object_type: 'contact',
      object_id: 'https://www.linkedin.com/in/jane-doe',
    });
    expect(refusal(single)).toEqual({
      status: 422,
      code: 'object_type_mismatch',
      field: 'object_type',
    });
    expect(single.body.error.message).toBe(
      `Profile ${profile.id} scores companies; a contact cannot be assigned to it.`,
    );
    const bulk = await api.post('/scoring/assignments/bulk', {
      profile_id: profile.id,
      object_type: 'contact',
      object_ids: ['https://www.linkedin.com/in/jane-doe'],
    });
    expect(refusal(bulk)).toEqual({
      status: 422,
      code: 'object_type_mismatch',
      field: 'object_type',
    });
  });

  it('501 objects at once, or none', async () => {
    const api = mockApi();
    const profile = await newProfile(api);
    const many = await api.post('/scoring/assignments/bulk', {
      profile_id: profile.id,
      object_type: 'company',
      object_ids: repeat(501, (i) => `company-${i}.com`),
    });
    expect(refusal(many)).toEqual({ status: 400, code: 'invalid_request', field: 'object_ids' });
    expect(many.body.error.message).toBe('object_ids must have at most 500 items.');
    const none = await api.post('/scoring/assignments/bulk', {
      profile_id: profile.id,
      object_type: 'company',
      object_ids: [],
    });
    expect(refusal(none)).toEqual({ status: 400, code: 'invalid_request', field: 'object_ids' });
    expect((await api.get(`/scoring/profiles/${profile.id}`)).body.assignment_count).toBe(0);
  });

  it('a bulk request with bad objects, naming every one, and assigns none of them', async () => {
    const api = mockApi();
    const profile = await newProfile(api);
    const reply = await api.post('/scoring/assignments/bulk', {
      profile_id: profile.id,
      object_type: 'company',
      object_ids: ['stripe.com', 'localhost', 'notion.so', 'not a domain'],
    });
    expect(refusal(reply)).toEqual({
      status: 400,
      code: 'invalid_request',
      field: 'object_ids[1]',
    });
    expect(reply.body.error.fields.map((f: { field: string }) => f.field)).toEqual([
      'object_ids[1]',
      'object_ids[3]',
    ]);
    expect((await api.get(`/scoring/profiles/${profile.id}`)).body.assignment_count).toBe(0);
  });

  it('more than 10,000 assignments in a mode of a workspace', async () => {
    const api = mockApi();
    const profile = await newProfile(api);
    for (let batch = 0; batch < 20; batch++) {
      const reply = await api.post('/scoring/assignments/bulk', {
        profile_id: profile.id,
        object_type: 'company',
        object_ids: repeat(500, (i) => `company-${batch * 500 + i}.com`),
      });
      expect(reply.body.data).toHaveLength(500);
    }
    const reply = await api.post('/scoring/assignments', {
      profile_id: profile.id,
      object_type: 'company',
      object_id: 'one-more.com',
    });
    expect(refusal(reply)).toEqual({ status: 400, code: 'invalid_request', field: 'body' });
    expect(reply.body.error.message).toBe(
      'A workspace holds at most 10,000 scoring assignments in each mode; this request would make 10,001. Remove assignments first.',
    );
    const again = await api.post('/scoring/assignments', {
      profile_id: profile.id,
      object_type: 'company',
      object_id: 'company-0.com',
    });
    expect(again.status).toBe(200);
  });

  it('listing by object_id without object_type', async () => {
    const api = mockApi();
    const reply = await api.get('/scoring/assignments?object_id=stripe.com');
    expect(refusal(reply)).toEqual({ status: 400, code: 'invalid_request', field: 'object_type' });
  });

  it('listing by a profile that does not exist with 404', async () => {
    const api = mockApi();
    const reply = await api.get('/scoring/assignments?profile_id=prf_01KSQE91NR2AMTY1');
    expect(refusal(reply)).toEqual({ status: 404, code: 'not_found', field: undefined });
  });

  it('removing an assignment that does not exist with 404', async () => {
    const reply = await mockApi().delete('/scoring/assignments/asg_01KSQE91NRHYXXAR');
    expect(refusal(reply)).toEqual({ status: 404, code: 'not_found', field: undefined });
  });
});

describe('scores and compute refuse', () => {
  it.each([
    ['no object_type', '/scoring/scores?object_id=stripe.com', 'object_type'],
    ['no object_id', '/scoring/scores?object_type=company', 'object_id'],
    [
      '101 objects',
      `/scoring/scores?object_type=company&${repeat(101, (i) => `object_id=c${i}.com`).join('&')}`,
      'object_id',
    ],
    [
      'a bad domain, by its position',
      '/scoring/scores?object_type=company&object_id=stripe.com&object_id=localhost',
      'object_id[1]',
    ],
    ['an unknown object type', '/scoring/attributes?object_type=person', 'object_type'],
    ['values without an object', '/scoring/attributes/values?object_type=company', 'object_id'],
    [
      'values of a bad contact',
      '/scoring/attributes/values?object_type=contact&object_id=stripe.com',
      'object_id',
    ],
  ])('%s with 400 invalid_request', async (_, path, field) => {
    expect(refusal(await mockApi().get(path))).toEqual({
      status: 400,
      code: 'invalid_request',
      field,
    });
  });

  it('scores of a profile that does not exist with 404', async () => {
    const reply = await mockApi().get(
      '/scoring/scores?object_type=company&object_id=stripe.com&profile_id=prf_01KSQE91NR2AMTY1',
    );
    expect(refusal(reply)).toEqual({ status: 404, code: 'not_found', field: undefined });
  });

  it.each([
    [
      '501 objects',
      { object_type: 'company', object_ids: repeat(501, (i) => `c${i}.com`) },
      'object_ids',
    ],
    ['no object', { object_type: 'company', object_ids: [] }, 'object_ids'],
    ['a bad domain', { object_type: 'company', object_ids: ['localhost'] }, 'object_ids[0]'],
    [
      'an unknown object type',
      { object_type: 'people', object_ids: ['stripe.com'] },
      'object_type',
    ],
  ])('compute of %s with 400 invalid_request', async (_, body, field) => {
    const api = mockApi();
    expect(refusal(await api.post('/scoring/compute', body))).toEqual({
      status: 400,
      code: 'invalid_request',
      field,
    });
    expect(api.mock.inspect().scheduled_tasks).toBe(mockApi().mock.inspect().scheduled_tasks);
  });
});
