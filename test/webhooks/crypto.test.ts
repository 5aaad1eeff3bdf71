import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toHex } from '../../src/webhooks/bytes.ts';
import { defaultCryptoProvider } from '../../src/webhooks/crypto.ts';
import { findNodeCrypto } from '../../src/webhooks/crypto-node.ts';
import {
  createNodeCryptoProvider,
  createWebCryptoProvider,
  verifyWebhook,
} from '../../src/webhooks/index.ts';
import { BODY, NOW, OLD_SECRET, providers, referenceHeader, SECRET } from './helpers.ts';

describe.each(providers)('the %s provider', (_name, provider) => {
  it('computes HMAC-SHA256 over the parts laid end to end, strings as UTF-8', async () => {
    const secret = 'whsec_ünïcödé_🔑';
    const parts = ['1780063331.', new TextEncoder().encode('{"note":"Zürich 🚀"}')];
    const expected = createHmac('sha256', secret)
      .update('1780063331.{"note":"Zürich 🚀"}')
      .digest('hex');
    expect(toHex(await provider.hmacSha256(secret, parts))).toBe(expected);
  });

  it('compares equal bytes as equal and any difference, first or last byte, as unequal', () => {
    const a = new Uint8Array(32).fill(7);
    expect(provider.timingSafeEqual(a, a.slice())).toBe(true);
    for (const index of [0, 31]) {
      const b = a.slice();
      b[index] = 8;
      expect(provider.timingSafeEqual(a, b)).toBe(false);
    }
  });

  it('compares arrays of different lengths as unequal, without throwing', () => {
    expect(provider.timingSafeEqual(new Uint8Array(32), new Uint8Array(31))).toBe(false);
  });
});

describe('the Web Crypto provider', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const verifyWith = (cryptoProvider: ReturnType<typeof createWebCryptoProvider>, secret: string) =>
    verifyWebhook({
      payload: BODY,
      header: referenceHeader(BODY, [secret]),
      secret,
      now: NOW,
      cryptoProvider,
    });

  it('imports a secret once and reuses the key for later deliveries', async () => {
    const importKey = vi.spyOn(crypto.subtle, 'importKey');
    const provider = createWebCryptoProvider();
    for (let i = 0; i < 5; i++) await verifyWith(provider, SECRET);
    expect(importKey).toHaveBeenCalledTimes(1);
  });

  it('shares one import between concurrent first deliveries', async () => {
    const importKey = vi.spyOn(crypto.subtle, 'importKey');
    const provider = createWebCryptoProvider();
    await Promise.all([verifyWith(provider, SECRET), verifyWith(provider, SECRET)]);
    expect(importKey).toHaveBeenCalledTimes(1);
  });

  it('keeps at most maxCachedKeys keys, dropping the least recently used', async () => {
    const importKey = vi.spyOn(crypto.subtle, 'importKey');
    const provider = createWebCryptoProvider({ maxCachedKeys: 2 });
    const third = 'whsec_test_fake_secret_cccccccccccccccccccccccccccc';
    await verifyWith(provider, SECRET);
    await verifyWith(provider, OLD_SECRET);
    await verifyWith(provider, SECRET); // SECRET is now the most recently used
    await verifyWith(provider, third); // evicts OLD_SECRET
    expect(importKey).toHaveBeenCalledTimes(3);
    await verifyWith(provider, SECRET);
    expect(importKey).toHaveBeenCalledTimes(3);
    await verifyWith(provider, OLD_SECRET);
    expect(importKey).toHaveBeenCalledTimes(4);
  });

  it('forgets a failed import, so the next delivery tries again', async () => {
    const importKey = vi.spyOn(crypto.subtle, 'importKey');
    importKey.mockRejectedValueOnce(new Error('transient'));
    const provider = createWebCryptoProvider();
    await expect(verifyWith(provider, SECRET)).rejects.toThrow('transient');
    await expect(verifyWith(provider, SECRET)).resolves.toMatchObject({ type: 'credits.low' });
    expect(importKey).toHaveBeenCalledTimes(2);
  });

  it('refuses a maxCachedKeys that is not a positive integer', () => {
    for (const maxCachedKeys of [0, -1, 1.5, Number.NaN]) {
      expect(() => createWebCryptoProvider({ maxCachedKeys })).toThrow(
        new TypeError('maxCachedKeys must be a positive integer.'),
      );
    }
  });
});

describe('choosing a provider', () => {
  const getBuiltinModule = process.getBuiltinModule;
  afterEach(() => {
    process.getBuiltinModule = getBuiltinModule;
  });

  it('uses node:crypto by default on Node, which answers synchronously', () => {
    expect(defaultCryptoProvider().hmacSha256(SECRET, ['x'])).toBeInstanceOf(Uint8Array);
  });

  it('finds no node:crypto where process.getBuiltinModule is missing (Workers, browsers)', () => {
    // @ts-expect-error: simulating a runtime without getBuiltinModule
    process.getBuiltinModule = undefined;
    expect(findNodeCrypto()).toBeUndefined();
    expect(() => createNodeCryptoProvider()).toThrow(
      'node:crypto is not available in this runtime (no process.getBuiltinModule): use createWebCryptoProvider() instead.',
    );
  });
});
