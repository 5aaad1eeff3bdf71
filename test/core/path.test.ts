/**
 * Path parameters are one percent-encoded segment each, and can never climb out of their path.
 */
import { describe, expect, it } from 'vitest';
import { path } from '../../src/core/path.ts';
import { ValidationError } from '../../src/index.ts';
import { clientWith, json, settle } from './helpers.ts';

describe('path`...`', () => {
  it('inserts an ID as it is', () => {
    expect(path`/watchlists/${'wl_01HZ9X5C3V4N6P2'}/accounts`).toBe(
      '/watchlists/wl_01HZ9X5C3V4N6P2/accounts',
    );
  });

  it('percent-encodes slashes, query and fragment characters and spaces', () => {
    expect(path`/events/${'../account?x=1#y z'}`).toBe('/events/..%2Faccount%3Fx%3D1%23y%20z');
  });

  it('refuses . and .. and empty IDs, naming the parameter', () => {
    for (const id of ['.', '..', '', '   ']) {
      expect(() => path`/score/${id}`).toThrow(ValidationError);
      expect(() => path`/score/${id}`).toThrow(`id must be a non-empty ID, got "${id}".`);
    }
  });

  it('refuses a value that is not a string', () => {
    expect(() => path`/score/${42}`).toThrow('id must be a string, got number.');
    expect(() => path`/score/${undefined}`).toThrow('id must be a string, got undefined.');
  });

  it('names parameters by position in a path with several', () => {
    expect(() => path`/a/${'x'}/b/${'..'}`).toThrow('path parameter 2 must be a non-empty ID');
  });
});

describe('resource methods', () => {
  it('send an ID like ../account inside its own path segment', async () => {
    const { iiq, sent } = clientWith([json(200, {})]);
    await iiq.watchlists.retrieve('../account');
    expect(new URL(sent[0]?.url ?? '').pathname).toBe('/v1/watchlists/..%2Faccount');
  });

  it('reject .. before sending anything', async () => {
    const { iiq, sent } = clientWith([json(200, {})]);
    const error = await settle(iiq.watchlists.accounts.add('..', { accounts: ['stripe.com'] }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'id' });
    expect(sent).toHaveLength(0);
  });
});
