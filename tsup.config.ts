import { defineConfig } from 'tsup';

// zod/mini and tldts are bundled into the output rather than installed beside it: the import stays
// one file instead of dozens, and bundlers tree-shake what the client does not use. The Public
// Suffix List is reached through a dynamic import(), so it loads on the first domain check, not at
// import time. @opentelemetry/api (an optional peer dependency) stays external, and is imported
// only when the application registered with it.
const bundled = ['zod', 'tldts', 'tldts-core'];

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
    noExternal: bundled,
    external: ['msw', /^msw\//, /^node:/, '@opentelemetry/api'],
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
    noExternal: bundled,
    external: ['msw', /^msw\//],
    banner: { js: '#!/usr/bin/env node' },
  },
]);
