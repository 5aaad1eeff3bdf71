import { describe, expect, it } from 'vitest';
import { Clock } from '../../../mock-server/kernel/clock.ts';
import { Ids, stableId } from '../../../mock-server/kernel/ids.ts';
import { hash32, Random } from '../../../mock-server/kernel/random.ts';
import { portableSha256Hex, sha256Hex } from '../../../mock-server/kernel/sha256.ts';

describe('ids', () => {
  it('are the prefix and 16 Crockford base32 characters, the time first', () => {
    const ids = new Ids('seed', new Clock(Date.parse('2026-05-28T14:02:11Z')));
    const id = ids.next('scr');
    expect(id).toMatch(/^scr_[0-9A-HJKMNP-TV-Z]{16}$/);
    expect(ids.next('job').slice(4, 14)).toBe(id.slice(4, 14));
  });

  it('repeat for the same seed and differ for another', () => {
    const make = (seed: string) => {
      const ids = new Ids(seed, new Clock(0));
      return [ids.next('scr'), ids.next('wl'), ids.next('evt')];
    };
    expect(make('a')).toEqual(make('a'));
    expect(make('a')).not.toEqual(make('b'));
  });

  it('keep object ids apart from request ids, so extra requests do not shift them', () => {
    const plain = new Ids('s', new Clock(0));
    const busy = new Ids('s', new Clock(0));
    busy.next('req');
    busy.next('req');
    expect(busy.next('scr')).toBe(plain.next('scr'));
  });

  it('never repeat on a frozen clock: 200,000 in one millisecond are all different, in order', () => {
    const ids = new Ids('seed', new Clock(Date.parse('2026-05-28T14:02:11Z')));
    const made = Array.from({ length: 200_000 }, () => ids.next('scr'));
    expect(new Set(made).size).toBe(made.length);
    expect(made.every((id, i) => i === 0 || id > (made[i - 1] as string))).toBe(true);
  });

  it('can be derived from a key alone', () => {
    expect(stableId('prs', 'jane@stripe.com')).toBe(stableId('prs', 'jane@stripe.com'));
    expect(stableId('prs', 'jane@stripe.com')).toMatch(/^prs_[0-9A-Z]{16}$/);
    expect(stableId('prs', 'jane@stripe.com')).not.toBe(stableId('prs', 'john@stripe.com'));
  });
});

describe('randomness', () => {
  it('is deterministic per seed and spread over the range', () => {
    const a = new Random('x');
    const b = new Random('x');
    const values = Array.from({ length: 1000 }, () => a.int(1, 6));
    expect(values).toEqual(Array.from({ length: 1000 }, () => b.int(1, 6)));
    for (let face = 1; face <= 6; face++)
      expect(values.filter((v) => v === face).length).toBeGreaterThan(120);
  });

  it('hashes strings to 32 bits, salted', () => {
    expect(hash32('stripe.com')).toBe(hash32('stripe.com'));
    expect(hash32('stripe.com', 1)).not.toBe(hash32('stripe.com', 2));
    expect(hash32('stripe.com')).toBeLessThan(2 ** 32);
  });
});

describe('sha256Hex', () => {
  it.each(['', 'abc', `iiq_test_${'k'.repeat(40)}`, 'héllo ✓ '.repeat(30)])(
    'agrees with the portable implementation for %j',
    (text) => {
      expect(portableSha256Hex(text)).toBe(sha256Hex(text));
    },
  );

  it('matches the FIPS 180-4 test vector', () => {
    expect(portableSha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});
