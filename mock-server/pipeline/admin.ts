/**
 * The test controls over HTTP, under `/__mock/` (outside the API's base path, no key needed): a
 * small router over the controls `controls.ts` and the areas define. A control takes the JSON
 * body, the query string and the path parameters, and returns what to answer; a `ControlError`
 * (or an API error) it throws is a `400` with its message, anything else a `500` that never shows
 * the engine's message.
 */
import { ControlError, ControlRangeError, MockApiError } from '../kernel/errors.ts';
import { cutField } from './json-depth.ts';
import { JSON_TYPE } from './respond.ts';
import type { MockRequest, MockResponse } from './route.ts';
import { bodyTooLarge, isJsonObject, MAX_BODY_BYTES, parseJsonBody } from './validation.ts';

/** What a control is handed. */
export interface ControlInput {
  /** The JSON body (an empty object when there is none). */
  readonly body: Record<string, unknown>;
  readonly query: URLSearchParams;
  /** Path parameters, e.g. `{ id: 'we_…' }` for `/__mock/webhook_endpoints/{id}/rotate_secret`. */
  readonly params: Readonly<Record<string, string>>;
}

/** One control: `POST /__mock/clock/advance` and what it does. */
export interface Control {
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** The path, starting with `/__mock/`; `{name}` segments are parameters. */
  readonly path: string;
  run(input: ControlInput): unknown;
}

interface CompiledControl {
  control: Control;
  segments: string[] | undefined;
}

function reply(status: number, requestId: string, body: unknown): MockResponse {
  return {
    status,
    headers: { 'Content-Type': JSON_TYPE, 'X-Request-Id': requestId },
    body: JSON.stringify(body),
  };
}

function adminError(
  status: number,
  requestId: string,
  message: string,
  field?: string,
): MockResponse {
  const code = status === 404 ? 'not_found' : 'invalid_request';
  return reply(status, requestId, {
    error: {
      type: 'invalid_request_error',
      code,
      message,
      request_id: requestId,
      ...(field === undefined ? {} : { field }),
    },
  });
}

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined; // a malformed percent-encoding names no control
  }
}

/** Builds the `/__mock/` handler over a list of controls. */
export function createAdmin(
  controls: readonly Control[],
): (request: MockRequest, requestId: string) => MockResponse {
  const exact = new Map<string, Control>();
  const patterns: CompiledControl[] = [];
  for (const control of controls) {
    if (control.path.includes('{')) {
      patterns.push({ control, segments: control.path.split('/') });
    } else {
      exact.set(`${control.method} ${control.path}`, control);
    }
  }

  function find(
    method: string,
    path: string,
  ): { control: Control; params: Record<string, string> } | undefined {
    const found = exact.get(`${method} ${path}`);
    if (found !== undefined) return { control: found, params: {} };
    const segments = path.split('/');
    for (const { control, segments: want } of patterns) {
      if (control.method !== method || want === undefined || want.length !== segments.length) {
        continue;
      }
      const params: Record<string, string> = {};
      const matched = want.every((part, i) => {
        const have = segments[i] as string;
        if (!part.startsWith('{')) return part === have;
        const value = decode(have);
        if (value === undefined || value === '') return false;
        params[part.slice(1, -1)] = value;
        return true;
      });
      if (matched) return { control, params };
    }
    return undefined;
  }

  return (request, requestId) => {
    const found = find(request.method, request.path.replace(/\/$/, ''));
    if (found === undefined) {
      return adminError(
        404,
        requestId,
        `There is no mock control at ${cutField(`${request.method} ${request.path}`)}. See GET /__mock/inspect and the mock server docs.`,
      );
    }
    let body: Record<string, unknown> = {};
    if (bodyTooLarge(request)) {
      const message = `The request body is larger than ${MAX_BODY_BYTES} bytes, the most a control (like the API) reads.`;
      return adminError(400, requestId, message, 'body');
    }
    if (request.body.trim() !== '') {
      let parsed: unknown;
      try {
        parsed = parseJsonBody(request.body);
      } catch (error) {
        const field = error instanceof MockApiError ? error.details.field : undefined;
        return adminError(400, requestId, (error as Error).message, field ?? 'body');
      }
      if (!isJsonObject(parsed)) {
        return adminError(400, requestId, 'the body must be a JSON object', 'body');
      }
      body = parsed;
    }
    try {
      return reply(
        200,
        requestId,
        found.control.run({ body, query: request.query, params: found.params }),
      );
    } catch (error) {
      if (error instanceof ControlError || error instanceof ControlRangeError) {
        return adminError(400, requestId, error.message);
      }
      if (error instanceof MockApiError) {
        return adminError(400, requestId, error.message);
      }
      // A bug of the mock: never the engine's message.
      return reply(500, requestId, {
        error: {
          type: 'api_error',
          code: 'internal_error',
          message: 'The mock control failed. This is a bug of the mock; please report it.',
          request_id: requestId,
        },
      });
    }
  };
}
