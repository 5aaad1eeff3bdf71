/**
 * MSW request handlers over the mock, for `setupServer` (Node) and `setupWorker` (browsers). The
 * only module that imports msw at runtime: the `iiq` CLI, `mock.fetch` and the HTTP server do not
 * need it.
 */
import { http, type RequestHandler } from 'msw';
import type { Handle } from './routes/pipeline.ts';
import { toMockRequest, toResponse } from './web.ts';

/** Handlers for every request under `baseUrl`, and the `/__mock/` controls at its origin. */
export function createMswHandlers(handle: Handle, baseUrl: string): RequestHandler[] {
  const base = baseUrl.replace(/\/$/, '');
  const origin = new URL(base).origin;
  const resolver = async ({ request }: { request: Request }) =>
    toResponse(handle(await toMockRequest(request)));
  return [http.all(`${base}/*`, resolver), http.all(`${origin}/__mock/*`, resolver)];
}
