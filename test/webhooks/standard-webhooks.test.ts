/**
 * The Standard Webhooks signature: written as the spec says (checked against a hand-written
 * reference and against the `standardwebhooks` package, an independent implementation), and
 * accepted by `verifyWebhook` when `X-IIQ-Signature` is not there.
 */
import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { createMockApi } from '../../mock-server/index.ts';
import {
  createTestEvent,
  STANDARD_WEBHOOK_HEADERS,
  signWebhook,
  verifyWebhook,
} from '../../src/webhooks/index.ts';
import { BODY, NOW, providers, rejection, SECRET, T } from './helpers.ts';

/** A secret in the form the API issues: whsec_ and 32 letters and digits (base64 of 24 bytes). */
const STANDARD_SECRET = 'whsec_TESTtestFAKEfake0123456789abcdEF';
const OTHER_STANDARD_SECRET = 'whsec_OTHERotherFAKEfake0123456789abcd';
const ID = 'evt_01HZ9X3FK8M2P';

/** The spec, by hand: base64 HMAC-SHA256, keyed with the decoded secret, of `<id>.<t>.<body>`. */
function referenceStandardSignature(secret: string, id: string, t: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return createHmac('sha256', key).update(`${id}.${t}.${body}`).digest('base64');
}

/** The headers a delivery carries without X-IIQ-Signature, as after a proxy that keeps only these. */
function standardOnly(headers: Record<string, string>): Record<string, string> {
  const { 'x-iiq-signature': _, ...rest } = headers;
  return rest;
}

describe.each(providers)('Standard Webhooks headers on %s', (_name, cryptoProvider) => {
  const sign = (options: Partial<Parameters<typeof signWebhook>[0]> = {}) =>
    signWebhook({
      payload: BODY,
      secret: STANDARD_SECRET,
      timestamp: T,
      cryptoProvider,
      ...options,
    });

  it('signs <id>.<timestamp>.<body> with the key the secret encodes, beside X-IIQ-Signature', async () => {
    const { headers } = await sign();
    expect(headers).toMatchObject({
      'webhook-id': ID, // taken from the body's id
      'webhook-timestamp': String(T),
      'webhook-signature': `v1,${referenceStandardSignature(STANDARD_SECRET, ID, T, BODY)}`,
    });
    expect(headers['x-iiq-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
  });

  it('writes one space-separated v1 per secret during a rotation, in order', async () => {
    const { headers } = await sign({
      secret: undefined,
      secrets: [STANDARD_SECRET, OTHER_STANDARD_SECRET],
    });
    expect(headers['webhook-signature']).toBe(
      [STANDARD_SECRET, OTHER_STANDARD_SECRET]
        .map((secret) => `v1,${referenceStandardSignature(secret, ID, T, BODY)}`)
        .join(' '),
    );
  });

  it('takes the id given, else the id of an object payload', async () => {
    expect((await sign({ id: 'evt_given' })).headers['webhook-id']).toBe('evt_given');
    const event = createTestEvent('signal.spike');
    expect((await sign({ payload: event })).headers['webhook-id']).toBe(event.id);
    const noId = await sign({ payload: '{"no":"id"}' });
    expect(noId.headers['webhook-id']).toMatch(/^evt_[0-9A-Z]{26}$/);
  });

  it('adds no Standard Webhooks headers for a secret that is not whsec_<base64>', async () => {
    const { headers } = await sign({ secret: SECRET }); // has underscores: not base64
    expect(Object.keys(headers).sort()).toEqual(['content-type', 'user-agent', 'x-iiq-signature']);
  });

  it('is verified by verifyWebhook from the standard headers alone', async () => {
    const { body, headers } = await sign();
    await expect(
      verifyWebhook({
        payload: body,
        headers: standardOnly(headers),
        secret: STANDARD_SECRET,
        now: NOW,
        cryptoProvider,
      }),
    ).resolves.toEqual(JSON.parse(BODY));
  });

  it('is verified in a Request whose headers were sent in any case', async () => {
    const { body, headers } = await sign();
    const upper = Object.fromEntries(
      Object.entries(standardOnly(headers)).map(([k, v]) => [k.toUpperCase(), v]),
    );
    const request = new Request('https://example.com/webhooks', {
      method: 'POST',
      headers: upper,
      body,
    });
    await expect(
      verifyWebhook({ payload: request, secret: STANDARD_SECRET, now: NOW, cryptoProvider }),
    ).resolves.toMatchObject({ id: ID });
  });

  it('accepts a rotation header under either secret, and ignores versions it does not know', async () => {
    const { body, headers } = await sign({
      secret: undefined,
      secrets: [OTHER_STANDARD_SECRET, STANDARD_SECRET],
    });
    const withV1a = {
      ...standardOnly(headers),
      'webhook-signature': `v1a,${'A'.repeat(88)} ${headers['webhook-signature']}`,
    };
    for (const secret of [STANDARD_SECRET, OTHER_STANDARD_SECRET]) {
      await expect(
        verifyWebhook({ payload: body, headers: withV1a, secret, now: NOW, cryptoProvider }),
      ).resolves.toMatchObject({ id: ID });
    }
  });

  it('refuses a tampered body, a swapped id and an old timestamp, each for its reason', async () => {
    const { body, headers } = await sign();
    const verify = (payload: string, h: Record<string, string>, now = NOW) =>
      rejection(
        verifyWebhook({
          payload,
          headers: standardOnly(h),
          secret: STANDARD_SECRET,
          now,
          cryptoProvider,
        }),
      );
    const tampered = await verify(body.replace('480', '999'), headers);
    expect(tampered.code).toBe('signature_mismatch');
    expect(tampered.message).toContain('No v1 signature in the webhook-signature header matches');
    expect((await verify(body, { ...headers, 'webhook-id': 'evt_other' })).code).toBe(
      'signature_mismatch',
    );
    expect((await verify(body, headers, NOW + 301_000)).code).toBe('timestamp_out_of_tolerance');
  });

  it('reports missing and malformed standard headers', async () => {
    const { body, headers } = await sign();
    const verify = (h: Record<string, string>) =>
      rejection(
        verifyWebhook({
          payload: body,
          headers: h,
          secret: STANDARD_SECRET,
          now: NOW,
          cryptoProvider,
        }),
      );
    const { 'webhook-id': _, ...noId } = standardOnly(headers);
    expect(await verify(noId)).toMatchObject({
      code: 'missing_header',
      message: expect.stringContaining('no webhook-id header'),
    });
    for (const [name, value, problem] of [
      ['webhook-timestamp', 'soon', 'it is not a whole number of unix seconds'],
      ['webhook-signature', 'v1', 'an entry is not <version>,<signature>'],
      ['webhook-signature', 'v1,notbase64!', 'a v1 signature is not the base64 of 32 bytes'],
      ['webhook-signature', 'v1a,AAAA', 'it has no v1 signature'],
    ] as const) {
      const error = await verify({ ...standardOnly(headers), [name]: value });
      expect(error.code).toBe('malformed_header');
      expect(error.message).toContain(`The ${name} header is malformed: ${problem}.`);
    }
  });

  it('checks X-IIQ-Signature first when a delivery carries both', async () => {
    const { body, headers } = await sign();
    const brokenStandard = { ...headers, 'webhook-signature': 'v1,AAAA' };
    await expect(
      verifyWebhook({
        payload: body,
        headers: brokenStandard,
        secret: STANDARD_SECRET,
        now: NOW,
        cryptoProvider,
      }),
    ).resolves.toMatchObject({ id: ID });
    const brokenIntentiq = { ...headers, 'x-iiq-signature': `t=${T},v1=${'0'.repeat(64)}` };
    expect(
      (
        await rejection(
          verifyWebhook({
            payload: body,
            headers: brokenIntentiq,
            secret: STANDARD_SECRET,
            now: NOW,
            cryptoProvider,
          }),
        )
      ).message,
    ).toContain('X-IIQ-Signature');
  });

  it('refuses, as a programming error, a secret that cannot key the standard scheme', async () => {
    const { body, headers } = await sign();
    await expect(
      verifyWebhook({
        payload: body,
        headers: standardOnly(headers),
        secret: 's3cret',
        now: NOW,
        cryptoProvider,
      }),
    ).rejects.toThrow(
      new TypeError(
        'The signing secret is not in the form whsec_<base64>, so it cannot check the Standard Webhooks signature (webhook-signature) of this request. Pass the secret shown when the webhook endpoint was created.',
      ),
    );
  });
});

describe('the standardwebhooks package', () => {
  it('verifies what signWebhook signs', async () => {
    const { body, headers } = await signWebhook({
      payload: createTestEvent('credits.low'),
      secret: STANDARD_SECRET,
    });
    expect(new Webhook(STANDARD_SECRET).verify(body, headers)).toMatchObject({
      type: 'credits.low',
    });
  });

  it('verifies a real delivery of the mock server, and refuses it tampered with', async () => {
    const mock = createMockApi({ now: Date.now() }); // the package checks timestamps against the clock
    const url = 'https://receiver.example.com/webhooks';
    const created = await mock.fetch(`${mock.baseUrl}/webhook_endpoints`, {
      method: 'POST',
      headers: { authorization: `Bearer ${mock.keys.live}`, 'content-type': 'application/json' },
      body: JSON.stringify({ url, events: ['account.band_changed'] }),
    });
    const { secret } = (await created.json()) as { secret: string };
    const received: { body: string; headers: Record<string, string> }[] = [];
    mock.webhooks.receive(url, async (request) => {
      received.push({ body: await request.text(), headers: Object.fromEntries(request.headers) });
      return new Response(null, { status: 204 });
    });
    const event = mock.events.trigger('account.band_changed', { domain: 'notion.so' });
    await mock.deliveries.settle();

    const [delivery] = received;
    if (delivery === undefined) throw new Error('the mock delivered nothing');
    expect(delivery.headers).toMatchObject({
      [STANDARD_WEBHOOK_HEADERS.id]: event.id,
      [STANDARD_WEBHOOK_HEADERS.timestamp]: expect.stringMatching(/^\d+$/),
      [STANDARD_WEBHOOK_HEADERS.signature]: expect.stringMatching(/^v1,[A-Za-z0-9+/]{43}=$/),
    });
    const webhook = new Webhook(secret);
    expect(webhook.verify(delivery.body, delivery.headers)).toMatchObject({
      id: event.id,
      type: 'account.band_changed',
      delivery_attempt: 1,
    });
    expect(() =>
      webhook.verify(delivery.body.replace('notion.so', 'evil.example'), delivery.headers),
    ).toThrow('No matching signature found');
  });

  it('verifies both signatures of a delivery during a secret rotation', async () => {
    const mock = createMockApi({ now: Date.now() });
    const url = 'https://receiver.example.com/webhooks';
    const created = await mock.fetch(`${mock.baseUrl}/webhook_endpoints`, {
      method: 'POST',
      headers: { authorization: `Bearer ${mock.keys.live}`, 'content-type': 'application/json' },
      body: JSON.stringify({ url, events: ['signal.spike'] }),
    });
    const { id, secret: previous } = (await created.json()) as { id: string; secret: string };
    const { secret: current } = mock.webhookEndpoints.rotateSecret(id, { expiresIn: '1h' });
    let headers: Record<string, string> = {};
    let body = '';
    mock.webhooks.receive(url, async (request) => {
      body = await request.text();
      headers = Object.fromEntries(request.headers);
      return new Response(null, { status: 204 });
    });
    mock.events.trigger('signal.spike');
    await mock.deliveries.settle();
    expect(headers['webhook-signature']?.split(' ')).toHaveLength(2);
    for (const secret of [current, previous]) {
      expect(new Webhook(secret).verify(body, headers)).toMatchObject({ type: 'signal.spike' });
    }
  });
});
