import { describe, expect, it } from 'vitest';
import { SCORING_ATTRIBUTES } from '../../../src/schemas/scoring-attributes.ts';
import { isKnownWebhookEvent, verifyWebhook } from '../../../src/webhooks/index.ts';
import { createEndpoint, receiveInProcess } from '../events/helpers.ts';
import { type Api, ID, mockApi } from '../helpers.ts';

const STRIPE_PERSON = 'https://www.linkedin.com/in/alejandro-dlamini-f284';

/** A profile with rules, created through the API. */
async function profileWith(
  api: Api,
  rules: readonly Record<string, unknown>[],
  objectType: 'company' | 'contact' = 'company',
  key?: string,
) {
  const options = key === undefined ? {} : { key };
  const { body: profile } = await api.post(
    '/scoring/profiles',
    { object_type: objectType, name: 'Mid-market fintech' },
    options,
  );
  for (const rule of rules) {
    const reply = await api.put(`/scoring/profiles/${profile.id}/rules`, rule, options);
    if (reply.status !== 200) throw new Error(reply.text);
  }
  return profile as { id: string };
}

async function assign(api: Api, profileId: string, objectId: string, key?: string) {
  const reply = await api.post(
    '/scoring/assignments',
    { profile_id: profileId, object_type: 'company', object_id: objectId },
    key === undefined ? {} : { key },
  );
  return reply.body as { id: string };
}

async function rows(api: Api, ...objectIds: string[]) {
  const query = objectIds.map((id) => `object_id=${encodeURIComponent(id)}`).join('&');
  return (await api.get(`/scoring/scores?object_type=company&${query}`)).body.data;
}

/** The worked example of the docs: a fit and an urgency profile for mid-market fintech. */
const FIT_RULES = [
  {
    attribute: 'employee_count',
    dimension: 'fit',
    points: {
      ranges: [
        { min: 0, max: 100, points: 2 },
        { min: 100, max: 1000, points: 10 },
        { min: 1000, max: null, points: 25 },
      ],
    },
  },
  {
    attribute: 'tech_stack',
    dimension: 'fit',
    points: { choices: { Salesforce: 10, HubSpot: 8 } },
  },
  { attribute: 'is_public', dimension: 'fit', points: { true: -5, false: 10 } },
  { attribute: 'has_recent_funding', dimension: 'fit', points: { true: 15 } },
  {
    attribute: 'industry',
    dimension: 'fit',
    points: {
      choices: { 'Payments infrastructure': 20, 'Spend management': 15 },
      mode: 'exact_match',
    },
  },
];
const URGENCY_RULES = [
  {
    attribute: 'intent_score',
    dimension: 'urgency',
    points: {
      ranges: [
        { min: 80, max: null, points: 20 },
        { min: 60, max: 80, points: 10 },
      ],
    },
  },
  { attribute: 'hiring', dimension: 'urgency', points: { ranges: [{ min: 75, points: 10 }] } },
];

describe('scoring attributes', () => {
  it('lists the catalog: every company attribute, then every contact attribute', async () => {
    const api = mockApi();
    const first = await api.get('/scoring/attributes?limit=100');
    expect(first.status).toBe(200);
    const ids = first.body.data.map((attribute: { id: string }) => attribute.id);
    expect(ids.slice(0, 17)).toEqual([
      'intent_score',
      'funding',
      'hiring',
      'news',
      'tech',
      'web',
      'delta_30d',
      'band',
      'employee_count',
      'annual_revenue',
      'total_funding',
      'headcount_growth_90d',
      'industry',
      'hq_country',
      'tech_stack',
      'is_public',
      'has_recent_funding',
    ]);
    expect(ids.slice(17, 20)).toEqual(['uses_adyen', 'uses_amplitude', 'uses_aws']);
    expect(ids).toHaveLength(59);
    expect(first.body.data.find((a: { id: string }) => a.id === 'employee_count')).toEqual({
      id: 'employee_count',
      object_type: 'company',
      answer_type: 'number',
      multi: false,
      description: 'Employees, rounded.',
      choices: null,
      unit: 'employees',
    });
    const stack = first.body.data.find((a: { id: string }) => a.id === 'tech_stack');
    expect(stack).toMatchObject({ answer_type: 'list', multi: true, unit: null });
    expect(stack.choices).toContain('Salesforce');
    expect(stack.choices).toContain('Stripe');
    expect(first.body.data.find((a: { id: string }) => a.id === 'uses_salesforce')).toEqual({
      id: 'uses_salesforce',
      object_type: 'company',
      answer_type: 'boolean',
      multi: false,
      description: "Whether Salesforce is in the company's tech stack.",
      choices: null,
      unit: null,
    });
  });

  it('lists one object type, page by page', async () => {
    const api = mockApi();
    const page = await api.get('/scoring/attributes?object_type=contact&limit=4');
    expect(page.body.data.map((a: { id: string }) => a.id)).toEqual([
      'seniority',
      'department',
      'is_decision_maker',
      'company_intent_score',
    ]);
    expect(page.body.has_more).toBe(true);
    const next = await api.get(
      `/scoring/attributes?object_type=contact&limit=4&cursor=${page.body.next_cursor}`,
    );
    expect(next.body).toMatchObject({ has_more: false, next_cursor: null });
    expect(next.body.data).toEqual([
      {
        id: 'company_employee_count',
        object_type: 'contact',
        answer_type: 'number',
        multi: false,
        description: "Employees of the contact's company.",
        choices: null,
        unit: 'employees',
      },
      {
        id: 'company_industry',
        object_type: 'contact',
        answer_type: 'list',
        multi: false,
        description: "The industry of the contact's company.",
        choices: expect.arrayContaining(['Payments infrastructure', 'Software']),
        unit: null,
      },
    ]);
  });

  it('shows what the engine sees of stripe.com, whatever form its domain is given in', async () => {
    const api = mockApi();
    const reply = await api.get(
      `/scoring/attributes/values?object_type=company&object_id=${encodeURIComponent('https://www.stripe.com/atlas')}`,
    );
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ object_type: 'company', object_id: 'stripe.com' });
    const { values } = reply.body;
    expect(values).toMatchObject({
      intent_score: 94,
      funding: 96,
      hiring: 88,
      news: 92,
      tech: 78,
      web: 84,
      delta_30d: 12,
      band: 'HOT',
      employee_count: 8500,
      annual_revenue: 5_100_000_000,
      total_funding: 9_400_000_000,
      headcount_growth_90d: 5,
      industry: 'Payments infrastructure',
      hq_country: 'US',
      tech_stack: [
        'AWS',
        'Datadog',
        'Looker',
        'Outreach',
        'Salesforce',
        'Segment',
        'Slack',
        'Snowflake',
        'Stripe',
      ],
      is_public: false,
      has_recent_funding: true,
      uses_salesforce: true,
      uses_stripe: true,
      uses_hubspot: false,
    });
    // Every attribute of the catalog, in its order, and nothing else.
    expect(Object.keys(values)).toEqual(Object.keys(SCORING_ATTRIBUTES.company));
    expect(Object.keys(values)).toHaveLength(53);
  });

  it('reads a contact from the people fixtures and the contact’s company', async () => {
    const api = mockApi();
    const url = encodeURIComponent('linkedin.com/in/Alejandro-Dlamini-F284/?trk=profile');
    const reply = await api.get(`/scoring/attributes/values?object_type=contact&object_id=${url}`);
    expect(reply.body).toEqual({
      object_type: 'contact',
      object_id: STRIPE_PERSON,
      values: {
        seniority: 'vp',
        department: 'Revenue Operations',
        is_decision_maker: true,
        company_intent_score: 94,
        company_employee_count: 8500,
        company_industry: 'Payments infrastructure',
      },
      mode: 'test',
    });
  });

  it('has no value at all for a domain that cannot be scored', async () => {
    const api = mockApi();
    const reply = await api.get(
      '/scoring/attributes/values?object_type=company&object_id=unscorable.test',
    );
    expect(Object.values(reply.body.values).every((value) => value === null)).toBe(true);
    expect(Object.keys(reply.body.values)).toHaveLength(53);
  });

  it('gives any other domain the same values in every mock', async () => {
    const path = '/scoring/attributes/values?object_type=company&object_id=acme-widgets.io';
    const a = await mockApi().get(path);
    const b = await mockApi({ seed: 'another' }).get(path);
    expect(a.body).toEqual(b.body);
    expect(a.body.values.employee_count).toBeGreaterThan(0);
    expect(a.body.values.hq_country).toMatch(/^[A-Z]{2}$/);
  });
});

describe('scoring profiles', () => {
  it('creates, retrieves, renames and deletes a profile', async () => {
    const api = mockApi();
    const created = await api.post('/scoring/profiles', {
      object_type: 'company',
      name: 'Mid-market fintech',
      description: '100 to 1,000 employees on a modern sales stack',
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.stringMatching(ID),
      object_type: 'company',
      name: 'Mid-market fintech',
      description: '100 to 1,000 employees on a modern sales stack',
      rule_count: 0,
      assignment_count: 0,
      created_at: '2026-05-28T14:02:11Z',
      updated_at: '2026-05-28T14:02:11Z',
      mode: 'test',
    });
    expect(created.body.id).toMatch(/^prf_/);
    const path = `/scoring/profiles/${created.body.id}`;
    expect((await api.get(path)).body).toEqual(created.body);
    api.mock.clock.advance('1h');
    const renamed = await api.patch(path, { name: 'Fintech (EMEA)', description: null });
    expect(renamed.body).toMatchObject({
      name: 'Fintech (EMEA)',
      description: null,
      created_at: '2026-05-28T14:02:11Z',
      updated_at: '2026-05-28T15:02:11Z',
    });
    expect((await api.delete(path)).body).toEqual({
      id: created.body.id,
      deleted: true,
      mode: 'test',
    });
    expect((await api.get(path)).status).toBe(404);
  });

  it('lists profiles newest first, by object type, page by page', async () => {
    const api = mockApi();
    for (const [name, type] of [
      ['a', 'company'],
      ['b', 'contact'],
      ['c', 'company'],
    ]) {
      await api.post('/scoring/profiles', { object_type: type, name });
      api.mock.clock.advance('1m');
    }
    const page = await api.get('/scoring/profiles?limit=2');
    expect(page.body.data.map((p: { name: string }) => p.name)).toEqual(['c', 'b']);
    const next = await api.get(`/scoring/profiles?limit=2&cursor=${page.body.next_cursor}`);
    expect(next.body).toMatchObject({ data: [{ name: 'a' }], has_more: false });
    const companies = await api.get('/scoring/profiles?object_type=company');
    expect(companies.body.data.map((p: { name: string }) => p.name)).toEqual(['c', 'a']);
  });

  it('keeps test and live profiles apart', async () => {
    const api = mockApi();
    const profile = await profileWith(api, []);
    expect((await api.get(`/scoring/profiles/${profile.id}`)).status).toBe(200);
    const live = await api.get(`/scoring/profiles/${profile.id}`, { key: api.mock.keys.live });
    expect(live.status).toBe(404);
    expect(live.body.error.code).toBe('not_found');
  });

  it('deletes its rules, assignments and scores with it', async () => {
    const api = mockApi();
    const profile = await profileWith(api, FIT_RULES);
    await assign(api, profile.id, 'stripe.com');
    expect(await rows(api, 'stripe.com')).toHaveLength(2);
    await api.delete(`/scoring/profiles/${profile.id}`);
    expect(await rows(api, 'stripe.com')).toEqual([]);
    expect((await api.get('/scoring/assignments')).body.data).toEqual([]);
    expect((await api.get(`/scoring/profiles/${profile.id}/rules`)).status).toBe(404);
    expect(api.mock.inspect().workspaces[0]?.test).toMatchObject({
      scoring_profiles: 0,
      scoring_rules: 0,
      scoring_assignments: 0,
    });
  });
});

describe('scoring rules', () => {
  it('upserts by attribute and dimension: a new rule, then its points replaced under the same ID', async () => {
    const api = mockApi();
    const profile = await profileWith(api, []);
    const path = `/scoring/profiles/${profile.id}/rules`;
    const created = await api.put(path, FIT_RULES[0]);
    expect(created.status).toBe(200);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^rul_[0-9A-Z]{16}$/),
      profile_id: profile.id,
      attribute: 'employee_count',
      dimension: 'fit',
      answer_type: 'number',
      points: FIT_RULES[0]?.points,
      max_points: 25,
      created_at: '2026-05-28T14:02:11Z',
      updated_at: '2026-05-28T14:02:11Z',
      mode: 'test',
    });
    api.mock.clock.advance('1h');
    const replaced = await api.put(path, {
      attribute: 'employee_count',
      dimension: 'fit',
      points: { ranges: [{ min: 50, points: 5 }] },
    });
    expect(replaced.body).toMatchObject({
      id: created.body.id,
      points: { ranges: [{ min: 50, max: null, points: 5 }] },
      max_points: 5,
      created_at: '2026-05-28T14:02:11Z',
      updated_at: '2026-05-28T15:02:11Z',
    });
    const other = await api.put(path, { ...FIT_RULES[0], dimension: 'urgency' });
    expect(other.body.id).not.toBe(created.body.id);
    const list = await api.get(path);
    expect(list.body.data.map((r: { id: string }) => r.id)).toEqual([
      created.body.id,
      other.body.id,
    ]);
    expect((await api.get(`/scoring/profiles/${profile.id}`)).body).toMatchObject({
      rule_count: 2,
      updated_at: '2026-05-28T15:02:11Z',
    });
  });

  it.each([
    ['boolean', 'is_public', { true: 20 }, { true: 20, false: 0 }, 20],
    [
      'number',
      'employee_count',
      { ranges: [{ max: 10, points: -2 }] },
      { ranges: [{ min: null, max: 10, points: -2 }] },
      0,
    ],
    [
      'percentage',
      'headcount_growth_90d',
      { ranges: [{ min: 2.5, points: 4 }] },
      { ranges: [{ min: 2.5, max: null, points: 4 }] },
      4,
    ],
    [
      'currency',
      'annual_revenue',
      { ranges: [{ min: 1e8, max: 1e9, points: 7 }] },
      { ranges: [{ min: 1e8, max: 1e9, points: 7 }] },
      7,
    ],
    [
      'list',
      'tech_stack',
      { choices: { Salesforce: 10, HubSpot: 8 } },
      { choices: { Salesforce: 10, HubSpot: 8 }, mode: 'additive' },
      18,
    ],
    [
      'list',
      'band',
      { choices: { HOT: 10, WARM: 5 }, mode: 'best_match' },
      { choices: { HOT: 10, WARM: 5 }, mode: 'best_match' },
      10,
    ],
  ])(
    'stores %s points (%s) with their max_points',
    async (answerType, attribute, points, stored, max) => {
      const api = mockApi();
      const profile = await profileWith(api, []);
      const reply = await api.put(`/scoring/profiles/${profile.id}/rules`, {
        attribute,
        dimension: 'fit',
        points,
      });
      expect(reply.body).toMatchObject({
        answer_type: answerType,
        points: stored,
        max_points: max,
      });
    },
  );

  it('deletes a rule and re-scores every object at once', async () => {
    const api = mockApi();
    const profile = await profileWith(api, FIT_RULES);
    await assign(api, profile.id, 'stripe.com');
    const { body: rules } = await api.get(`/scoring/profiles/${profile.id}/rules`);
    const industry = rules.data.find((r: { attribute: string }) => r.attribute === 'industry');
    const path = `/scoring/profiles/${profile.id}/rules/${industry.id}`;
    expect((await api.delete(path)).body).toEqual({ id: industry.id, deleted: true, mode: 'test' });
    const [fit] = await rows(api, 'stripe.com');
    expect(fit).toMatchObject({
      score: 88,
      raw_points: 60,
      max_points: 68,
      total_rules: 4,
      version: 2,
    });
    expect((await api.delete(path)).status).toBe(404);
  });
});

describe('scoring assignments', () => {
  it('assigns an object and scores it at once; assigning it again returns the assignment', async () => {
    const api = mockApi();
    const profile = await profileWith(api, FIT_RULES);
    const created = await api.post('/scoring/assignments', {
      profile_id: profile.id,
      object_type: 'company',
      object_id: 'https://www.stripe.com/',
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^asg_[0-9A-Z]{16}$/),
      profile_id: profile.id,
      object_type: 'company',
      object_id: 'stripe.com',
      assigned_at: '2026-05-28T14:02:11Z',
      mode: 'test',
    });
    const again = await api.post('/scoring/assignments', {
      profile_id: profile.id,
      object_type: 'company',
      object_id: 'stripe.com',
    });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(created.body);
    expect((await api.get(`/scoring/profiles/${profile.id}`)).body.assignment_count).toBe(1);
    expect((await rows(api, 'stripe.com'))[0]).toMatchObject({ score: 91, version: 1 });
  });

  it('assigns many objects, skipping those already assigned and repeats', async () => {
    const api = mockApi();
    const profile = await profileWith(api, []);
    await assign(api, profile.id, 'notion.so');
    const reply = await api.post('/scoring/assignments/bulk', {
      profile_id: profile.id,
      object_type: 'company',
      object_ids: ['linear.app', 'notion.so', 'www.figma.com', 'figma.com', 'https://stripe.com'],
    });
    expect(reply.status).toBe(200);
    expect(reply.body.data.map((a: { object_id: string }) => a.object_id)).toEqual([
      'linear.app',
      'figma.com',
      'stripe.com',
    ]);
    expect(reply.body.skipped).toBe(2);
    expect((await api.get(`/scoring/profiles/${profile.id}`)).body.assignment_count).toBe(4);
  });

  it('lists an object’s profiles, a profile’s objects, or every assignment, newest first', async () => {
    const api = mockApi();
    const a = await profileWith(api, []);
    const b = await profileWith(api, []);
    const first = await assign(api, a.id, 'stripe.com');
    api.mock.clock.advance('1m');
    const second = await assign(api, b.id, 'stripe.com');
    api.mock.clock.advance('1m');
    const third = await assign(api, b.id, 'notion.so');
    const ids = async (query: string) =>
      (await api.get(`/scoring/assignments${query}`)).body.data.map((x: { id: string }) => x.id);
    expect(await ids('')).toEqual([third.id, second.id, first.id]);
    expect(await ids('?object_type=company&object_id=www.stripe.com')).toEqual([
      second.id,
      first.id,
    ]);
    expect(await ids(`?profile_id=${b.id}`)).toEqual([third.id, second.id]);
    expect(await ids(`?profile_id=${b.id}&object_type=company&object_id=stripe.com`)).toEqual([
      second.id,
    ]);
    expect(await ids('?object_type=contact')).toEqual([]);
    const page = await api.get('/scoring/assignments?limit=2');
    expect(page.body).toMatchObject({ has_more: true });
    expect(await ids(`?limit=2&cursor=${page.body.next_cursor}`)).toEqual([first.id]);
  });

  it('removes an assignment with its scores', async () => {
    const api = mockApi();
    const profile = await profileWith(api, FIT_RULES);
    const assignment = await assign(api, profile.id, 'stripe.com');
    const reply = await api.delete(`/scoring/assignments/${assignment.id}`);
    expect(reply.body).toEqual({ id: assignment.id, deleted: true, mode: 'test' });
    expect(await rows(api, 'stripe.com')).toEqual([]);
    expect((await api.get(`/scoring/profiles/${profile.id}`)).body.assignment_count).toBe(0);
    expect((await api.delete(`/scoring/assignments/${assignment.id}`)).status).toBe(404);
  });
});

describe('scoring scores', () => {
  it('explain every score rule by rule: the contributions add up to the raw points', async () => {
    const api = mockApi();
    const profile = await profileWith(api, [...FIT_RULES, ...URGENCY_RULES]);
    await assign(api, profile.id, 'stripe.com');
    const [fit, urgency] = await rows(api, 'stripe.com');
    expect(fit).toEqual({
      id: expect.stringMatching(/^pfs_[0-9A-Z]{16}$/),
      profile_id: profile.id,
      object_type: 'company',
      object_id: 'stripe.com',
      dimension: 'fit',
      score: 91,
      raw_points: 80,
      max_points: 88,
      signal_coverage: 1,
      total_rules: 5,
      contributions: [
        {
          rule_id: expect.stringMatching(/^rul_/),
          attribute: 'employee_count',
          matched_value: '8500 (1000+)',
          points_earned: 25,
          max_points: 25,
        },
        {
          rule_id: expect.stringMatching(/^rul_/),
          attribute: 'has_recent_funding',
          matched_value: 'true',
          points_earned: 15,
          max_points: 15,
        },
        {
          rule_id: expect.stringMatching(/^rul_/),
          attribute: 'industry',
          matched_value: 'Payments infrastructure',
          points_earned: 20,
          max_points: 20,
        },
        {
          rule_id: expect.stringMatching(/^rul_/),
          attribute: 'is_public',
          matched_value: 'false',
          points_earned: 10,
          max_points: 10,
        },
        {
          rule_id: expect.stringMatching(/^rul_/),
          attribute: 'tech_stack',
          matched_value: 'Salesforce',
          points_earned: 10,
          max_points: 18,
        },
      ],
      previous_score: null,
      previous_contributions: null,
      version: 1,
      computed_at: '2026-05-28T14:02:11Z',
    });
    expect(urgency).toMatchObject({
      dimension: 'urgency',
      score: 100,
      raw_points: 30,
      max_points: 30,
      contributions: [
        { attribute: 'hiring', matched_value: '88 (75+)', points_earned: 10, max_points: 10 },
        { attribute: 'intent_score', matched_value: '94 (80+)', points_earned: 20, max_points: 20 },
      ],
    });
  });

  it('list rows in the order the objects are given, then by profile, fit before urgency', async () => {
    const api = mockApi();
    const a = await profileWith(api, FIT_RULES);
    const b = await profileWith(api, URGENCY_RULES);
    await assign(api, b.id, 'stripe.com');
    await assign(api, a.id, 'stripe.com');
    await assign(api, a.id, 'notion.so');
    const all = await rows(api, 'notion.so', 'stripe.com', 'linear.app', 'notion.so');
    expect(
      all.map((r: Record<string, string>) => [r.object_id, r.profile_id, r.dimension]),
    ).toEqual([
      ['notion.so', a.id, 'fit'],
      ['notion.so', a.id, 'urgency'],
      ['stripe.com', a.id, 'fit'],
      ['stripe.com', a.id, 'urgency'],
      ['stripe.com', b.id, 'fit'],
      ['stripe.com', b.id, 'urgency'],
    ]);
    expect(all[0]).toMatchObject({ score: 51, raw_points: 45, max_points: 88 });
    expect(all[3]).toMatchObject({ score: null, raw_points: 0, max_points: 0, total_rules: 0 });
    const page = await api.get(
      `/scoring/scores?object_type=company&object_id=stripe.com&profile_id=${b.id}&limit=1`,
    );
    expect(page.body.data.map((r: { dimension: string }) => r.dimension)).toEqual(['fit']);
    const next = await api.get(
      `/scoring/scores?object_type=company&object_id=stripe.com&profile_id=${b.id}&limit=1&cursor=${page.body.next_cursor}`,
    );
    expect(next.body).toMatchObject({ data: [{ dimension: 'urgency' }], has_more: false });
  });

  it('score an object with no value at all 0, with no coverage', async () => {
    const api = mockApi();
    const profile = await profileWith(api, FIT_RULES);
    await assign(api, profile.id, 'unscorable.test');
    const [fit] = await rows(api, 'unscorable.test');
    expect(fit).toMatchObject({ score: 0, raw_points: 0, max_points: 88, signal_coverage: 0 });
    expect(
      fit.contributions.every((c: { matched_value: unknown }) => c.matched_value === null),
    ).toBe(true);
  });

  it('score contacts from their person and company', async () => {
    const api = mockApi();
    const profile = await profileWith(
      api,
      [
        {
          attribute: 'seniority',
          dimension: 'fit',
          points: { choices: { c_level: 20, vp: 15, director: 10 }, mode: 'exact_match' },
        },
        {
          attribute: 'department',
          dimension: 'fit',
          points: { choices: { 'Revenue Operations': 10 } },
        },
        {
          attribute: 'company_intent_score',
          dimension: 'urgency',
          points: { ranges: [{ min: 80, points: 5 }] },
        },
      ],
      'contact',
    );
    const created = await api.post('/scoring/assignments', {
      profile_id: profile.id,
      object_type: 'contact',
      object_id: 'https://linkedin.com/in/alejandro-dlamini-f284',
    });
    expect(created.body.object_id).toBe(STRIPE_PERSON);
    const reply = await api.get(
      `/scoring/scores?object_type=contact&object_id=${encodeURIComponent(STRIPE_PERSON)}`,
    );
    expect(reply.body.data.map((r: { score: number }) => r.score)).toEqual([83, 100]);
    expect(reply.body.data[0].contributions).toEqual([
      {
        rule_id: expect.any(String),
        attribute: 'department',
        matched_value: 'Revenue Operations',
        points_earned: 10,
        max_points: 10,
      },
      {
        rule_id: expect.any(String),
        attribute: 'seniority',
        matched_value: 'vp',
        points_earned: 15,
        max_points: 20,
      },
    ]);
  });
});

describe('recomputing', () => {
  it('re-scores every assigned object before a rule change answers, keeping the previous version', async () => {
    const api = mockApi();
    const profile = await profileWith(api, FIT_RULES);
    await assign(api, profile.id, 'stripe.com');
    const [before] = await rows(api, 'stripe.com');
    api.mock.clock.advance('1h');
    await api.put(`/scoring/profiles/${profile.id}/rules`, {
      attribute: 'is_public',
      dimension: 'fit',
      points: { true: 10, false: -10 },
    });
    const [after] = await rows(api, 'stripe.com');
    expect(after).toMatchObject({
      id: before.id,
      score: 68,
      raw_points: 60,
      max_points: 88,
      previous_score: 91,
      previous_contributions: before.contributions,
      version: 2,
      computed_at: '2026-05-28T15:02:11Z',
    });
    expect(after.contributions[3]).toMatchObject({
      attribute: 'is_public',
      matched_value: 'false',
      points_earned: -10,
      max_points: 10,
    });
  });

  it('records scoring.score_changed when a score changes, not when it is first computed', async () => {
    const api = mockApi();
    const profile = await profileWith(api, FIT_RULES);
    await assign(api, profile.id, 'stripe.com');
    expect(api.mock.events.list({ type: 'scoring.score_changed' })).toEqual([]);
    await api.put(`/scoring/profiles/${profile.id}/rules`, {
      attribute: 'is_public',
      dimension: 'fit',
      points: { true: 10, false: -10 },
    });
    const events = (await api.get('/events?type=scoring.score_changed')).body.data;
    expect(events).toEqual([
      {
        id: expect.stringMatching(/^evt_/),
        type: 'scoring.score_changed',
        created: '2026-05-28T14:02:11Z',
        data: {
          profile_id: profile.id,
          object_type: 'company',
          object_id: 'stripe.com',
          dimension: 'fit',
          score: 68,
          previous_score: 91,
          version: 2,
        },
      },
    ]);
  });

  it('delivers scoring.score_changed, signed, to the live endpoints subscribed to it', async () => {
    const api = mockApi();
    const live = api.mock.keys.live;
    const url = 'https://example.com/webhooks/scoring';
    const received = receiveInProcess(api.mock, url);
    const { secret } = await createEndpoint(api, url, ['scoring.score_changed']);
    const profile = await profileWith(api, FIT_RULES, 'company', live);
    await assign(api, profile.id, 'stripe.com', live);
    await api.put(
      `/scoring/profiles/${profile.id}/rules`,
      { attribute: 'is_public', dimension: 'fit', points: { true: 10, false: -10 } },
      { key: live },
    );
    await api.mock.deliveries.settle();
    expect(received).toHaveLength(1);
    const event = await verifyWebhook({
      payload: received[0]?.body ?? '',
      headers: received[0]?.headers ?? {},
      secret,
      now: api.mock.clock.now(),
    });
    if (!isKnownWebhookEvent(event) || event.type !== 'scoring.score_changed') {
      throw new Error(`unexpected ${event.type}`);
    }
    expect(event.data).toEqual({
      profile_id: profile.id,
      object_type: 'company',
      object_id: 'stripe.com',
      dimension: 'fit',
      score: 68,
      previous_score: 91,
      version: 2,
    });
    expect(event.delivery_attempt).toBe(1);
    // Scoring profiles cost no credits, in live mode either.
    expect(api.mock.credits.get()).toMatchObject({ used: 0, remaining: 10_000 });
  });

  it('moves the version, and only the version, when contributions change but the score does not', async () => {
    const api = mockApi();
    const profile = await profileWith(api, FIT_RULES);
    await assign(api, profile.id, 'stripe.com');
    await api.put(`/scoring/profiles/${profile.id}/rules`, {
      attribute: 'employee_count',
      dimension: 'fit',
      points: { ranges: [{ min: 5000, points: 25 }] },
    });
    const [fit] = await rows(api, 'stripe.com');
    expect(fit).toMatchObject({ score: 91, previous_score: 91, version: 2 });
    expect(fit.contributions[0].matched_value).toBe('8500 (5000+)');
    expect(fit.previous_contributions[0].matched_value).toBe('8500 (1000+)');
    expect(api.mock.events.list({ type: 'scoring.score_changed' })).toEqual([]);
  });

  it('keeps the version when a recomputation changes nothing', async () => {
    const api = mockApi();
    const profile = await profileWith(api, FIT_RULES);
    await assign(api, profile.id, 'stripe.com');
    api.mock.clock.advance('10m');
    await api.put(`/scoring/profiles/${profile.id}/rules`, FIT_RULES[0]);
    const [fit] = await rows(api, 'stripe.com');
    expect(fit).toMatchObject({
      version: 1,
      previous_score: null,
      computed_at: '2026-05-28T14:12:11Z',
    });
  });

  it('recomputes what POST /scoring/compute queues within a second of mock time', async () => {
    const api = mockApi();
    await api.post('/score', { domain: 'rising.test' }); // WARM 70: day 0 of its rise
    const profile = await profileWith(api, [URGENCY_RULES[0] as Record<string, unknown>]);
    await assign(api, profile.id, 'rising.test');
    // 7 days and 1 hour on, the cached score of day 0 has expired since the last daily refresh.
    api.mock.clock.advance('7d1h');
    expect((await rows(api, 'rising.test'))[1]).toMatchObject({ score: 50, version: 1 });
    const reply = await api.post('/scoring/compute', {
      object_type: 'company',
      object_ids: ['rising.test', 'https://rising.test/', 'stripe.com'],
    });
    expect(reply.status).toBe(202);
    expect(reply.body).toEqual({ queued: 1, failed: 1, mode: 'test' });
    api.mock.clock.advance(999);
    expect((await rows(api, 'rising.test'))[1]).toMatchObject({ score: 50, version: 1 });
    api.mock.clock.advance(1);
    expect((await rows(api, 'rising.test'))[1]).toMatchObject({
      score: 100,
      previous_score: 50,
      version: 2,
      contributions: [{ attribute: 'intent_score', matched_value: '88 (80+)', points_earned: 20 }],
      computed_at: '2026-06-04T15:02:12Z',
    });
  });

  it('refreshes intent every day at 00:00 UTC: scores follow the clock', async () => {
    const api = mockApi();
    await api.post('/score', { domain: 'rising.test' });
    const profile = await profileWith(api, [URGENCY_RULES[0] as Record<string, unknown>]);
    await assign(api, profile.id, 'rising.test');
    api.mock.clock.advance('7d'); // the day-0 score is still fresh at every refresh so far
    expect((await rows(api, 'rising.test'))[1]).toMatchObject({ score: 50, version: 1 });
    api.mock.clock.advance('1d');
    const [, urgency] = await rows(api, 'rising.test');
    expect(urgency).toMatchObject({
      score: 100,
      previous_score: 50,
      version: 2,
      computed_at: '2026-06-05T00:00:00Z',
    });
    const values = await api.get(
      '/scoring/attributes/values?object_type=company&object_id=rising.test',
    );
    expect(values.body.values).toMatchObject({ intent_score: 88, band: 'HOT' });
    expect(api.mock.events.list({ type: 'scoring.score_changed' })).toHaveLength(1);
  });

  it('counts the objects of profiles that read intent toward the most one move of the clock runs', async () => {
    const api = mockApi({ rateLimits: false });
    const urgency = await profileWith(api, [URGENCY_RULES[0] as Record<string, unknown>]);
    const fit = await profileWith(api, FIT_RULES);
    for (let i = 0; i < 30; i++) {
      await assign(api, urgency.id, `account-${i}.com`);
      await assign(api, fit.id, `account-${i}.com`);
    }
    // 30 objects x 36,525 midnights; the fit profile's 30 are never refreshed, so never counted.
    expect(() => api.mock.clock.advance('36525d')).toThrow(
      'would run 1,095,750 profile object re-scores on the way',
    );
    expect(api.mock.clock.now().toISOString()).toBe('2026-05-28T14:02:11.000Z');
  });

  it('leaves profiles whose rules read no intent out of the daily refresh', async () => {
    const api = mockApi();
    const profile = await profileWith(api, FIT_RULES);
    await assign(api, profile.id, 'stripe.com');
    api.mock.clock.advance('2d');
    expect((await rows(api, 'stripe.com'))[0].computed_at).toBe('2026-05-28T14:02:11Z');
  });
});
