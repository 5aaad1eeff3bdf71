import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createTestEvent,
  SIGNATURE_HEADER,
  signWebhook,
  verifyWebhook,
  WEBHOOK_EVENT_TYPES,
} from '../../src/webhooks/index.ts';
import { createContractValidator } from '../contract/validator.ts';
import { BODY, NOW, OLD_SECRET, providers, referenceSignature, SECRET, T } from './helpers.ts';

describe.each(providers)('signWebhook on %s', (_name, cryptoProvider) => {
  it('signs <t>.<body> exactly as the API reference describes, so a hand-written check agrees', async () => {
    const signed = await signWebhook({
      payload: BODY,
      secret: SECRET,
      timestamp: T,
      cryptoProvider,
    });
    expect(signed.header).toBe(`t=${T},v1=${referenceSignature(SECRET, T, BODY)}`);
  });

  it('returns the body, the header, the delivery headers and the timestamp', async () => {
    const signed = await signWebhook({
      payload: BODY,
      secret: SECRET,
      timestamp: T,
      cryptoProvider,
    });
    expect(signed).toEqual({
      body: BODY,
      header: signed.header,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'VesperWise-Webhook/1.0',
        [SIGNATURE_HEADER]: signed.header,
      },
      timestamp: T,
    });
  });

  it('writes the header in the form openapi.yaml specifies, one v1 per secret in order', async () => {
    const { header } = await signWebhook({
      payload: BODY,
      secrets: [SECRET, OLD_SECRET],
      timestamp: T,
      cryptoProvider,
    });
    expect(header).toMatch(/^t=\d+(,v1=[0-9a-f]{64})+$/);
    expect(header).toBe(
      `t=${T},v1=${referenceSignature(SECRET, T, BODY)},v1=${referenceSignature(OLD_SECRET, T, BODY)}`,
    );
  });

  it('serialises an object payload with JSON.stringify and signs that string', async () => {
    const event = JSON.parse(BODY);
    const signed = await signWebhook({
      payload: event,
      secret: SECRET,
      timestamp: T,
      cryptoProvider,
    });
    expect(signed.body).toBe(BODY);
  });

  it('signs bytes as they are and returns the same bytes', async () => {
    const bytes = new TextEncoder().encode(BODY);
    const signed = await signWebhook({
      payload: bytes,
      secret: SECRET,
      timestamp: T,
      cryptoProvider,
    });
    expect(signed.body).toBe(bytes);
    expect(signed.header).toBe(`t=${T},v1=${referenceSignature(SECRET, T, BODY)}`);
  });

  it('produces deliveries that verifyWebhook accepts, as a Request too', async () => {
    const signed = await signWebhook({
      payload: BODY,
      secret: SECRET,
      timestamp: T,
      cryptoProvider,
    });
    const request = new Request('https://example.com/webhooks', { method: 'POST', ...signed });
    await expect(verifyWebhook({ payload: request, secret: SECRET, now: NOW })).resolves.toEqual(
      JSON.parse(BODY),
    );
  });
});

describe('signWebhook timestamps', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('signs at the current time by default', async () => {
    vi.useFakeTimers({ now: NOW + 999 });
    const signed = await signWebhook({ payload: BODY, secret: SECRET });
    expect(signed.timestamp).toBe(T);
    expect(signed.header.startsWith(`t=${T},`)).toBe(true);
  });

  it('takes a Date, rounded down to the second', async () => {
    const signed = await signWebhook({
      payload: BODY,
      secret: SECRET,
      timestamp: new Date(NOW + 999),
    });
    expect(signed.timestamp).toBe(T);
  });

  it.each([
    ['milliseconds', NOW, 'this value looks like milliseconds'],
    ['a fraction', T + 0.5, 'timestamp must be a whole, non-negative number of unix seconds'],
    ['a negative number', -1, 'timestamp must be a whole, non-negative number of unix seconds'],
    ['an invalid Date', new Date('nope'), 'timestamp must be a valid Date after 1970.'],
  ])('refuses %s with a TypeError', async (_what, timestamp, message) => {
    const error = await signWebhook({ payload: BODY, secret: SECRET, timestamp }).catch((e) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toContain(message);
  });

  it('refuses a missing secret with a TypeError', async () => {
    await expect(signWebhook({ payload: BODY })).rejects.toThrow(
      new TypeError(
        'The webhook signing secret is missing. Pass the secret shown when the webhook endpoint was created (whsec_…), e.g. from an environment variable; check that the variable is set.',
      ),
    );
  });
});

describe('createTestEvent', () => {
  const contract = createContractValidator();

  it.each(WEBHOOK_EVENT_TYPES)('builds a %s event that matches openapi.yaml', (type) => {
    const event = createTestEvent(type);
    expect(event.type).toBe(type);
    expect(event.id).toMatch(/^evt_[0-9A-Z]{26}$/);
    expect(event.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(event.delivery_attempt).toBe(1);
    expect(contract.checkSchema('Event', event)).toEqual([]);
  });

  it('merges the data fields given over the sample', () => {
    const event = createTestEvent('account.band_changed', { previous_band: 'HOT', band: 'WARM' });
    expect(event.data).toMatchObject({ domain: 'stripe.com', previous_band: 'HOT', band: 'WARM' });
  });

  it('takes the envelope fields given', () => {
    const event = createTestEvent(
      'credits.low',
      {},
      {
        id: 'evt_01HZ9X3FK8M2P',
        created: new Date(NOW),
        delivery_attempt: 3,
      },
    );
    expect(event).toMatchObject({
      id: 'evt_01HZ9X3FK8M2P',
      created: '2026-05-29T14:02:11Z',
      delivery_attempt: 3,
    });
  });

  it('returns fresh data each time, so one test cannot change another', () => {
    const first = createTestEvent('score.computed');
    first.data.score.score = 1;
    expect(createTestEvent('score.computed').data.score.score).toBe(94);
  });

  it('gives every event a different id', () => {
    expect(createTestEvent('credits.low').id).not.toBe(createTestEvent('credits.low').id);
  });

  it('refuses an event type it does not know', () => {
    expect(() => createTestEvent('account.merged' as never)).toThrow(
      new TypeError(
        `Unknown event type: account.merged. Known types: ${WEBHOOK_EVENT_TYPES.join(', ')}.`,
      ),
    );
  });
});
