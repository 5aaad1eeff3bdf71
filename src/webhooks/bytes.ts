const encoder = new TextEncoder();
const byteToHex = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** UTF-8 bytes of `text`, the encoding every signed string and secret uses. */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** The bytes of `parts` laid end to end, strings as UTF-8. */
export function concatBytes(parts: readonly (string | Uint8Array)[]): Uint8Array {
  const chunks = parts.map((part) => (typeof part === 'string' ? utf8(part) : part));
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  let length = 0;
  for (const chunk of chunks) length += chunk.byteLength;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** Lower-case hex of `bytes`, as signatures are written in the header. */
export function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byteToHex[byte];
  return hex;
}

/** Bytes of a lower-case hex string the caller has already checked (`/^([0-9a-f]{2})*$/`). */
export function fromHex(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) {
    out[i] = (nibble(hex.charCodeAt(2 * i)) << 4) | nibble(hex.charCodeAt(2 * i + 1));
  }
  return out;
}

function nibble(code: number): number {
  // '0'..'9' are 48..57, 'a'..'f' are 97..102.
  return code <= 57 ? code - 48 : code - 87;
}

/**
 * Whether `a` and `b` hold the same bytes, in time that depends only on their length: every byte is
 * visited and differences are OR-ed together, so an attacker cannot learn how many leading bytes of
 * a forged signature were right.
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  let difference = 0;
  for (let i = 0; i < a.byteLength; i++) difference |= (a[i] as number) ^ (b[i] as number);
  return difference === 0;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Standard base64 (RFC 4648 §4, padded) of `bytes`, as Standard Webhooks signatures are written. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * The bytes of a standard, padded base64 string, or `undefined` if it is not one. Strict on
 * purpose: a signature or a key that other implementations would read differently is refused.
 */
export function fromBase64(text: string): Uint8Array | undefined {
  if (!BASE64.test(text)) return undefined;
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
