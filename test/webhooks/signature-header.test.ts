import { describe, expect, it } from 'vitest';
import { toHex } from '../../src/webhooks/bytes.ts';
import {
  formatSignatureHeader,
  parseSignatureHeader,
} from '../../src/webhooks/signature-header.ts';

const A = 'a'.repeat(64);
const B = '0123456789abcdef'.repeat(4);

describe('parseSignatureHeader', () => {
  it('reads the timestamp as sent and each v1 signature as 32 bytes', () => {
    const parsed = parseSignatureHeader(`t=1780063331,v1=${A},v1=${B}`);
    expect(parsed.timestamp).toBe('1780063331');
    expect(parsed.seconds).toBe(1780063331);
    expect(parsed.signatures.map(toHex)).toEqual([A, B]);
    expect(parsed.signatures.every((s) => s.byteLength === 32)).toBe(true);
  });

  it('keeps leading zeros in the timestamp, because the signed string uses it verbatim', () => {
    expect(parseSignatureHeader(`t=0042,v1=${A}`)).toMatchObject({
      timestamp: '0042',
      seconds: 42,
    });
  });

  it('tolerates spaces and tabs around elements and a trailing comma', () => {
    const parsed = parseSignatureHeader(` t=1, \tv1=${A} ,`);
    expect(parsed.timestamp).toBe('1');
    expect(parsed.signatures.map(toHex)).toEqual([A]);
  });

  it('ignores schemes it does not know', () => {
    const parsed = parseSignatureHeader(`v0=xyz,t=1,v2=${B},v1=${A},future=1`);
    expect(parsed.signatures.map(toHex)).toEqual([A]);
  });

  it('refuses a timestamp of more than 15 digits, which no clock produces', () => {
    expect(() => parseSignatureHeader(`t=${'9'.repeat(16)},v1=${A}`)).toThrow(
      't= is not a whole number of unix seconds',
    );
  });

  it('refuses a signature with uppercase hex, which IntentIQ never sends', () => {
    expect(() => parseSignatureHeader(`t=1,v1=${A.toUpperCase()}`)).toThrow(
      'a v1= signature is not 64 lower-case hex characters (it has 64)',
    );
  });

  it('refuses an element with an empty key', () => {
    expect(() => parseSignatureHeader(`t=1,=v1,v1=${A}`)).toThrow(
      'an element is not a key=value pair',
    );
  });
});

describe('formatSignatureHeader', () => {
  it('writes the form in openapi.yaml, without spaces, one v1 per signature', () => {
    const header = formatSignatureHeader(1780063331, [
      new Uint8Array(32).fill(170),
      new Uint8Array(32),
    ]);
    expect(header).toBe(`t=1780063331,v1=${A},v1=${'0'.repeat(64)}`);
    expect(header).toMatch(/^t=\d+(,v1=[0-9a-f]{64})+$/);
  });

  it('round-trips through parseSignatureHeader', () => {
    const parsed = parseSignatureHeader(`t=5,v1=${B}`);
    expect(formatSignatureHeader(parsed.seconds, parsed.signatures)).toBe(`t=5,v1=${B}`);
  });
});
