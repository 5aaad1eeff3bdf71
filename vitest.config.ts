import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Every response the mock server sends during the suite is checked against openapi.yaml.
    setupFiles: ['test/setup/contract.ts'],
    // Network tests only ever talk to 127.0.0.1; nothing here should need longer.
    testTimeout: 15_000,
    hookTimeout: 15_000,
  },
});
