/**
 * SHA-256, synchronously, on every runtime the mock runs on. API keys are stored only as these
 * hashes, like the real API does. Node, Bun and Deno expose `node:crypto` through
 * `process.getBuiltinModule` (no static import, so browser bundles of the MSW handlers stay clean);
 * elsewhere (a browser running `setupWorker`, a Worker) `@noble/hashes` takes over.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

interface NodeCrypto {
  /** One-shot hashing (Node >= 21.7), faster than `createHash` for short inputs. */
  hash?: (algorithm: string, data: string, encoding: 'hex') => string;
  createHash(algorithm: string): { update(data: string): { digest(encoding: 'hex'): string } };
}

const nodeCrypto = (
  globalThis as { process?: { getBuiltinModule?: (id: string) => NodeCrypto | undefined } }
).process?.getBuiltinModule?.('node:crypto');

/** The lower-case hex SHA-256 of a string (UTF-8), with `@noble/hashes` (exported for its test). */
export function portableSha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** The lower-case hex SHA-256 of a string (UTF-8). */
export function sha256Hex(text: string): string {
  if (nodeCrypto?.hash) return nodeCrypto.hash('sha256', text, 'hex');
  if (nodeCrypto) return nodeCrypto.createHash('sha256').update(text).digest('hex');
  return portableSha256Hex(text);
}
