/**
 * The MSW handlers run in a browser (`setupWorker(...mock.handlers)`): bundled for the browser,
 * the `./mock` entry imports no `node:` module. The HTTP door is behind a dynamic `import()` that
 * only `mock.listen()` makes, and reaches `node:http` at run time, so it stays out of the way.
 */
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

async function browserBundle(): Promise<Metafile> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('../../../mock-server/index.ts', import.meta.url))],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    outdir: 'out',
    write: false,
    metafile: true,
    external: ['msw', 'msw/*', 'node:*'],
    logLevel: 'silent',
  });
  return result.metafile;
}

/** Every output file reached from the entry by static imports, and what each imports. */
function staticImports(metafile: Metafile): string[] {
  const outputs = metafile.outputs;
  const entry = Object.keys(outputs).find((name) => outputs[name]?.entryPoint !== undefined);
  const seen = new Set<string>();
  const imports: string[] = [];
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const item of outputs[name]?.imports ?? []) {
      if (item.kind !== 'import-statement') continue;
      imports.push(item.path);
      if (outputs[item.path] !== undefined) visit(item.path);
    }
  };
  visit(entry as string);
  return imports;
}

describe('the ./mock entry bundled for a browser', () => {
  it('imports no node: module statically, and no msw', async () => {
    const imports = staticImports(await browserBundle());
    expect(imports.filter((path) => path.startsWith('node:') || path.startsWith('msw'))).toEqual(
      [],
    );
  }, 30_000);

  it('imports node:http nowhere, not even dynamically: the HTTP door reaches it at run time', async () => {
    const metafile = await browserBundle();
    const anywhere = Object.values(metafile.outputs).flatMap((output) =>
      output.imports.filter((item) => item.path.startsWith('node:')),
    );
    expect(anywhere).toEqual([]);
  }, 30_000);
});
