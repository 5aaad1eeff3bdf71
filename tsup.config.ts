import { defineConfig } from 'tsup';

// ky, zod/mini and tldts are bundled into the output rather than installed beside it: CommonJS
// users get ky (which is ESM-only) without require(esm), the import stays one file instead of
// dozens, and bundlers tree-shake what the client does not use. ky and the Public Suffix List are
// reached through dynamic import(), so they load on the first request, not at import time.
const bundled = ['ky', 'zod', 'tldts', 'tldts-core'];

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
    external: ['msw', /^msw\//, /^node:/],
    esbuildOptions(options) {
      options.mainFields = ['module', 'main'];
    },
  },
  {
    entry: { cli: 'mock-server/cli.ts' },
    format: ['esm'],
    target: 'node22',
    platform: 'node',
    splitting: false,
    clean: false,
    removeNodeProtocol: false,
    noExternal: bundled,
    external: ['msw', /^msw\//],
    banner: { js: '#!/usr/bin/env node' },
  },
]);
