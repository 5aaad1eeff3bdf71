/**
 * The built package, as users import it: the parameter schemas (and zod) load on the first call
 * that validates, and validation works the same from the ES module and the CommonJS builds.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const dist = new URL('../../dist/', import.meta.url);

describe('the built client', () => {
  it('refuses bad parameters with ValidationError before any request, from ESM', async () => {
    const sdk = (await import(
      new URL('index.js', dist).href
    )) as typeof import('../../src/index.ts');
    const sent: string[] = [];
    const iiq = new sdk.IntentIQ({
      apiKey: `iiq_test_${'x'.repeat(32)}`,
      fetch: async (input) => {
        sent.push(String(input));
        return new Response('{}');
      },
    });
    const error = await iiq.scores.create({ domain: '' }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(sdk.ValidationError);
    expect((error as InstanceType<typeof sdk.ValidationError>).issues[0]?.field).toBe('domain');
    expect(sent).toEqual([]);
  });

  it('validates the same from CommonJS', async () => {
    const sdk = createRequire(import.meta.url)(
      new URL('index.cjs', dist).pathname,
    ) as typeof import('../../src/index.ts');
    const iiq = new sdk.IntentIQ({
      apiKey: `iiq_test_${'x'.repeat(32)}`,
      fetch: async () => new Response('{}'),
    });
    await expect(iiq.watchlists.create({ name: '' })).rejects.toBeInstanceOf(sdk.ValidationError);
  });

  it('keeps zod out of the module the import loads', async () => {
    const { readFile } = await import('node:fs/promises');
    const entry = await readFile(new URL('index.js', dist), 'utf8');
    const statics = [...entry.matchAll(/^import .*?from '(\.\/[^']+)'/gm)].map(
      (m) => m[1] as string,
    );
    for (const file of ['index.js', ...statics]) {
      const text = await readFile(new URL(file, dist), 'utf8');
      expect(text, file).not.toContain('$ZodType');
    }
  });
});
