/**
 * The URL guard on its own: every spelling of a private, loopback or metadata target is refused
 * with the reason a user reads after the field's name, public URLs pass, and `allowLoopback`
 * lets loopback through and nothing else.
 */
import { describe, expect, it } from 'vitest';
import { checkCallbackUrl } from '../src/url-guard.ts';
import { ACCEPTED, LOOPBACK, REFUSED } from './support/url-spellings.ts';

describe('checkCallbackUrl', () => {
  it.each(REFUSED)('refuses $what ($url) as $refusal', ({ url, refusal }) => {
    const check = checkCallbackUrl(url);
    expect(check).toMatchObject({ ok: false, refusal });
  });

  it.each(ACCEPTED)('accepts the public URL %s', (url) => {
    expect(checkCallbackUrl(url)).toEqual({ ok: true });
  });

  it.each(LOOPBACK)('accepts $what when loopback is allowed', ({ url }) => {
    expect(checkCallbackUrl(url, { allowLoopback: true })).toEqual({ ok: true });
  });

  it.each(REFUSED.filter((spelling) => spelling.refusal !== 'loopback'))(
    'still refuses $what when loopback is allowed',
    ({ url, refusal }) => {
      expect(checkCallbackUrl(url, { allowLoopback: true })).toMatchObject({ ok: false, refusal });
    },
  );

  it('says why, in words to read after the field, without repeating the URL', () => {
    const url = 'https://user:hunter2@169.254.169.254/latest/';
    const check = checkCallbackUrl(url);
    expect(check).toEqual({
      ok: false,
      refusal: 'credentials',
      reason:
        'must not contain a user name or password (user:pass@): deliveries are signed with the endpoint secret instead',
    });
    expect(checkCallbackUrl('http://[::ffff:169.254.169.254]/')).toEqual({
      ok: false,
      refusal: 'metadata',
      reason: 'must not point at a cloud metadata service',
    });
    expect(checkCallbackUrl('http://100.64.0.1/')).toMatchObject({
      reason:
        'must not point at a shared address space (100.64.0.0/10, carrier-grade NAT): the API delivers only to public hosts',
    });
  });

  it('refuses what is not a URL at all', () => {
    for (const input of ['not a url', '', 'http://', '//example.com/hooks', 42, null]) {
      expect(checkCallbackUrl(input)).toMatchObject({ ok: false, refusal: 'malformed' });
    }
  });
});
