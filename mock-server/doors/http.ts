/**
 * The mock over real HTTP: a `node:http` server on 127.0.0.1 that turns each `IncomingMessage`
 * straight into a `MockRequest` and writes the `MockResponse` back, with no `Request`/`Response`
 * objects on the way (they cost more than the whole pipeline). Extra MSW handlers, when given, are
 * consulted first through msw's `getResponse`, which is only loaded then.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Handle } from '../pipeline/pipeline.ts';
import type { MockRequest } from '../pipeline/route.ts';
import { MAX_BODY_BYTES } from '../pipeline/validation.ts';

export interface ListenOptions {
  /** Default 0: any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** MSW handlers (e.g. `http.get(...)` overrides) answered before the mock. Needs msw installed. */
  handlers?: readonly unknown[];
}

export interface MockServer {
  /** The base URL to give the client, e.g. `http://127.0.0.1:4010/v1`. */
  url: string;
  /** `http://127.0.0.1:4010`: the `/__mock/` controls live here. */
  origin: string;
  port: number;
  /** Stops accepting connections and closes the open ones. */
  close(): Promise<void>;
}

const INTERNAL_ERROR = JSON.stringify({
  error: {
    type: 'api_error',
    code: 'internal_error',
    message: 'Something went wrong in the mock server. Retry with backoff.',
    request_id: 'req_0',
  },
});

const MULTIPART = /^\s*multipart\//i;

function toMockRequest(req: IncomingMessage, raw: Buffer, bodyTooLarge: boolean): MockRequest {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const headers = req.headers;
  const body = raw.toString('utf8');
  // Multipart bodies go in as bytes too: their files may not be text.
  const multipart = MULTIPART.test(headers['content-type'] ?? '');
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    path: q < 0 ? url : url.slice(0, q),
    query: new URLSearchParams(q < 0 ? '' : url.slice(q + 1)),
    headers: (name) => {
      const value = headers[name];
      return Array.isArray(value) ? value.join(', ') : value;
    },
    body,
    ...(multipart && !bodyTooLarge ? { bytes: new Uint8Array(raw) } : {}),
    ...(bodyTooLarge ? { bodyTooLarge } : {}),
  };
}

const EMPTY = Buffer.alloc(0);

function readBody(req: IncomingMessage, done: (body: Buffer, tooLarge: boolean) => void): void {
  if (
    req.headers['content-length'] === undefined &&
    req.headers['transfer-encoding'] === undefined
  ) {
    done(EMPTY, false);
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) tooLarge = true;
    else chunks.push(chunk);
  });
  req.on('end', () => done(tooLarge ? EMPTY : Buffer.concat(chunks), tooLarge));
  req.on('error', () => req.destroy());
}

type GetResponse = (handlers: unknown[], request: Request) => Promise<Response | undefined>;

async function fromMsw(
  getResponse: GetResponse,
  handlers: unknown[],
  req: IncomingMessage,
  body: Buffer,
  origin: string,
): Promise<Response | undefined> {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2)
    headers.append(req.rawHeaders[i] as string, req.rawHeaders[i + 1] as string);
  const method = req.method ?? 'GET';
  const request = new Request(`${origin}${req.url ?? '/'}`, {
    method,
    headers,
    ...(method === 'GET' || method === 'HEAD' ? {} : { body }),
  });
  return getResponse(handlers, request);
}

async function writeWebResponse(res: ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(body);
}

/**
 * Something to wait for before a request is handled (e.g. deliveries to settle), or undefined. The
 * pipeline is synchronous; this lets the HTTP door offer the few controls that have to wait.
 */
export type BeforeHandle = (request: MockRequest) => Promise<unknown> | undefined;

/** Starts the HTTP door for a pipeline. `basePath` is the API's path prefix, e.g. `/v1`. */
export async function startMockServer(
  handle: Handle,
  basePath: string,
  options: ListenOptions = {},
  before?: BeforeHandle,
): Promise<MockServer> {
  const host = options.host ?? '127.0.0.1';
  const extra = [...(options.handlers ?? [])];
  const getResponse =
    extra.length > 0 ? ((await import('msw')).getResponse as unknown as GetResponse) : undefined;
  let origin = '';

  const server: Server = createServer((req, res) => {
    readBody(req, (body, tooLarge) => {
      const answer = async () => {
        if (getResponse !== undefined && !tooLarge) {
          const mocked = await fromMsw(getResponse, extra, req, body, origin);
          if (mocked !== undefined) return writeWebResponse(res, mocked);
        }
        const request = toMockRequest(req, body, tooLarge);
        const waiting = before?.(request);
        if (waiting !== undefined) await waiting;
        const response = handle(request);
        if (tooLarge) response.headers.Connection = 'close';
        response.headers['Content-Length'] = String(Buffer.byteLength(response.body));
        res.writeHead(response.status, response.headers);
        res.end(response.body);
      };
      answer().catch(() => {
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(INTERNAL_ERROR);
      });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    url: `${origin}${basePath}`,
    origin,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        // Requests still in flight get a moment to finish, then their connections are cut.
        setTimeout(() => server.closeAllConnections(), 1_000).unref();
      }),
  };
}
