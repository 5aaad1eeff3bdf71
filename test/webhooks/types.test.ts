/**
 * Compile-time checks of the event types (run by `tsc`); the runtime assertions only keep vitest
 * reporting each case.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { components } from '../../src/generated/openapi.ts';
import {
  type AccountBandChangedEvent,
  type CreditsLowEvent,
  createTestEvent,
  isKnownWebhookEvent,
  type KnownWebhookEvent,
  type ScoreComputedEvent,
  type SignalSpikeEvent,
  type SignedWebhook,
  signWebhook,
  type UnknownWebhookEvent,
  WEBHOOK_EVENT_TYPES,
  type WebhookEvent,
  type WebhookEventType,
} from '../../src/webhooks/index.ts';

type Schemas = components['schemas'];

describe('webhook event types', () => {
  it('list every event type in openapi.yaml, and only those', () => {
    expectTypeOf<(typeof WEBHOOK_EVENT_TYPES)[number]>().toEqualTypeOf<Schemas['EventType']>();
    expectTypeOf<KnownWebhookEvent['type']>().toEqualTypeOf<WebhookEventType>();
    expect(WEBHOOK_EVENT_TYPES).toHaveLength(7);
  });

  it('type each event data from the generated schemas, with delivery_attempt always present', () => {
    expectTypeOf<ScoreComputedEvent['data']>().toEqualTypeOf<Schemas['ScoreComputedData']>();
    expectTypeOf<SignalSpikeEvent['data']>().toEqualTypeOf<Schemas['SignalSpikeData']>();
    expectTypeOf<CreditsLowEvent['delivery_attempt']>().toEqualTypeOf<number>();
    expectTypeOf<ScoreComputedEvent>().toHaveProperty('created').toEqualTypeOf<string>();
    expect(createTestEvent('credits.low').delivery_attempt).toBe(1);
  });

  it('narrow data on event.type once unknown types are ruled out', () => {
    const handle = (event: WebhookEvent): string => {
      if (!isKnownWebhookEvent(event)) {
        expectTypeOf(event).toEqualTypeOf<UnknownWebhookEvent>();
        expectTypeOf(event.data).toBeUnknown();
        return event.type;
      }
      switch (event.type) {
        case 'account.band_changed':
          expectTypeOf(event).toEqualTypeOf<AccountBandChangedEvent>();
          expectTypeOf(event.data.band).toEqualTypeOf<Schemas['Band']>();
          return event.data.domain;
        case 'score.computed':
          expectTypeOf(event.data.score.score).toEqualTypeOf<number | null>();
          return event.data.score.domain;
        default:
          return event.type;
      }
    };
    expect(handle(createTestEvent('account.band_changed'))).toBe('stripe.com');
    expect(handle(createTestEvent('score.computed'))).toBe('stripe.com');
    expect(handle(createTestEvent('credits.low'))).toBe('credits.low');
  });

  it('type createTestEvent by the event type asked for', () => {
    const spike = createTestEvent('signal.spike');
    expectTypeOf(spike).toEqualTypeOf<SignalSpikeEvent>();
    expect(spike.data.signal).toBe('funding');
    // @ts-expect-error: data fields are checked against the event type
    createTestEvent('signal.spike', { signal: 'weather' });
  });

  it('type the signed body as the payload kind given', async () => {
    const bytes = await signWebhook({ payload: new Uint8Array([123, 125]), secret: 's' });
    expectTypeOf(bytes).toEqualTypeOf<SignedWebhook<Uint8Array>>();
    expect(bytes.body).toBeInstanceOf(Uint8Array);
    const text = await signWebhook({ payload: createTestEvent('credits.low'), secret: 's' });
    expectTypeOf(text).toEqualTypeOf<SignedWebhook<string>>();
    expect(typeof text.body).toBe('string');
  });
});
