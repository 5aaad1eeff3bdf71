import { describe, expect, it } from 'vitest';
import { constructEvent } from '../../src/webhooks/index.ts';
import { BODY, NOW, OLD_SECRET, referenceHeader, SECRET, T } from './helpers.ts';

const HEADER = referenceHeader(BODY);
const EVENT = JSON.parse(BODY);

describe('constructEvent', () => {
  it('verifies with the header value and one secret, stripe-style', async () => {
    await expect(constructEvent(BODY, HEADER, SECRET, { now: NOW })).resolves.toEqual(EVENT);
  });

  it('takes all the request headers in place of the header value', async () => {
    const headers = { 'x-iiq-signature': HEADER };
    await expect(constructEvent(BODY, headers, SECRET, { now: NOW })).resolves.toEqual(EVENT);
    await expect(constructEvent(BODY, new Headers(headers), SECRET, { now: NOW })).resolves.toEqual(
      EVENT,
    );
  });

  it('takes several secrets during a rotation', async () => {
    await expect(constructEvent(BODY, HEADER, [OLD_SECRET, SECRET], { now: NOW })).resolves.toEqual(
      EVENT,
    );
  });

  it('takes the header from a Request when none is given', async () => {
    const request = new Request('https://example.com/', {
      method: 'POST',
      headers: { 'x-iiq-signature': HEADER },
      body: BODY,
    });
    await expect(constructEvent(request, undefined, SECRET, { now: NOW })).resolves.toEqual(EVENT);
  });

  it('applies the tolerance option', async () => {
    await expect(
      constructEvent(BODY, HEADER, SECRET, { now: (T + 61) * 1000, tolerance: 60 }),
    ).rejects.toMatchObject({ code: 'timestamp_out_of_tolerance' });
  });

  it('reports a missing header as missing_header', async () => {
    await expect(constructEvent(BODY, undefined, SECRET, { now: NOW })).rejects.toMatchObject({
      code: 'missing_header',
    });
  });
});
