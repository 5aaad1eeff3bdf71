import { describe, expect, it } from 'vitest';
import {
  type VerifyWebhookOptions,
  verifyWebhook,
  WebhookVerificationError,
} from '../../src/webhooks/index.ts';
import { NOW, referenceHeader, referenceSignature, rejection, T } from './helpers.ts';

describe('WebhookVerificationError', () => {
  it('is an Error with a name, a code and a message', () => {
    const error = new WebhookVerificationError('missing_header', 'No header.');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('WebhookVerificationError');
    expect(error.code).toBe('missing_header');
    expect(error.message).toBe('No header.');
  });

  it('serialises to its name, code and message only', () => {
    const error = new WebhookVerificationError('signature_mismatch', 'No match.');
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'WebhookVerificationError',
      code: 'signature_mismatch',
      message: 'No match.',
    });
  });

  describe('never reveals the secret, the expected signature or the body', () => {
    const secret = 'whsec_test_SECRETMARKER_0000000000000000000000';
    const body = (extra: string) =>
      `{"id":"evt_1","type":"BODYMARKER","created":"2026-05-29T14:02:11Z","data":{}${extra}`;
    const good = body('}');
    const expected = referenceSignature(secret, T, good);
    const wrongSecret = 'whsec_test_OTHERMARKER_00000000000000000000000';

    it.each<[string, Partial<VerifyWebhookOptions>]>([
      ['missing_header', { payload: good }],
      ['malformed_header', { payload: good, header: `t=x,v1=${expected}` }],
      ['signature_mismatch', { payload: good, header: referenceHeader(good, [wrongSecret]) }],
      ['signature_mismatch', { payload: `${good} `, header: referenceHeader(good, [secret]) }],
      [
        'timestamp_out_of_tolerance',
        { payload: good, header: referenceHeader(good, [secret]), now: NOW + 3_600_000 },
      ],
      // JSON.parse's own message quotes the start of the body: it must not leak through.
      [
        'invalid_payload',
        { payload: `BODYMARKER ${good}`, header: referenceHeader(`BODYMARKER ${good}`, [secret]) },
      ],
      ['invalid_payload', { payload: JSON.parse(good) }],
    ])('for %s', async (code, options) => {
      const error = await rejection(
        verifyWebhook({ secret, now: NOW, ...options } as VerifyWebhookOptions),
      );
      expect(error.code).toBe(code);
      expect(error.cause).toBeUndefined();
      for (const text of [error.message, JSON.stringify(error), error.stack, String(error)]) {
        expect(text).not.toContain('SECRETMARKER');
        expect(text).not.toContain('OTHERMARKER');
        expect(text).not.toContain('BODYMARKER');
        expect(text).not.toContain(expected);
        expect(text).not.toContain(expected.slice(0, 16));
      }
    });
  });
});
