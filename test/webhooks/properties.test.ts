import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  signWebhook,
  type VerifyWebhookOptions,
  verifyWebhook,
  WEBHOOK_EVENT_TYPES,
  WebhookVerificationError,
  type WebhookVerificationErrorCode,
} from '../../src/webhooks/index.ts';
import { providers } from './helpers.ts';

// A fixed seed keeps the suite deterministic; change it locally to explore other inputs.
beforeAll(() => {
  fc.configureGlobal({ seed: 20_260_529, numRuns: 150 });
});

const TOLERANCE = 300;

const secret = fc.string({ minLength: 1, maxLength: 48, unit: 'grapheme' });
// Unix seconds from 2001 to 2286.
const timestamp = fc.integer({ min: 1_000_000_000, max: 9_999_999_999 });
const event = fc.record({
  id: fc.stringMatching(/^evt_[0-9A-Za-z]{1,26}$/),
  type: fc.oneof(fc.constantFrom(...WEBHOOK_EVENT_TYPES), fc.string()),
  created: fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  data: fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })),
  delivery_attempt: fc.integer({ min: 1, max: 9 }),
});
const body = fc
  .tuple(event, fc.integer({ min: 0, max: 2 }))
  .map(([value, indent]) => JSON.stringify(value, null, indent));
const payloadKind = fc.constantFrom('string', 'bytes', 'array buffer');
const provider = fc.constantFrom(...providers.map(([, p]) => p));

function asPayload(text: string, kind: string): string | Uint8Array | ArrayBuffer {
  const bytes = new TextEncoder().encode(text);
  return kind === 'string' ? text : kind === 'bytes' ? bytes : bytes.slice().buffer;
}

/** The verification error code `promise` rejects with; fails on success or on any other error. */
async function codeOf(promise: Promise<unknown>): Promise<WebhookVerificationErrorCode> {
  const outcome = await promise.then(
    () => new Error('verified, but must not have'),
    (error: unknown) => error,
  );
  if (outcome instanceof WebhookVerificationError) return outcome.code;
  throw outcome;
}

describe('webhook signatures, for arbitrary bodies, secrets and timestamps', () => {
  it('verify when signed and checked within the tolerance, with any of the signing secrets', async () => {
    await fc.assert(
      fc.asyncProperty(
        body,
        fc.uniqueArray(secret, { minLength: 1, maxLength: 3 }),
        fc.nat(),
        timestamp,
        fc.integer({ min: -TOLERANCE * 1000, max: TOLERANCE * 1000 + 999 }),
        payloadKind,
        provider,
        async (text, secrets, pick, t, skewMs, kind, cryptoProvider) => {
          const { header } = await signWebhook({ payload: text, secrets, timestamp: t });
          const event = await verifyWebhook({
            payload: asPayload(text, kind),
            header,
            secret: secrets[pick % secrets.length],
            now: t * 1000 + skewMs,
            cryptoProvider,
          });
          expect(event).toEqual(JSON.parse(text));
        },
      ),
    );
  });

  it('never verify once a byte of the body changes: signature_mismatch', async () => {
    await fc.assert(
      fc.asyncProperty(
        body,
        secret,
        timestamp,
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        provider,
        async (text, key, t, position, flip, cryptoProvider) => {
          const { header } = await signWebhook({ payload: text, secret: key, timestamp: t });
          const bytes = new TextEncoder().encode(text);
          const index = position % bytes.length;
          bytes[index] = (bytes[index] as number) ^ flip;
          const verifying = verifyWebhook({
            payload: bytes,
            header,
            secret: key,
            now: t * 1000,
            cryptoProvider,
          });
          expect(await codeOf(verifying)).toBe('signature_mismatch');
        },
      ),
    );
  });

  it('never verify with another timestamp, even a fresh one: signature_mismatch', async () => {
    await fc.assert(
      fc.asyncProperty(
        body,
        secret,
        timestamp,
        fc.integer({ min: -TOLERANCE, max: TOLERANCE }).filter((shift) => shift !== 0),
        provider,
        async (text, key, t, shift, cryptoProvider) => {
          const { header } = await signWebhook({ payload: text, secret: key, timestamp: t });
          const replayed = header.replace(`t=${t},`, `t=${t + shift},`);
          const verifying = verifyWebhook({
            payload: text,
            header: replayed,
            secret: key,
            now: (t + shift) * 1000,
            cryptoProvider,
          });
          expect(await codeOf(verifying)).toBe('signature_mismatch');
        },
      ),
    );
  });

  it('never verify outside the tolerance, in either direction: timestamp_out_of_tolerance', async () => {
    await fc.assert(
      fc.asyncProperty(
        body,
        secret,
        timestamp,
        fc.integer({ min: TOLERANCE + 1, max: 10 * 365 * 86_400 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 3600 }),
        async (text, key, t, offset, late, tolerance) => {
          const { header } = await signWebhook({ payload: text, secret: key, timestamp: t });
          const beyond = Math.max(offset, tolerance + 1);
          const now = (late ? t + beyond : t - beyond) * 1000;
          const verifying = verifyWebhook({ payload: text, header, secret: key, now, tolerance });
          expect(await codeOf(verifying)).toBe('timestamp_out_of_tolerance');
        },
      ),
    );
  });

  it('never verify once a character of the signature changes: signature_mismatch or malformed_header', async () => {
    await fc.assert(
      fc.asyncProperty(
        body,
        secret,
        timestamp,
        fc.nat(63),
        fc.oneof(
          fc.constantFrom(...'0123456789abcdefABCDEF'),
          fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }),
        ),
        provider,
        async (text, key, t, position, replacement, cryptoProvider) => {
          const { header } = await signWebhook({ payload: text, secret: key, timestamp: t });
          const start = header.indexOf('v1=') + 3;
          const original = header[start + position];
          fc.pre(replacement !== original);
          const forged =
            header.slice(0, start + position) + replacement + header.slice(start + position + 1);
          const code = await codeOf(
            verifyWebhook({
              payload: text,
              header: forged,
              secret: key,
              now: t * 1000,
              cryptoProvider,
            }),
          );
          const isHex = /^[0-9a-f]$/.test(replacement);
          expect(code).toBe(isHex ? 'signature_mismatch' : 'malformed_header');
        },
      ),
    );
  });

  it('never verify once any character of the header is replaced or removed', async () => {
    await fc.assert(
      fc.asyncProperty(
        body,
        secret,
        timestamp,
        fc.nat(),
        fc.option(
          fc.oneof(
            fc.constantFrom(...'0123456789abcdefABCDEFtTv=, \t'),
            fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }),
          ),
        ),
        async (text, key, t, position, replacement) => {
          const { header } = await signWebhook({ payload: text, secret: key, timestamp: t });
          const index = position % header.length;
          fc.pre(replacement !== header[index]);
          const mutated = header.slice(0, index) + (replacement ?? '') + header.slice(index + 1);
          const code = await codeOf(
            verifyWebhook({ payload: text, header: mutated, secret: key, now: t * 1000 }),
          );
          expect(['malformed_header', 'signature_mismatch']).toContain(code);
        },
      ),
    );
  });
});

describe('verifyWebhook, given an arbitrary header', () => {
  const fragment = fc.oneof(
    fc.constantFrom('t=', 'v1=', 'v2=', ',', ', ', '=', ' ', '\t', '1780063331', '-1', '0x1f'),
    fc.stringMatching(/^[0-9a-f]{64}$/),
    fc.string({ unit: 'binary', maxLength: 70 }),
  );
  const headerText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.array(fragment, { maxLength: 12 }).map((parts) => parts.join('')),
  );
  const name = fc.oneof(
    fc.constantFrom('x-iiq-signature', 'X-IIQ-Signature', 'X-Iiq-Signature', 'content-type'),
    fc.string(),
  );
  const headerValue = fc.oneof(
    headerText,
    fc.array(headerText, { maxLength: 3 }),
    fc.constant(undefined),
    fc.anything(),
  );
  const options = { payload: '{"id":"evt_1","type":"x","created":"now"}', secret: 'whsec_x' };
  const expected = ['missing_header', 'malformed_header', 'signature_mismatch'];

  it('only ever rejects with a WebhookVerificationError, as a string', async () => {
    await fc.assert(
      fc.asyncProperty(headerText, async (header) => {
        expect(expected).toContain(await codeOf(verifyWebhook({ ...options, header })));
      }),
      { numRuns: 500 },
    );
  });

  it('only ever rejects with a WebhookVerificationError, as any value', async () => {
    await fc.assert(
      fc.asyncProperty(headerValue, async (header) => {
        const verifying = verifyWebhook({ ...options, header } as VerifyWebhookOptions);
        expect(expected).toContain(await codeOf(verifying));
      }),
      { numRuns: 300 },
    );
  });

  it('only ever rejects with a WebhookVerificationError, inside any headers object', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(name, headerValue), async (headers) => {
        const verifying = verifyWebhook({ ...options, headers } as VerifyWebhookOptions);
        expect(expected).toContain(await codeOf(verifying));
      }),
      { numRuns: 300 },
    );
  });
});
