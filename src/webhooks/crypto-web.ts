import { concatBytes, constantTimeEqual, toBase64, utf8 } from './bytes.ts';
import type { WebhookCryptoProvider } from './crypto-provider.ts';

/** Options for {@link createWebCryptoProvider}. */
export interface WebCryptoProviderOptions {
  /**
   * How many imported signing keys to keep (least recently used are dropped first). Importing a key
   * costs more than the HMAC itself, so keep at least as many as the secrets you verify with. Default 64.
   */
  maxCachedKeys?: number;
}

const DEFAULT_MAX_CACHED_KEYS = 64;

/** An imported HMAC key (a `CryptoKey`), opaque here. */
type SigningKey = object;

/** The slice of `crypto.subtle` used here, typed locally so no DOM or Node typings are needed. */
interface Subtle {
  importKey(
    format: 'raw',
    keyData: Uint8Array,
    algorithm: { name: 'HMAC'; hash: 'SHA-256' },
    extractable: false,
    usages: ['sign'],
  ): Promise<SigningKey>;
  sign(algorithm: 'HMAC', key: SigningKey, data: Uint8Array): Promise<ArrayBuffer>;
}

/**
 * A provider on Web Crypto (`crypto.subtle`), available on every runtime: Node, Bun, Deno,
 * Cloudflare Workers, browsers. Imported keys are cached per secret, bounded, so a process
 * verifying for many tenants does not grow without limit.
 */
export function createWebCryptoProvider(
  options: WebCryptoProviderOptions = {},
): WebhookCryptoProvider {
  const maxCachedKeys = options.maxCachedKeys ?? DEFAULT_MAX_CACHED_KEYS;
  if (!Number.isInteger(maxCachedKeys) || maxCachedKeys < 1) {
    throw new TypeError('maxCachedKeys must be a positive integer.');
  }
  const keys = new KeyCache(maxCachedKeys);
  return {
    async hmacSha256(key, message) {
      const subtle = webCrypto();
      const bytes = typeof key === 'string' ? utf8(key) : key;
      // Text secrets and key bytes never share an entry: a secret could spell another key's base64.
      const cacheKey = typeof key === 'string' ? `s${key}` : `b${toBase64(key)}`;
      const signingKey = await keys.get(cacheKey, () =>
        subtle.importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']),
      );
      return new Uint8Array(await subtle.sign('HMAC', signingKey, concatBytes(message)));
    },
    timingSafeEqual: constantTimeEqual,
  };
}

function webCrypto(): Subtle {
  const subtle = (globalThis as { crypto?: { subtle?: Subtle } }).crypto?.subtle;
  if (!subtle) {
    throw new Error(
      'Web Crypto (crypto.subtle) is not available here. Browsers only expose it on secure (https) pages.',
    );
  }
  return subtle;
}

/**
 * Imported keys by secret (or key bytes), least recently used first. Stores the pending import so that concurrent
 * first deliveries share one import, and forgets an import that failed.
 */
class KeyCache {
  readonly #max: number;
  readonly #entries = new Map<string, Promise<SigningKey>>();

  constructor(max: number) {
    this.#max = max;
  }

  get(secret: string, importKey: () => Promise<SigningKey>): Promise<SigningKey> {
    let key = this.#entries.get(secret);
    if (key) {
      // Re-inserting moves the entry to the end of the Map's order: most recently used.
      this.#entries.delete(secret);
    } else {
      const pending = importKey();
      pending.catch(() => {
        if (this.#entries.get(secret) === pending) this.#entries.delete(secret);
      });
      key = pending;
      if (this.#entries.size >= this.#max) {
        const oldest = this.#entries.keys().next().value;
        if (oldest !== undefined) this.#entries.delete(oldest);
      }
    }
    this.#entries.set(secret, key);
    return key;
  }
}
