/**
 * The client's layout rules, checked: resource files build on `src/core/` and never reach into
 * `src/internal/`; `src/internal/` is imported only by `src/core/`, `src/client.ts` and (types)
 * `src/index.ts`; every resource call says its `operation`; `src/webhooks/` imports nothing from
 * the client.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../../src', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? files(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Every module specifier a file imports or re-exports, static or dynamic. */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*)'([^']+)'/g)].map(([, spec]) => spec ?? '');
}

const everyFile = files(src).map((file) => relative(src, file));

describe('the layout of src/', () => {
  it('resource files import nothing from src/internal/', () => {
    const offenders = everyFile
      .filter((file) => file.startsWith('resources/'))
      .filter((file) => imports(join(src, file)).some((spec) => spec.includes('/internal/')));
    expect(offenders).toEqual([]);
  });

  it('only src/core/, src/client.ts and src/index.ts import from src/internal/', () => {
    const importers = everyFile.filter(
      (file) =>
        !file.startsWith('internal/') &&
        imports(join(src, file)).some((spec) => spec.includes('internal/')),
    );
    expect(importers.every((file) => /^(core\/|client\.ts$|index\.ts$)/.test(file))).toBe(true);
  });

  it('every resource call names its operation, for spans and middleware', () => {
    const unnamed = everyFile
      .filter((file) => file.startsWith('resources/'))
      .filter((file) => {
        const text = readFileSync(join(src, file), 'utf8');
        const calls = text.match(/this\.(call|paginate)[<(]/g)?.length ?? 0;
        const named = text.match(/\boperation\b/g)?.length ?? 0;
        return named < calls;
      });
    expect(unnamed).toEqual([]);
  });

  it('src/webhooks/ imports nothing from the client', () => {
    const offenders = everyFile
      .filter((file) => file.startsWith('webhooks/'))
      .flatMap((file) => imports(join(src, file)).map((spec) => `${file}: ${spec}`))
      .filter((line) => /'?\.\.\/(core|internal|resources|client)/.test(line.split(': ')[1] ?? ''));
    expect(offenders).toEqual([]);
  });
});
