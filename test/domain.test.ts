import { describe, expect, it } from 'vitest';
import { checkDomain, normalizeDomain } from '../src/domain.ts';

describe('normalizeDomain', () => {
  it.each([
    ['stripe.com', 'stripe.com'],
    ['STRIPE.COM', 'stripe.com'],
    ['  stripe.com  ', 'stripe.com'],
    ['www.stripe.com', 'stripe.com'],
    ['https://www.stripe.com/atlas', 'stripe.com'],
    ['http://dashboard.stripe.com:8443/path?q=1#frag', 'stripe.com'],
    ['stripe.com/atlas', 'stripe.com'],
    ['stripe.com.', 'stripe.com'],
    ['shop.example.co.uk', 'example.co.uk'],
    ['a.b.c.bbc.co.uk', 'bbc.co.uk'],
    ['acme.myshopify.com', 'myshopify.com'],
    ['münchen.de', 'xn--mnchen-3ya.de'],
    ['unscorable.test', 'unscorable.test'],
    ['deep.sub.parked.example', 'parked.example'],
  ])('normalises %j to %j', (input, expected) => {
    expect(normalizeDomain(input)).toBe(expected);
  });

  it.each([
    ['', 'domain must not be empty'],
    ['localhost', 'domain must be a domain name such as "stripe.com"'],
    ['127.0.0.1', 'domain must be a domain name, not an IP address'],
    ['co.uk', 'domain "co.uk" is a public suffix, not a company\'s domain'],
    ['intranet.corp', 'domain "intranet.corp" does not end in a public top-level domain'],
    ['not a domain', 'domain must be a domain name such as "stripe.com"'],
  ])('refuses %j with a message that says why', (input, message) => {
    expect(() => normalizeDomain(input)).toThrow(new TypeError(message));
  });

  it('quotes a long hostname cut to 80 characters, with its length', () => {
    const long = `${'a'.repeat(60)}.${'b'.repeat(60)}.intranet`;
    expect(checkDomain(long)).toEqual({
      ok: false,
      reason: `"${long.slice(0, 80)}…" (130 characters) does not end in a public top-level domain`,
    });
  });

  it('never throws from checkDomain, whatever it is given', () => {
    for (const input of [undefined, null, 42, {}, 'x'.repeat(5000), '://', 'http://']) {
      expect(checkDomain(input).ok).toBe(false);
    }
  });
});
