/**
 * msw is an optional peer dependency: the `./mock` entry must load, and `mock.fetch` and the HTTP
 * server must work, where msw is not installed. Proven on a bundle of the entry placed outside the
 * repository, where `msw` cannot be resolved.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'iiq-mock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  await build({
    entryPoints: [fileURLToPath(new URL('../../../mock-server/index.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile: join(dir, 'mock.mjs'),
    external: ['msw', 'msw/*'],
    logLevel: 'silent',
  });
}, 30_000);

describe('without msw installed', () => {
  it('has no static import of msw in the ./mock entry', () => {
    const code = readFileSync(join(dir, 'mock.mjs'), 'utf8');
    expect(code).not.toMatch(/^import[^;]*from\s*["']msw/m);
  });

  it('serves mock.fetch and the HTTP server, and explains what mock.handlers needs', () => {
    writeFileSync(
      join(dir, 'run.mjs'),
      `import { createMockApi } from './mock.mjs';
const mock = createMockApi();
const headers = { Authorization: 'Bearer ' + mock.keys.test, 'Content-Type': 'application/json' };
const viaFetch = await mock.fetch(mock.baseUrl + '/score', { method: 'POST', headers, body: '{"domain":"stripe.com"}' });
const server = await mock.listen();
const viaHttp = await fetch(server.url + '/account', { headers });
await server.close();
let handlers = 'loaded';
try { mock.handlers; } catch (error) { handlers = error.message; }
console.log(JSON.stringify({ fetch: viaFetch.status, score: (await viaFetch.json()).score, http: viaHttp.status, handlers }));`,
    );
    const run = spawnSync(process.execPath, [join(dir, 'run.mjs')], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      fetch: 200,
      score: 94,
      http: 200,
      handlers:
        'mock.handlers needs msw 3 (an optional peer dependency): npm install --save-dev msw',
    });
  });
});
