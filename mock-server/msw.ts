/**
 * MSW request handlers over the mock, for `setupServer` (Node) and `setupWorker` (browsers).
 *
 * msw is an optional peer dependency, so nothing imports it statically: `mock.fetch`, the HTTP
 * server and the `iiq` CLI work without it. The handlers load it on first use, synchronously
 * (Node >= 22.12 can `require` an ES module, and shares the instance with `import`); in a browser,
 * where nothing can be loaded synchronously, pass msw's `http` to `createMockApi({ http })`.
 */
import type { http as mswHttp, RequestHandler } from 'msw';
import type { Handle } from './routes/pipeline.ts';
import { toMockRequest, toResponse } from './web.ts';

export type MswHttp = typeof mswHttp;

type Require = (id: string) => unknown;
interface NodeModuleApi {
  createRequire(from: string): Require;
}

/** msw's `http` namespace, loaded from the application's own msw. */
export function loadMswHttp(): MswHttp {
  return loadMsw().http;
}

/** The application's own msw, loaded on demand (out of sight of bundlers). */
export function loadMsw(): typeof import('msw') {
  const process = (
    globalThis as { process?: { getBuiltinModule?: (id: string) => unknown; cwd?: () => string } }
  ).process;
  const moduleApi = process?.getBuiltinModule?.('node:module') as NodeModuleApi | undefined;
  if (moduleApi === undefined) {
    throw new Error(
      "mock.handlers cannot load msw here. In a browser, pass msw's http: import { http } from 'msw'; createMockApi({ http }).",
    );
  }
  // Should a bundler drop import.meta.url, resolving from the working directory finds the
  // application's msw just as well.
  const from = import.meta.url || `${process?.cwd?.() ?? '.'}/`;
  try {
    return moduleApi.createRequire(from)('msw') as typeof import('msw');
  } catch {
    throw new Error(
      'mock.handlers needs msw 3 (an optional peer dependency): npm install --save-dev msw',
    );
  }
}

/**
 * The runtime whose `fetch` msw's `setupServer` does not intercept (requests go to the network),
 * or `undefined` where it does (Node).
 */
export function mswCannotIntercept(): 'Bun' | 'Deno' | undefined {
  const global = globalThis as { Bun?: unknown; Deno?: unknown };
  if (global.Bun !== undefined) return 'Bun';
  if (global.Deno !== undefined) return 'Deno';
  return undefined;
}

/** Handlers for every request under `baseUrl`, and the `/__mock/` controls at its origin. */
export function createMswHandlers(
  handle: Handle,
  baseUrl: string,
  http: MswHttp,
): RequestHandler[] {
  const base = baseUrl.replace(/\/$/, '');
  const origin = new URL(base).origin;
  const resolver = async ({ request }: { request: Request }) =>
    toResponse(handle(await toMockRequest(request)));
  return [http.all(`${base}/*`, resolver), http.all(`${origin}/__mock/*`, resolver)];
}
