import { createNodeCryptoProvider, findNodeCrypto } from './crypto-node.ts';
import type { WebhookCryptoProvider } from './crypto-provider.ts';
import { createWebCryptoProvider } from './crypto-web.ts';

export type { WebhookCryptoProvider } from './crypto-provider.ts';

let defaultProvider: WebhookCryptoProvider | undefined;

/**
 * The provider used when none is given: `node:crypto` on Node >= 22.3, Bun and Deno (reached at run
 * time through `process.getBuiltinModule`, so bundles for Workers and browsers import nothing from
 * Node), Web Crypto everywhere else.
 */
export function defaultCryptoProvider(): WebhookCryptoProvider {
  defaultProvider ??= findNodeCrypto() ? createNodeCryptoProvider() : createWebCryptoProvider();
  return defaultProvider;
}
