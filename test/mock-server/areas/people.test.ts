import { describe, expect, it } from 'vitest';
import { MAGIC_EMAILS } from '../../../mock-server/index.ts';
import { mockApi } from '../helpers.ts';

const ALEJANDRO = {
  id: expect.stringMatching(/^prs_[0-9A-Z]{16}$/),
  name: 'Alejandro Dlamini',
  email: 'alejandro.dlamini@stripe.com',
  title: 'VP of Revenue Operations',
  company: 'stripe.com',
  intent_score: 94,
  seniority: 'vp',
  linkedin_url: 'https://www.linkedin.com/in/alejandro-dlamini-f284',
  resolved_at: '2026-05-28T14:02:11Z',
};

describe('POST /v1/people/score', () => {
  it('resolves the email of a fixture person to that person, with the company’s score', async () => {
    const reply = await mockApi().post('/people/score', { email: 'Alejandro.Dlamini@stripe.com' });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ ...ALEJANDRO, mode: 'test' });
  });

  it('resolves the LinkedIn URL of a fixture person to the same person', async () => {
    const api = mockApi();
    const byEmail = await api.post('/people/score', { email: 'alejandro.dlamini@stripe.com' });
    const byLinkedin = await api.post('/people/score', {
      linkedin_url: 'https://www.linkedin.com/in/alejandro-dlamini-f284/',
    });
    expect(byLinkedin.body).toEqual(byEmail.body);
  });

  it('resolves another email at a known company to a deterministic synthetic person there', async () => {
    const api = mockApi();
    const first = await api.post('/people/score', {
      email: 'jane.doe@stripe.com',
      role_hint: 'RevOps',
    });
    expect(first.body).toEqual({
      id: expect.stringMatching(/^prs_/),
      name: 'Jane Doe',
      email: 'jane.doe@stripe.com',
      title: expect.stringContaining('Revenue Operations'),
      company: 'stripe.com',
      intent_score: 94,
      seniority: expect.any(String),
      linkedin_url: null,
      resolved_at: '2026-05-28T14:02:11Z',
      mode: 'test',
    });
    const again = await mockApi({ seed: 'other' }).post('/people/score', {
      email: 'jane.doe@stripe.com',
      role_hint: 'RevOps',
    });
    expect(again.body).toEqual(first.body);
  });

  it('resolves the company of a work email at a subdomain to its apex', async () => {
    const reply = await mockApi().post('/people/score', { email: 'sam@eu.stripe.com' });
    expect(reply.body).toMatchObject({ email: 'sam@eu.stripe.com', company: 'stripe.com' });
  });

  it('answers 422 unresolvable_person for a free-mail address', async () => {
    const reply = await mockApi().post('/people/score', { email: MAGIC_EMAILS.freeMail });
    expect(reply.status).toBe(422);
    expect(reply.body.error).toEqual({
      type: 'invalid_request_error',
      code: 'unresolvable_person',
      message:
        'Free-mail addresses cannot be resolved to a company. Use a work email or a LinkedIn profile URL.',
      request_id: reply.headers.get('x-request-id'),
      field: 'email',
    });
  });

  it.each(['someone@yahoo.com', 'someone@outlook.com', 'someone@proton.me', 'someone@icloud.com'])(
    'treats %s as free-mail',
    async (email) => {
      expect((await mockApi().post('/people/score', { email })).body.error.code).toBe(
        'unresolvable_person',
      );
    },
  );

  it('answers 422 unresolvable_person for a LinkedIn URL without /in/', async () => {
    const reply = await mockApi().post('/people/score', { linkedin_url: MAGIC_EMAILS.notAProfile });
    expect(reply.status).toBe(422);
    expect(reply.body.error).toMatchObject({ code: 'unresolvable_person', field: 'linkedin_url' });
  });

  it('answers 422 unresolvable_person for an address at unresolvable.test', async () => {
    const reply = await mockApi().post('/people/score', { email: MAGIC_EMAILS.unresolvable });
    expect(reply.status).toBe(422);
    expect(reply.body.error).toMatchObject({
      code: 'unresolvable_person',
      message: 'No person could be resolved at unresolvable.test.',
    });
  });

  it('answers 403 restricted_use for an address at restricted.test', async () => {
    const reply = await mockApi().post('/people/score', { email: MAGIC_EMAILS.restricted });
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('restricted_use');
  });

  it('refuses both email and linkedin_url, and neither, with 400', async () => {
    const api = mockApi();
    const both = await api.post('/people/score', {
      email: 'a@stripe.com',
      linkedin_url: 'https://www.linkedin.com/in/a',
    });
    expect(both.status).toBe(400);
    expect(both.body.error).toMatchObject({
      field: 'email',
      message: 'Pass exactly one of email or linkedin_url, not both.',
    });
    const neither = await api.post('/people/score', { role_hint: 'RevOps' });
    expect(neither.body.error).toMatchObject({
      field: 'email',
      message: 'email or linkedin_url is required (pass exactly one of them).',
    });
  });

  it('resolves a LinkedIn URL with a stray % in its slug instead of failing', async () => {
    const reply = await mockApi().post('/people/score', {
      linkedin_url: 'https://www.linkedin.com/in/jane-%E0%A4%A',
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      name: 'Jane',
      linkedin_url: 'https://www.linkedin.com/in/jane-%e0%a4%a',
    });
  });

  it('resolves a person of the prospect pool by work email, with the title a search showed', async () => {
    const reply = await mockApi().post('/people/score', { email: 'rosa.haddad@atlassian.com' });
    expect(reply.body).toMatchObject({
      id: 'prs_N57ACTMQH30EGTDA',
      name: 'Rosa Haddad',
      title: 'Chief Revenue Officer',
      seniority: 'c_level',
      company: 'atlassian.com',
      linkedin_url: 'https://www.linkedin.com/in/rosa-haddad-d0e7',
    });
  });

  it('refuses a malformed email with 400 on the email field', async () => {
    const reply = await mockApi().post('/people/score', { email: 'not-an-email' });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({
      field: 'email',
      message: 'email must be an email address.',
    });
  });

  it('charges one credit with a live key', async () => {
    const api = mockApi();
    await api.post('/people/score', { email: 'jane.doe@stripe.com' }, { key: api.mock.keys.live });
    expect(api.mock.credits.get().used).toBe(1);
  });

  it('records person.scored the first time a person is resolved, not again', async () => {
    const api = mockApi();
    await api.post('/people/score', { email: 'alejandro.dlamini@stripe.com' });
    await api.post('/people/score', { email: 'alejandro.dlamini@stripe.com' });
    const events = api.mock.events.list({ type: 'person.scored' });
    expect(events).toHaveLength(1);
    expect(events[0]?.data).toEqual({ person: ALEJANDRO });
  });
});
