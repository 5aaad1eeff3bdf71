/**
 * MSW request handlers over the mock, for `setupServer` (Node) and `setupWorker` (browsers).
 *
 * msw is an optional peer dependency, so nothing imports it statically: `mock.fetch`, the HTTP
 * server and the `iiq` CLI work without it. The handlers load it on first use, synchronously
 * (Node >= 22.12 can `require` an ES module, and shares the instance with `import`); in a browser,
 * where nothing can be loaded synchronously, pass msw's `http` to `createMockApi({ http })`.
 */
import type { http as mswHttp, RequestHandler } from 'msw';
import type { Handle } from '../pipeline/pipeline.ts';
import { answer, toMockRequest } from './web.ts';

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

const API_KEY_HEADER = /^Bearer\s+iiq_(test|live)_/i;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Handlers for every request under `baseUrl`, and the `/__mock/` controls at its origin. Requests
 * to the base path at any other origin are answered too when they carry an IntentIQ key (a client
 * pointed elsewhere by `IIQ_BASE_URL`, say); other traffic to such paths is left alone, so the
 * mock never answers for an unrelated API that also lives under `/v1`.
 */
export function createMswHandlers(
  handle: Handle,
  baseUrl: string,
  http: MswHttp,
): RequestHandler[] {
  const base = baseUrl.replace(/\/$/, '');
  const { origin, pathname } = new URL(base);
  const basePath = pathname.replace(/\/$/, '');
  const anyOrigin = new RegExp(`^https?://[^/]+${escapeRegExp(basePath)}/`);
  // A reset is msw's network error (`Response.error()`), which fetch rejects like a dropped connection.
  const respond = async ({ request }: { request: Request }) =>
    answer(handle(await toMockRequest(request)), request.signal, () => Response.error());
  const respondIfOurs = async ({ request }: { request: Request }) => {
    const ours =
      new URL(request.url).origin === origin ||
      API_KEY_HEADER.test(request.headers.get('authorization') ?? '');
    return ours ? respond({ request }) : undefined;
  };
  return [http.all(anyOrigin, respondIfOurs), http.all(`${origin}/__mock/*`, respond)];
}
