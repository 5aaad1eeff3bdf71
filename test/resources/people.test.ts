import { describe, expect, it } from 'vitest';
import { person } from './fixtures.ts';
import { answer, client, received, useServer, writeHeaders } from './server.ts';

useServer();

describe('people', () => {
  it('score() sends POST /people/score with the email and role hint', async () => {
    answer('post', '/people/score', 200, person);
    const result = await client().people.score({
      email: 'jane.doe@stripe.com',
      role_hint: 'RevOps',
    });
    expect(result).toEqual({ ...person, mode: 'test' });
    const [request] = received;
    expect(request).toEqual({
      method: 'POST',
      path: '/v1/people/score',
      query: {},
      headers: writeHeaders(request),
      body: { email: 'jane.doe@stripe.com', role_hint: 'RevOps' },
    });
  });

  it('score() sends a LinkedIn profile URL as given', async () => {
    answer('post', '/people/score', 200, person);
    await client().people.score({ linkedin_url: 'https://www.linkedin.com/in/jane-doe' });
    expect(received[0]?.body).toEqual({ linkedin_url: 'https://www.linkedin.com/in/jane-doe' });
  });
});
