import { readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Options } from 'tsup';

// zod/mini, tldts and ipaddr.js are bundled into the output rather than installed beside it: the
// import stays one file instead of dozens, and bundlers tree-shake what the client does not use.
// The Public Suffix List is reached through a dynamic import(), so it loads on the first domain
// check, not at import time; the URL guard (with ipaddr.js) likewise, on the first webhook URL.
// @opentelemetry/api (an optional peer dependency) stays external, and is imported only when the
// application registered with it.
const bundled = [
  'zod',
  'tldts',
  'tldts-core',
  'ipaddr.js',
  // The mock's CSV and multipart parsing, and the CLI's progress bar.
  'csv-parse',
  'csv-stringify',
  '@remix-run/multipart-parser',
  '@remix-run/headers',
  'cli-progress',
];

// `normalizeDomain` is exported and synchronous, so the Public Suffix List is in the static graph;
// but evaluating it costs more than the rest of the SDK together. Two build steps keep that out of
// `import`: `src/domain.ts` reaches tldts through `lazy-tldts`, whose `require()` esbuild turns
// into a one-time, synchronous initialiser (the list is built on the first domain check); and
// tldts's typed arrays are written as JSON strings, which the engine skims past at load instead of
// parsing 140 kB of array literals. Both fail the build loudly if tldts changes shape.
const root = fileURLToPath(new URL('.', import.meta.url));
const lazyTldts: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'lazy-tldts',
  setup(build) {
    build.onResolve({ filter: /^tldts$/ }, (args) =>
      args.importer.endsWith('/src/domain.ts')
        ? { path: 'tldts', namespace: 'lazy-tldts' }
        : undefined,
    );
    build.onLoad(
      { filter: /tldts[\\/]dist[\\/]es6[\\/]src[\\/]data[\\/]trie\.js$/ },
      async (args) => {
        const source = await readFile(args.path, 'utf8');
        let arrays = 0;
        const contents = source.replace(
          /new (Uint\d+Array)\((\[[\d,\s]*\])\)/g,
          (_, type, list) => {
            arrays++;
            return `new ${type}(JSON.parse(${JSON.stringify(list.replace(/\s/g, ''))}))`;
          },
        );
        if (arrays !== 4)
          throw new Error(`lazy-tldts: expected 4 typed arrays in ${args.path}, found ${arrays}`);
        return { contents, loader: 'js' };
      },
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-tldts' }, () => ({
      // Required once: esbuild's require() of an ES module copies its exports on every call.
      contents:
        "let tldts; export function parse(url, options) { tldts ??= require('tldts'); return tldts.parse(url, options); }",
      loader: 'js',
      resolveDir: root,
    }));
  },
};

// The parameter schemas are most of the rest of the import (zod's core, then the schemas). The
// resources reach them through `lazy-schemas`: one forwarding proxy per exported schema over a
// module that `schemasReady()` (awaited by every resource call before it validates) loads with a
// dynamic import() the first time. zod is then a chunk of its own, outside the static graph of
// `import '@vesperwise/node'`. Every property is forwarded, so any use of a schema still works.
const lazySchemas: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'lazy-schemas',
  setup(build) {
    const relativePath = (importer: string, path: string) =>
      // Relative to the project, so that no machine's path ends up in the bundle.
      relative(root, join(dirname(importer), path))
        .split(sep)
        .join('/');
    build.onResolve({ filter: /\/schemas\/params\.ts$/ }, (args) => {
      if (!/[\\/]src[\\/]resources[\\/]/.test(args.importer)) return undefined;
      return { path: relativePath(args.importer, args.path), namespace: 'lazy-schemas' };
    });
    build.onResolve({ filter: /\/schemas\/ready\.ts$/ }, (args) => ({
      path: relativePath(args.importer, args.path),
      namespace: 'lazy-schemas-ready',
    }));
    build.onResolve({ filter: /^lazy-schemas-holder$/ }, () => ({
      path: 'holder',
      namespace: 'lazy-schemas-holder',
    }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-schemas-holder' }, () => ({
      contents: [
        'export const holder = { schemas: undefined, loading: undefined };',
        "export const schemas = () => holder.schemas ?? (() => { throw new Error('The parameter schemas are used before schemasReady() resolved.'); })();",
      ].join('\n'),
      loader: 'js',
    }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-schemas-ready' }, () => ({
      contents: [
        "import { holder } from 'lazy-schemas-holder';",
        'export function schemasReady() {',
        '  if (holder.schemas !== undefined) return undefined;',
        "  holder.loading ??= import('./src/schemas/params.ts').then((module) => { holder.schemas = module; });",
        '  return holder.loading;',
        '}',
      ].join('\n'),
      loader: 'js',
      resolveDir: root,
    }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-schemas' }, async (args) => {
      const source = await readFile(join(root, args.path), 'utf8');
      const names = [...source.matchAll(/^export const (\w+)/gm)].map(([, name]) => name);
      if (names.length === 0) throw new Error(`lazy-schemas: no export in ${args.path}`);
      const lines = [
        "import { schemas } from 'lazy-schemas-holder';",
        'const lazy = (name) => new Proxy({}, { get: (_, key) => Reflect.get(schemas()[name], key), has: (_, key) => key in schemas()[name] });',
        ...names.map((name) => `export const ${name} = lazy(${JSON.stringify(name)});`),
      ];
      return { contents: lines.join('\n'), loader: 'js', resolveDir: root };
    });
  },
};

// The CLI bundles CommonJS libraries (cli-progress) and Node-only builds (csv-parse's stream API)
// that name Node's modules without the `node:` prefix; the bundle names them with it.
const nodePrefix: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'node-prefix',
  setup(build) {
    const names = builtinModules.filter((name) => !name.startsWith('_') && !name.includes(':'));
    const bare = new RegExp(`^(${names.join('|').replaceAll('/', '\\/')})$`);
    build.onResolve({ filter: bare }, (args) => ({ path: `node:${args.path}`, external: true }));
  },
};

export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      webhooks: 'src/webhooks/index.ts',
      mock: 'mock-server/index.ts',
    },
    format: ['esm', 'cjs'],
    target: 'es2022',
    platform: 'neutral',
    dts: true,
    splitting: true,
    treeshake: true,
    clean: true,
    sourcemap: false,
    // Keep `node:http` as written: bundlers for Workers and browsers (wrangler, Vite) resolve the
    // `node:` built-ins, or leave them out, but fail on a bare `http`.
    removeNodeProtocol: false,
    noExternal: bundled,
    external: ['msw', /^msw\//, /^node:/, '@opentelemetry/api'],
    esbuildPlugins: [lazyTldts, lazySchemas],
    esbuildOptions(options) {
      options.mainFields = ['module', 'main'];
    },
  },
  {
    entry: { cli: 'mock-server/cli/main.ts' },
    format: ['esm'],
    target: 'node22',
    platform: 'node',
    splitting: false,
    clean: false,
    removeNodeProtocol: false,
    noExternal: bundled,
    external: ['msw', /^msw\//],
    esbuildPlugins: [nodePrefix],
    // cli-progress is CommonJS and requires Node's modules: an ES module has no `require` of its
    // own, so the bundle makes one.
    banner: {
      js: "#!/usr/bin/env node\nimport { createRequire as __iiqCreateRequire } from 'node:module';\nconst require = __iiqCreateRequire(import.meta.url);",
    },
  },
]);
