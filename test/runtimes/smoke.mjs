// The runtime matrix's checks on Node, Bun and Deno (see scripts/runtimes.ts): prints one line per
// check, exits non-zero on the first failure.
import * as checks from './checks.mjs';

const runtime = globalThis.Bun ? 'bun' : globalThis.Deno ? 'deno' : 'node';
const hasHttp =
  typeof globalThis.process?.getBuiltinModule?.('node:http')?.createServer === 'function';

console.log(await checks.clientWithRetry());
console.log(await checks.webhooks());
if (hasHttp) console.log(await checks.httpDoor());
if (runtime === 'node') {
  const { setupServer } = await import('msw/node');
  console.log(await checks.mswDoor(setupServer));
} else {
  // msw is not even loaded: installMockApi must refuse before it would use it.
  console.log(
    checks.mswRefused(() => {
      throw new Error('setupServer was called');
    }),
  );
}
