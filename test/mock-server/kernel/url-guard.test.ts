/**
 * The URL guard in the mock: every URL the API would call (a webhook endpoint's `url`, the
 * `webhook_url` of a score, a bulk job and an intent search) is refused, in every spelling, with
 * `400 invalid_request` on that field, and nothing is stored or charged. Loopback is accepted only
 * by a mock created with `allowLoopbackWebhooks: true`; private ranges never are.
 */
import { describe, expect, it } from 'vitest';
import { createMockApi } from '../../../mock-server/index.ts';
import { ACCEPTED, LOOPBACK, REFUSED } from '../../support/url-spellings.ts';
import { mockApi } from '../helpers.ts';

const FIELDS = [
  {
    name: 'POST /webhook_endpoints',
    path: '/webhook_endpoints',
    field: 'url',
    body: (url: string) => ({ url, events: ['score.computed'] }),
  },
  {
    name: 'POST /score',
    path: '/score',
    field: 'webhook_url',
    body: (url: string) => ({ domain: 'slow.test', webhook_url: url }),
  },
  {
    name: 'POST /score/bulk',
    path: '/score/bulk',
    field: 'webhook_url',
    body: (url: string) => ({ domains: ['stripe.com', 'notion.so'], webhook_url: url }),
  },
  {
    name: 'POST /intent/searches',
    path: '/intent/searches',
    field: 'webhook_url',
    body: (url: string) => ({
      interest_domain: 'gong.io',
      icp_domain: 'hubspot.com',
      webhook_url: url,
    }),
  },
];

describe.each(FIELDS)('$name refuses a private $field', ({ path, field, body }) => {
  it.each(REFUSED)('$what: 400 on the field, nothing stored', async ({ url }) => {
    const api = mockApi();
    const before = api.mock.inspect();
    const reply = await api.post(path, body(url), { key: api.mock.keys.live });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({ code: 'invalid_request', field });
    expect(reply.body.error.message).toMatch(new RegExp(`^${field} must `));
    expect(reply.text).not.toContain(url);
    expect(api.mock.inspect()).toEqual(before);
  });
});

describe('the messages', () => {
  it('say why the metadata address is refused, the way the issue tried it', async () => {
    const api = mockApi();
    const reply = await api.post(
      '/webhook_endpoints',
      {
        url: 'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
        events: ['score.computed'],
      },
      { key: api.mock.keys.live },
    );
    expect(reply.body.error).toMatchObject({
      code: 'invalid_request',
      field: 'url',
      message: 'url must not point at a cloud metadata service.',
    });
  });

  it('point at allowLoopbackWebhooks for a loopback URL', async () => {
    const api = mockApi();
    const reply = await api.post('/score', {
      domain: 'slow.test',
      webhook_url: 'http://127.0.0.1:47400/hooks',
    });
    expect(reply.body.error.message).toBe(
      'webhook_url must not point at a loopback address (127.0.0.0/8, ::1, localhost): the API delivers only to public hosts. The reference mock delivers to loopback only when it is created with allowLoopbackWebhooks: true (iiq mock --allow-loopback-webhooks).',
    );
  });

  it('come before the check that an endpoint is registered at webhook_url', async () => {
    const api = mockApi();
    const refused = await api.post('/score/bulk', {
      domains: ['stripe.com'],
      webhook_url: 'http://10.1.2.3/hooks',
    });
    expect(refused.body.error.message).toMatch(/^webhook_url must not point at a private network/);
    const unregistered = await api.post('/score/bulk', {
      domains: ['stripe.com'],
      webhook_url: 'https://example.com/hooks',
    });
    expect(unregistered.body.error.message).toMatch(/^No webhook endpoint of this workspace/);
  });
});

describe('public URLs', () => {
  it.each(ACCEPTED)('%s is registered as a webhook endpoint', async (url) => {
    const api = mockApi();
    const reply = await api.post('/webhook_endpoints', { url, events: ['score.computed'] });
    expect(reply.status).toBe(201);
  });
});

describe('createMockApi({ allowLoopbackWebhooks: true })', () => {
  it.each(LOOPBACK)('accepts $what as an endpoint and as a webhook_url', async ({ url }) => {
    const api = mockApi({ allowLoopbackWebhooks: true });
    const key = { key: api.mock.keys.live };
    const endpoint = await api.post('/webhook_endpoints', { url, events: ['score.computed'] }, key);
    expect(endpoint.status).toBe(201);
    const score = await api.post('/score', { domain: 'slow.test', webhook_url: url }, key);
    expect(score.status).toBe(202);
  });

  it.each(REFUSED.filter((spelling) => spelling.refusal !== 'loopback'))(
    'still refuses $what',
    async ({ url }) => {
      const api = mockApi({ allowLoopbackWebhooks: true });
      const reply = await api.post('/webhook_endpoints', { url, events: ['score.computed'] });
      expect(reply.status).toBe(400);
      expect(reply.body.error.field).toBe('url');
    },
  );

  it('is false by default and must be a boolean', () => {
    expect(createMockApi().engine.allowLoopbackWebhooks).toBe(false);
    const make = () => createMockApi({ allowLoopbackWebhooks: 'yes' as unknown as boolean });
    expect(make).toThrow(TypeError);
    expect(make).toThrow('allowLoopbackWebhooks must be true or false');
  });
});
