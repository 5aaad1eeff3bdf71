import { describe, expect, it } from 'vitest';
import {
  isKnownWebhookEvent,
  type VerifyWebhookOptions,
  verifyWebhook,
  WebhookVerificationError,
} from '../../src/webhooks/index.ts';
import {
  BODY,
  NOW,
  OLD_SECRET,
  providers,
  referenceHeader,
  referenceSignature,
  SECRET,
  T,
} from './helpers.ts';

const HEADER = referenceHeader(BODY);
const EVENT = JSON.parse(BODY);

describe.each(providers)('verifyWebhook on %s', (_name, cryptoProvider) => {
  const verify = (options: Partial<VerifyWebhookOptions>) =>
    verifyWebhook({ payload: BODY, secret: SECRET, now: NOW, cryptoProvider, ...options });

  describe('accepts a genuine delivery', () => {
    it('as a string body with the header value, and returns the parsed event', async () => {
      await expect(verify({ header: HEADER })).resolves.toEqual(EVENT);
    });

    it('as a Buffer (express.raw)', async () => {
      await expect(verify({ payload: Buffer.from(BODY), header: HEADER })).resolves.toEqual(EVENT);
    });

    it('as a Uint8Array, an ArrayBuffer and a DataView', async () => {
      const bytes = new TextEncoder().encode(BODY);
      for (const payload of [bytes, bytes.buffer, new DataView(bytes.buffer)]) {
        await expect(verify({ payload, header: HEADER })).resolves.toEqual(EVENT);
      }
    });

    it('as a view into a larger buffer, using only the bytes the view covers', async () => {
      const framed = new TextEncoder().encode(`xx${BODY}yy`);
      const payload = framed.subarray(2, framed.length - 2);
      await expect(verify({ payload, header: HEADER })).resolves.toEqual(EVENT);
    });

    it('as a Request, taking the header from the request', async () => {
      const payload = new Request('https://example.com/webhooks', {
        method: 'POST',
        headers: { 'X-IIQ-Signature': HEADER },
        body: BODY,
      });
      await expect(verify({ payload })).resolves.toEqual(EVENT);
    });

    it('as a Request with an explicit header, which wins over the request headers', async () => {
      const payload = new Request('https://example.com/webhooks', {
        method: 'POST',
        headers: { 'X-IIQ-Signature': 't=1,v1=00' },
        body: BODY,
      });
      await expect(verify({ payload, header: HEADER })).resolves.toEqual(EVENT);
    });

    it('with a UTF-8 body, signed over its UTF-8 bytes', async () => {
      const body = BODY.replace('"limit"', '"note":"Zürich 🚀","limit"');
      const header = referenceHeader(Buffer.from(body, 'utf8'));
      await expect(verify({ payload: body, header })).resolves.toMatchObject({
        type: 'credits.low',
      });
      await expect(verify({ payload: Buffer.from(body), header })).resolves.toMatchObject({
        type: 'credits.low',
      });
    });
  });

  describe('finds the header', () => {
    it('in a fetch Headers object, whatever its case', async () => {
      const headers = new Headers({ 'X-Iiq-Signature': HEADER });
      await expect(verify({ headers })).resolves.toEqual(EVENT);
    });

    it("in Node's lower-cased req.headers", async () => {
      const headers = { 'content-type': 'application/json', 'x-iiq-signature': HEADER };
      await expect(verify({ headers })).resolves.toEqual(EVENT);
    });

    it('in a plain object with any capitalisation', async () => {
      await expect(verify({ headers: { 'X-IIQ-Signature': HEADER } })).resolves.toEqual(EVENT);
    });

    it('sent on several lines (an array value), joined with commas', async () => {
      const lines = HEADER.split(',');
      await expect(verify({ headers: { 'x-iiq-signature': lines } })).resolves.toEqual(EVENT);
      await expect(verify({ header: [HEADER] })).resolves.toEqual(EVENT);
    });

    it('written with spaces after commas, as the API reference writes it', async () => {
      await expect(verify({ header: HEADER.replace(',', ', ') })).resolves.toEqual(EVENT);
    });

    it('with its elements in any order', async () => {
      const [t, v1] = HEADER.split(',');
      await expect(verify({ header: `${v1},${t}` })).resolves.toEqual(EVENT);
    });

    it('ignoring schemes it does not know, such as a future v2', async () => {
      const [t, v1] = HEADER.split(',');
      await expect(verify({ header: `${t},v2=${'f'.repeat(128)},${v1}` })).resolves.toEqual(EVENT);
    });
  });

  describe('during a secret rotation', () => {
    const bothSigned = referenceHeader(BODY, [OLD_SECRET, SECRET]);

    it('accepts a delivery signed with both secrets, verified with either one', async () => {
      await expect(verify({ header: bothSigned, secret: SECRET })).resolves.toEqual(EVENT);
      await expect(verify({ header: bothSigned, secret: OLD_SECRET })).resolves.toEqual(EVENT);
    });

    it('accepts, with secrets: [new, old], a delivery signed with either one', async () => {
      const secrets = [SECRET, OLD_SECRET];
      await expect(verify({ secret: undefined, secrets, header: HEADER })).resolves.toEqual(EVENT);
      const oldOnly = referenceHeader(BODY, [OLD_SECRET]);
      await expect(verify({ secret: undefined, secrets, header: oldOnly })).resolves.toEqual(EVENT);
    });
  });

  describe('tolerance', () => {
    const at = (seconds: number) => (T + seconds) * 1000;

    it('accepts a delivery exactly 300 seconds old or 300 seconds ahead', async () => {
      await expect(verify({ header: HEADER, now: at(300) })).resolves.toEqual(EVENT);
      await expect(verify({ header: HEADER, now: at(-300) })).resolves.toEqual(EVENT);
    });

    it('refuses a delivery 301 seconds old as a possible replay', async () => {
      await expect(verify({ header: HEADER, now: at(301) })).rejects.toMatchObject({
        code: 'timestamp_out_of_tolerance',
        message:
          "The signature is valid but its timestamp is 301 seconds old, more than the 300 allowed: it may be a replay. If deliveries are genuinely this slow to reach you, check this server's clock; do not widen the tolerance to hide a clock problem.",
      });
    });

    it('refuses a delivery 301 seconds in the future as a clock problem', async () => {
      await expect(verify({ header: HEADER, now: at(-301) })).rejects.toMatchObject({
        code: 'timestamp_out_of_tolerance',
        message:
          "The signature is valid but its timestamp is 301 seconds in the future, more than the 300 allowed: this server's clock is probably behind. Sync it (NTP); do not widen the tolerance to hide a clock problem.",
      });
    });

    it('uses the tolerance given, at its edge in both directions', async () => {
      await expect(verify({ header: HEADER, tolerance: 10, now: at(10) })).resolves.toEqual(EVENT);
      await expect(verify({ header: HEADER, tolerance: 10, now: at(-10) })).resolves.toEqual(EVENT);
      for (const now of [at(11), at(-11)]) {
        await expect(verify({ header: HEADER, tolerance: 10, now })).rejects.toMatchObject({
          code: 'timestamp_out_of_tolerance',
        });
      }
    });

    it('accepts any age with tolerance: Infinity, for re-verifying stored deliveries', async () => {
      const yearLater = at(365 * 24 * 3600);
      await expect(
        verify({ header: HEADER, tolerance: Infinity, now: yearLater }),
      ).resolves.toEqual(EVENT);
    });

    it('takes now as a Date', async () => {
      await expect(verify({ header: HEADER, now: new Date(at(301)) })).rejects.toMatchObject({
        code: 'timestamp_out_of_tolerance',
      });
    });

    it('checks a queued delivery against receivedAt, the time it arrived, not the clock', async () => {
      const arrived = at(120);
      await expect(
        verify({ header: HEADER, now: undefined, receivedAt: arrived }),
      ).resolves.toEqual(EVENT);
      await expect(
        verify({ header: HEADER, now: undefined, receivedAt: new Date(at(301)) }),
      ).rejects.toMatchObject({ code: 'timestamp_out_of_tolerance' });
    });

    it('refuses receivedAt with now, or in seconds, as programming errors', async () => {
      await expect(verify({ header: HEADER, receivedAt: NOW })).rejects.toThrow(
        new TypeError(
          'Pass either now (the current time) or receivedAt (when a queued delivery arrived), not both.',
        ),
      );
      await expect(verify({ header: HEADER, now: undefined, receivedAt: T })).rejects.toThrow(
        'receivedAt is in milliseconds since the epoch',
      );
    });

    it('checks the signature first, so a stale forgery is reported as a mismatch', async () => {
      const forged = `t=${T},v1=${'0'.repeat(64)}`;
      await expect(verify({ header: forged, now: at(3600) })).rejects.toMatchObject({
        code: 'signature_mismatch',
      });
    });
  });

  describe('refuses a delivery that cannot be trusted', () => {
    it('missing_header when there is no signature header', async () => {
      const message =
        'The request has no X-IIQ-Signature header (nor the Standard Webhooks webhook-signature header), so it cannot be shown to come from IntentIQ. Every delivery carries both: check that this URL is the one registered as a webhook endpoint and that no proxy strips the headers, and pass the request headers (or the request itself) to verifyWebhook.';
      for (const options of [
        {},
        { header: undefined },
        { header: '' },
        { header: '   ' },
        { header: [] },
        { headers: { 'content-type': 'application/json' } },
        { headers: new Headers() },
        { payload: new Request('https://example.com/', { method: 'POST', body: BODY }) },
      ]) {
        await expect(verify(options)).rejects.toMatchObject({ code: 'missing_header', message });
      }
    });

    it('malformed_header, saying what is wrong, for each way a header can be malformed', async () => {
      const v1 = `v1=${referenceSignature(SECRET, T, BODY)}`;
      const cases: [string, string][] = [
        [v1, 'it has no t= timestamp'],
        [`t=,${v1}`, 't= is not a whole number of unix seconds'],
        [`t=12.5,${v1}`, 't= is not a whole number of unix seconds'],
        [`t=-5,${v1}`, 't= is not a whole number of unix seconds'],
        [`t=1e9,${v1}`, 't= is not a whole number of unix seconds'],
        [`t=${T},t=${T},${v1}`, 'it has more than one t= timestamp'],
        [`t=${T}`, 'it has no v1= signature'],
        [`t=${T},v2=${'a'.repeat(64)}`, 'it has no v1= signature'],
        [`t=${T},v1=abc`, 'a v1= signature is not 64 lower-case hex characters (it has 3)'],
        [
          `t=${T},${v1.toUpperCase().replace('V1', 'v1')}`,
          'a v1= signature is not 64 lower-case hex characters (it has 64)',
        ],
        [`t=${T},${v1}0`, 'a v1= signature is not 64 lower-case hex characters (it has 65)'],
        [`t=${T};${v1}`, 't= is not a whole number of unix seconds'],
        [`t=${T},garbage`, 'an element is not a key=value pair'],
        [
          `t=${T},${v1},${'x'.repeat(5000)}`,
          'it is 5081 characters long, far more than a real signature header',
        ],
      ];
      for (const [header, problem] of cases) {
        await expect(verify({ header })).rejects.toMatchObject({
          code: 'malformed_header',
          message: `The X-IIQ-Signature header is malformed: ${problem}. Expected t=<unix seconds>,v1=<64 lower-case hex characters>. Pass the header value exactly as received; if a proxy or framework rewrites headers, read it from the original request.`,
        });
      }
    });

    it('malformed_header when the header value is not text', async () => {
      for (const header of [42, { t: T }, [HEADER, 7]]) {
        await expect(verify({ header: header as never })).rejects.toMatchObject({
          code: 'malformed_header',
          message:
            'The X-IIQ-Signature header must be text (a string, or an array of strings for a header sent on several lines). Pass the header value as the request delivered it.',
        });
      }
    });

    it('signature_mismatch when the secret is not the one that signed', async () => {
      await expect(verify({ header: HEADER, secret: OLD_SECRET })).rejects.toMatchObject({
        code: 'signature_mismatch',
        message:
          'No v1 signature in the X-IIQ-Signature header matches this body under the signing secret given. Usual causes: the body was parsed or re-encoded before verifying (pass the raw bytes), the secret belongs to another endpoint or was rotated (pass secrets: [current, previous] during a rotation), or the request did not come from IntentIQ.',
      });
    });

    it('signature_mismatch, counting the secrets, when none of several secrets signed', async () => {
      const error = await verify({
        header: HEADER,
        secret: undefined,
        secrets: [OLD_SECRET, 'whsec_other'],
      }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'signature_mismatch' });
      expect((error as Error).message).toContain('under the 2 signing secrets given');
    });

    it('signature_mismatch when the body was re-serialised', async () => {
      const pretty = JSON.stringify(EVENT, null, 2);
      await expect(verify({ payload: pretty, header: HEADER })).rejects.toMatchObject({
        code: 'signature_mismatch',
      });
    });

    it('signature_mismatch when the timestamp was swapped for a fresh one', async () => {
      const [, v1] = HEADER.split(',');
      await expect(
        verify({ header: `t=${T + 60},${v1}`, now: NOW + 60_000 }),
      ).rejects.toMatchObject({
        code: 'signature_mismatch',
      });
    });

    it('signature_mismatch when the timestamp is padded with zeros, since t is signed as written', async () => {
      const [, v1] = HEADER.split(',');
      await expect(verify({ header: `t=0${T},${v1}` })).rejects.toMatchObject({
        code: 'signature_mismatch',
      });
    });
  });

  describe('invalid_payload', () => {
    const advice =
      "Re-serialising JSON changes the bytes and breaks the signature. In Express use express.raw({ type: 'application/json' }) on the webhook route and pass req.body (a Buffer); with node:http collect the request's chunks; in Next.js route handlers, Hono, Workers, Deno and Bun pass the Request itself or await request.text().";

    it('for already-parsed JSON, explaining how to get the raw body', async () => {
      for (const payload of [EVENT, [EVENT]]) {
        await expect(verify({ payload, header: HEADER })).rejects.toMatchObject({
          code: 'invalid_payload',
          message: `The payload must be the raw request body (string or bytes), not parsed JSON. ${advice}`,
        });
      }
    });

    it('for a missing payload', async () => {
      for (const payload of [undefined, null]) {
        await expect(verify({ payload: payload as never, header: HEADER })).rejects.toMatchObject({
          code: 'invalid_payload',
          message: `The payload is missing: pass the raw request body (a string or bytes). ${advice}`,
        });
      }
    });

    it('for a request stream that was not read', async () => {
      const stream = { pipe() {}, on() {} };
      await expect(verify({ payload: stream as never, header: HEADER })).rejects.toMatchObject({
        code: 'invalid_payload',
        message: `The payload is a stream (a Node IncomingMessage?), not a body: read the raw body first. ${advice}`,
      });
    });

    it('for a number', async () => {
      await expect(verify({ payload: 42 as never, header: HEADER })).rejects.toMatchObject({
        code: 'invalid_payload',
        message: 'The payload must be the raw request body (string or bytes), not a number.',
      });
    });

    it('for a Request whose body was already read', async () => {
      const payload = new Request('https://example.com/', { method: 'POST', body: BODY });
      await payload.text();
      await expect(verify({ payload, header: HEADER })).rejects.toMatchObject({
        code: 'invalid_payload',
        message:
          'The request body has already been read, so it is no longer available to verify. Verify before reading it (verifyWebhook returns the parsed event), or pass the text you read: await request.text().',
      });
    });

    it.each([
      ['not JSON', 'ok', 'it is not valid UTF-8 JSON'],
      ['a JSON array', '[1,2]', 'it is not a JSON object'],
      ['JSON null', 'null', 'it is not a JSON object'],
      [
        'an object without an id',
        '{"type":"x","created":"2026-05-28T14:02:11Z"}',
        'its id is not a string',
      ],
      [
        'an object with a numeric created',
        '{"id":"evt_1","type":"x","created":1}',
        'its created is not a string',
      ],
      [
        'a known event type whose data is not an object',
        '{"id":"evt_1","type":"signal.spike","created":"2026-05-28T14:02:11Z","data":null}',
        'its data is not an object',
      ],
    ])('for a correctly signed body that is %s', async (_what, body, problem) => {
      await expect(verify({ payload: body, header: referenceHeader(body) })).rejects.toMatchObject({
        code: 'invalid_payload',
        message: `The body is signed correctly but is not an IntentIQ event: ${problem}. Events are JSON objects with string id, type and created, and a data object.`,
      });
    });

    it('for correctly signed bytes that are not UTF-8', async () => {
      const bytes = new Uint8Array([0x7b, 0xff, 0x7d]);
      await expect(
        verify({ payload: bytes, header: referenceHeader(bytes) }),
      ).rejects.toMatchObject({
        code: 'invalid_payload',
      });
    });
  });

  it('returns an event of a type added after this SDK as a generic event', async () => {
    const body = JSON.stringify({
      id: 'evt_01J0FUTURE',
      type: 'account.merged',
      created: '2026-05-28T14:02:11Z',
      data: { into: 'stripe.com' },
      delivery_attempt: 2,
    });
    const event = await verify({ payload: body, header: referenceHeader(body) });
    expect(event).toEqual(JSON.parse(body));
    expect(isKnownWebhookEvent(event)).toBe(false);
  });

  it('rejects rather than throws, even for a bad signature or a wrong call', () => {
    const bad = verify({ header: `t=${T},v1=${'0'.repeat(64)}` });
    const wrong = verifyWebhook(undefined as never);
    expect(bad).toBeInstanceOf(Promise);
    expect(wrong).toBeInstanceOf(Promise);
    return Promise.all([
      expect(bad).rejects.toBeInstanceOf(WebhookVerificationError),
      expect(wrong).rejects.toBeInstanceOf(TypeError),
    ]);
  });
});

describe('verifyWebhook refuses a wrong call with a TypeError, not a verification error', () => {
  const base = { payload: BODY, header: HEADER, now: NOW };

  it.each([
    ['no secret', { ...base }, 'The webhook signing secret is missing.'],
    [
      'an empty secret (an unset variable)',
      { ...base, secret: '' },
      'The webhook signing secret is an empty string.',
    ],
    [
      'both secret and secrets',
      { ...base, secret: SECRET, secrets: [SECRET] },
      'Pass either secret or secrets, not both.',
    ],
    [
      'no secrets',
      { ...base, secrets: [] },
      'secrets is empty: pass at least one webhook signing secret.',
    ],
    [
      'a zero tolerance',
      { ...base, secret: SECRET, tolerance: 0 },
      'tolerance must be a positive number',
    ],
    [
      'a negative tolerance',
      { ...base, secret: SECRET, tolerance: -1 },
      'tolerance must be a positive number',
    ],
    [
      'a NaN tolerance',
      { ...base, secret: SECRET, tolerance: Number.NaN },
      'tolerance must be a positive number',
    ],
    [
      'a tolerance in a string',
      { ...base, secret: SECRET, tolerance: '300' },
      'tolerance must be a positive number',
    ],
    ['now in seconds', { ...base, secret: SECRET, now: T }, 'this value looks like seconds'],
    [
      'an invalid Date',
      { ...base, secret: SECRET, now: new Date('nope') },
      'now must be a valid Date',
    ],
    ['both header and headers', { ...base, secret: SECRET, headers: {} }, 'Pass either header'],
    [
      'headers as a string',
      { payload: BODY, now: NOW, secret: SECRET, headers: HEADER },
      'To pass the X-IIQ-Signature value itself, use the header option.',
    ],
  ])('for %s', async (_what, options, message) => {
    const error = await verifyWebhook(options as VerifyWebhookOptions).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toContain(message.replace(/\.$/, ''));
  });
});
