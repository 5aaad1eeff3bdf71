import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type AggregateSignals,
  type AggregateSignalsParams,
  ValidationError,
} from '../../src/index.ts';
import { answer, client, readHeaders, received, useServer } from './server.ts';

useServer();

const available = {
  segment: { type: 'domain', value: 'stripe.com' },
  available: true,
  sample_size: 12,
  hot_rate: 1,
  meeting_rate: 0.667,
  win_rate: 0.25,
  median_days_to_meeting: 19.5,
  top_triggers: [{ trigger: 'Coverage of a new product launch', count: 12 }],
} as const;

describe('signals.aggregate', () => {
  it('sends GET /signals/aggregate with the domain normalised, or the industry', async () => {
    answer('get', '/signals/aggregate', 200, available);
    const iiq = client();
    const signals = await iiq.signals.aggregate({ domain: 'https://www.stripe.com' });
    expect(signals).toEqual({ ...available, mode: 'test' });
    await iiq.signals.aggregate({ industry: 'Payments infrastructure' });
    expect(received.map((r) => [r.method, r.path, r.query, r.headers])).toEqual([
      ['GET', '/v1/signals/aggregate', { domain: 'stripe.com' }, readHeaders()],
      ['GET', '/v1/signals/aggregate', { industry: 'Payments infrastructure' }, readHeaders()],
    ]);
  });

  it('narrows on available: below the threshold there is no figure to read', async () => {
    answer('get', '/signals/aggregate', 200, {
      segment: { type: 'domain', value: 'acme.io' },
      available: false,
      threshold: 10,
    });
    const signals = await client().signals.aggregate({ domain: 'acme.io' });
    if (signals.available) throw new Error('expected no figures');
    expect(signals.threshold).toBe(10);
    expect('sample_size' in signals).toBe(false);
    expectTypeOf(signals).not.toHaveProperty('sample_size');
  });

  it('takes exactly one of domain and industry, in its type and at run time', async () => {
    const iiq = client();
    // @ts-expect-error neither domain nor industry
    const neither = iiq.signals.aggregate({});
    // @ts-expect-error both domain and industry
    const both = iiq.signals.aggregate({ domain: 'stripe.com', industry: 'Software' });
    for (const call of [neither, both]) {
      const error = await call.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).message).toBe(
        'params must set exactly one of domain, industry.',
      );
    }
    expectTypeOf<{ domain: string }>().toExtend<AggregateSignalsParams>();
    expectTypeOf<{ industry: string }>().toExtend<AggregateSignalsParams>();
    expectTypeOf<{ domain: string; industry: string }>().not.toExtend<AggregateSignalsParams>();
    expectTypeOf<AggregateSignals['available']>().toEqualTypeOf<boolean>();
    expect(received).toEqual([]);
  });
});
