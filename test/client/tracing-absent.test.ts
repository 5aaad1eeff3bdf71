/**
 * Without OpenTelemetry: a process in which `@opentelemetry/api` cannot be resolved (as when it is
 * not installed) makes calls as usual and never tries to load it; and when something registered
 * with the API's global but the package cannot be loaded, calls still work, without spans.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const entry = fileURLToPath(new URL('../../src/index.ts', import.meta.url));

// Runs in a fresh Node process: a resolve hook refuses @opentelemetry/* and records each attempt.
const script = `
import { registerHooks } from 'node:module';
const tried = [];
registerHooks({
  resolve(specifier, context, next) {
    if (specifier.startsWith('@opentelemetry/')) {
      tried.push(specifier);
      throw Object.assign(new Error('not installed'), { code: 'ERR_MODULE_NOT_FOUND' });
    }
    return next(specifier, context);
  },
});
const { IntentIQ } = await import(process.argv[1]);
const iiq = new IntentIQ({
  apiKey: 'iiq_test_${'0'.repeat(32)}',
  logLevel: 'off',
  fetch: async () => Response.json({ plan: 'team' }),
});
const plain = await iiq.account.retrieve();
const triedBefore = [...tried];
globalThis[Symbol.for('opentelemetry.js.api.1')] = { version: '1.9.0', trace: {} };
const registered = await iiq.account.retrieve();
console.log(JSON.stringify({ plain, triedBefore, registered, triedAfter: tried }));
`;

describe('without @opentelemetry/api', () => {
  it('never loads it when nothing registered, and calls still work when it cannot load', async () => {
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script, entry], {
      timeout: 10_000,
    });
    expect(JSON.parse(stdout)).toEqual({
      plain: { plan: 'team' },
      triedBefore: [],
      registered: { plan: 'team' },
      triedAfter: ['@opentelemetry/api'],
    });
  });
});
