import { describe, expect, it } from 'vitest';
import { InsufficientCreditsError, ValidationError } from '../../src/index.ts';
import { answer, client, received, useServer, writeHeaders } from './server.ts';

useServer();

const analysis = {
  domain: 'stripe.com',
  company: 'Stripe',
  overall_fit: 'strong_fit',
  fit_score: 80,
  matched_areas: ['Industry: Stripe is in Payments infrastructure (the offering names "payments")'],
  gaps: ['Evidence: nothing in the offering meets what Stripe is doing now'],
  talking_points: ['Speak to Payments infrastructure: that is where Stripe plays.'],
  one_line_pitch:
    'For Stripe: Revenue analytics for enterprise payments teams, made for Payments infrastructure.',
  computed_at: '2026-05-28T14:02:11Z',
} as const;

describe('fit.analyze', () => {
  it('sends POST /fit with the domain normalised to its apex', async () => {
    answer('post', '/fit', 200, analysis);
    const fit = await client().fit.analyze({
      domain: 'www.stripe.com',
      offering: 'Revenue analytics for enterprise payments teams',
    });
    expect(fit).toEqual({ ...analysis, mode: 'test' });
    const [request] = received;
    expect(request).toEqual({
      method: 'POST',
      path: '/v1/fit',
      query: {},
      headers: writeHeaders(request),
      body: { domain: 'stripe.com', offering: 'Revenue analytics for enterprise payments teams' },
    });
  });

  it('refuses an empty or over-long offering before sending anything', async () => {
    const iiq = client();
    for (const [offering, message] of [
      ['', 'offering must not be empty.'],
      ['x'.repeat(10_001), 'offering must be at most 10000 characters.'],
    ] as const) {
      const error = await iiq.fit
        .analyze({ domain: 'stripe.com', offering })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).message).toBe(message);
    }
    expect(received).toEqual([]);
  });

  it('rejects with InsufficientCreditsError when the credits are spent', async () => {
    answer('post', '/fit', 402, {
      error: {
        type: 'billing_error',
        code: 'insufficient_credits',
        message: 'This workspace has no credits left in the current cycle.',
        request_id: 'req_01HZ9X3F7QMHN4X',
        resets_at: '2026-06-01T00:00:00Z',
      },
    });
    const error = await client()
      .fit.analyze({ domain: 'stripe.com', offering: 'Analytics' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InsufficientCreditsError);
  });
});
