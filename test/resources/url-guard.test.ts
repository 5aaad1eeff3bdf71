/**
 * The URL guard in the SDK: every method that takes a URL the API will call refuses a private one,
 * in every spelling, with a `ValidationError` on the field before anything is sent.
 * `allowLoopbackWebhooks: true` lets loopback URLs through to the API (for a mock created with
 * the same option), and nothing else.
 */
import { describe, expect, it } from 'vitest';
import { ConfigurationError, type IntentIQ, ValidationError } from '../../src/index.ts';
import { clientWith, json, LIVE_KEY, settle } from '../core/helpers.ts';
import { ACCEPTED, LOOPBACK, REFUSED } from '../support/url-spellings.ts';

const METHODS: {
  name: string;
  field: string;
  call: (iiq: IntentIQ, url: string) => PromiseLike<unknown>;
}[] = [
  {
    name: 'webhookEndpoints.create',
    field: 'url',
    call: (iiq: IntentIQ, url: string) =>
      iiq.webhookEndpoints.create({ url, events: ['score.computed'] }),
  },
  {
    name: 'scores.create',
    field: 'webhook_url',
    call: (iiq: IntentIQ, url: string) =>
      iiq.scores.create({ domain: 'slow.test', webhook_url: url }),
  },
  {
    name: 'bulk.create',
    field: 'webhook_url',
    call: (iiq: IntentIQ, url: string) =>
      iiq.bulk.create({ domains: ['stripe.com'], webhook_url: url }),
  },
  {
    name: 'intent.searches.create',
    field: 'webhook_url',
    call: (iiq: IntentIQ, url: string) =>
      iiq.intent.searches.create({
        interest_domain: 'gong.io',
        icp_domain: 'hubspot.com',
        webhook_url: url,
      }),
  },
];

const accepted = () => json(201, { id: 'we_01HZ9X6D8T2M4Q5' });

describe.each(METHODS)('$name', ({ field, call }) => {
  it.each(REFUSED)(
    'refuses $what with a ValidationError on the field, sending nothing',
    async ({ url }) => {
      const { iiq, sent } = clientWith([accepted()], { apiKey: LIVE_KEY });
      const error = await settle(call(iiq, url));
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ field });
      expect((error as Error).message).toMatch(new RegExp(`^${field} must `));
      expect((error as Error).message).not.toContain(url);
      expect(sent).toHaveLength(0);
    },
  );

  it.each(ACCEPTED)('sends the public URL %s as it is', async (url) => {
    const { iiq, sent } = clientWith([accepted()], { apiKey: LIVE_KEY });
    await call(iiq, url);
    expect(sent).toHaveLength(1);
    expect(JSON.parse(sent[0]?.body ?? '{}')[field]).toBe(url);
  });

  it.each(LOOPBACK)('sends $what with allowLoopbackWebhooks: true', async ({ url }) => {
    const { iiq, sent } = clientWith([accepted()], {
      apiKey: LIVE_KEY,
      allowLoopbackWebhooks: true,
    });
    await call(iiq, url);
    expect(sent).toHaveLength(1);
  });
});

describe('bulk.createFromCsv', () => {
  const csv = 'domain\nstripe.com\n';

  it.each(REFUSED)(
    'refuses $what on webhook_url with a ValidationError, sending nothing',
    async ({ url }) => {
      const { iiq, sent } = clientWith([accepted()], { apiKey: LIVE_KEY });
      const error = await settle(iiq.bulk.createFromCsv(csv, { webhook_url: url }));
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ field: 'webhook_url' });
      expect((error as Error).message).toMatch(/^webhook_url must /);
      expect((error as Error).message).not.toContain(url);
      expect(sent).toHaveLength(0);
    },
  );

  it.each(ACCEPTED)('sends the public URL %s as the webhook_url field of the form', async (url) => {
    let form: unknown;
    const { iiq, sent } = clientWith(
      [
        (init: RequestInit) => {
          form = init.body;
          return accepted();
        },
      ],
      { apiKey: LIVE_KEY },
    );
    await iiq.bulk.createFromCsv(csv, { webhook_url: url });
    expect(sent).toHaveLength(1);
    expect(form).toBeInstanceOf(FormData);
    expect((form as FormData).get('webhook_url')).toBe(url);
  });

  it.each(LOOPBACK)('sends $what with allowLoopbackWebhooks: true', async ({ url }) => {
    const { iiq, sent } = clientWith([accepted()], {
      apiKey: LIVE_KEY,
      allowLoopbackWebhooks: true,
    });
    await iiq.bulk.createFromCsv(csv, { webhook_url: url });
    expect(sent).toHaveLength(1);
  });
});

describe('allowLoopbackWebhooks', () => {
  it.each(REFUSED.filter((spelling) => spelling.refusal !== 'loopback'))(
    'lets nothing but loopback through: $what is still refused',
    async ({ url }) => {
      const { iiq, sent } = clientWith([accepted()], { allowLoopbackWebhooks: true });
      const error = await settle(iiq.webhookEndpoints.create({ url, events: ['score.computed'] }));
      expect(error).toBeInstanceOf(ValidationError);
      expect(sent).toHaveLength(0);
    },
  );

  it('is named in the message that refuses a loopback URL without it', async () => {
    const { iiq } = clientWith([accepted()]);
    const error = await settle(
      iiq.webhookEndpoints.create({ url: 'http://localhost:3000/hooks', events: ['signal.spike'] }),
    );
    expect((error as Error).message).toBe(
      'url must not point at a loopback address (127.0.0.0/8, ::1, localhost): the API delivers only to public hosts (against a reference mock created with allowLoopbackWebhooks: true, create the client with allowLoopbackWebhooks: true as well).',
    );
  });

  it('must be true or false', () => {
    const make = () => clientWith([], { allowLoopbackWebhooks: 1 as unknown as boolean });
    expect(make).toThrow(ConfigurationError);
    expect(make).toThrow('allowLoopbackWebhooks must be true or false.');
  });
});
