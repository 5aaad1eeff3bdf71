import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Runs the snippets of the docs that are vitest test files (see `snippets.test.ts`). */
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../../.docs-run', import.meta.url)),
    include: ['**/*.test.{ts,js}'],
    exclude: ['**/node_modules/**'],
    environment: 'node',
    // Servers a snippet starts listen on 127.0.0.1 only.
    setupFiles: [fileURLToPath(new URL('./loopback.ts', import.meta.url))],
    testTimeout: 15_000,
    hookTimeout: 15_000,
  },
});
