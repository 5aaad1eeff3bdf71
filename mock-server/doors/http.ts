/**
 * The mock over real HTTP: a `node:http` server on 127.0.0.1 that turns each `IncomingMessage`
 * straight into a `MockRequest` and writes the `MockResponse` back, with no `Request`/`Response`
 * objects on the way (they cost more than the whole pipeline). Extra MSW handlers, when given, are
 * consulted first through msw's `getResponse`, which is only loaded then.
 *
 * `node:http` and msw are reached at run time, never through an import, so that a bundle of the
 * mock for Cloudflare Workers (which has neither) builds without compatibility flags.
 */
import type { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Handle } from '../pipeline/pipeline.ts';
import type { MockRequest, MockResponse } from '../pipeline/route.ts';
import { MAX_BODY_BYTES } from '../pipeline/validation.ts';
import { loadMsw } from './msw.ts';

/** Options of `mock.listen()`. */
export interface ListenOptions {
  /** Default 0: any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** MSW handlers (e.g. `http.get(...)` overrides) answered before the mock. Needs msw installed. */
  handlers?: readonly unknown[];
}

/** The mock served over HTTP, as `mock.listen()` resolves it. */
export interface MockServer {
  /** The base URL to give the client, e.g. `http://127.0.0.1:4010/v1`. */
  url: string;
  /** `http://127.0.0.1:4010`: the `/__mock/` controls live here. */
  origin: string;
  /** The port it listens on. */
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

/** A request's body: its text, and its bytes when it is `multipart/form-data`. */
interface Body {
  text: string;
  bytes?: Uint8Array;
}

/**
 * The request target as a path and query. A client sending through a proxy writes it in absolute
 * form (`GET http://host/v1/account HTTP/1.1`); the mock answers it as its path.
 */
function targetOf(req: IncomingMessage): string {
  const target = req.url ?? '/';
  if (!/^https?:\/\//i.test(target)) return target;
  try {
    const url = new URL(target);
    return `${url.pathname}${url.search}`;
  } catch {
    return target;
  }
}

function toMockRequest(req: IncomingMessage, body: Body, bodyTooLarge: boolean): MockRequest {
  const url = targetOf(req);
  const q = url.indexOf('?');
  const headers = req.headers;
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    path: q < 0 ? url : url.slice(0, q),
    query: new URLSearchParams(q < 0 ? '' : url.slice(q + 1)),
    headers: (name) => {
      const value = headers[name];
      return Array.isArray(value) ? value.join(', ') : value;
    },
    body: body.text,
    ...(body.bytes === undefined ? {} : { bytes: body.bytes }),
    ...(bodyTooLarge ? { bodyTooLarge } : {}),
  };
}

/** A multipart body, as bytes: its files may not be text. */
function readBytes(req: IncomingMessage, done: (body: Body, tooLarge: boolean) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) tooLarge = true;
    else chunks.push(chunk);
  });
  req.on('end', () => {
    if (tooLarge) return done({ text: '' }, true);
    const bytes = new Uint8Array(Buffer.concat(chunks));
    done({ text: new TextDecoder().decode(bytes), bytes }, false);
  });
  req.on('error', () => req.destroy());
}

function readBody(req: IncomingMessage, done: (body: Body, tooLarge: boolean) => void): void {
  const declared = req.headers['content-length'];
  if (declared === undefined && req.headers['transfer-encoding'] === undefined) {
    done({ text: '' }, false);
    return;
  }
  // A declared length over the limit is refused from the header: the body is never read.
  if (declared !== undefined && Number(declared) > MAX_BODY_BYTES) {
    done({ text: '' }, true);
    return;
  }
  if (MULTIPART.test(req.headers['content-type'] ?? '')) {
    readBytes(req, done);
    return;
  }
  // Read as text: the body lives on the JavaScript heap from the first chunk, and no buffer is
  // kept past the request.
  req.setEncoding('utf8');
  let body = '';
  let size = 0;
  let tooLarge = false;
  req.on('data', (chunk: string) => {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) tooLarge = true;
    else body += chunk;
  });
  req.on('end', () => {
    // Characters never outnumber UTF-8 bytes: only a long text needs its bytes counted.
    const over =
      tooLarge || (size > MAX_BODY_BYTES / 3 && Buffer.byteLength(body) > MAX_BODY_BYTES);
    done({ text: over ? '' : body }, over);
  });
  req.on('error', () => req.destroy());
}

/** The largest request headers the HTTP door reads (larger ones get `431`). */
export const MAX_HEADER_BYTES = 16_384;

/** The request the pipeline answers for one node's parser refused. */
function malformedRequest(code: string | undefined): MockRequest {
  const malformed: NonNullable<MockRequest['malformed']> =
    code === 'HPE_HEADER_OVERFLOW'
      ? {
          status: 431,
          field: 'headers',
          message: `The request's headers are larger than ${MAX_HEADER_BYTES} bytes.`,
        }
      : code === 'HPE_INVALID_CHUNK_SIZE' || code === 'HPE_INVALID_TRANSFER_ENCODING'
        ? {
            status: 400,
            field: 'body',
            message: "The request body's chunked transfer encoding is malformed.",
          }
        : code?.startsWith('HPE_INVALID_HEADER') ||
            code === 'HPE_LF_EXPECTED' ||
            code === 'HPE_CR_EXPECTED'
          ? {
              status: 400,
              field: 'headers',
              message:
                'A request header is malformed (a bare CR or LF, or a character header values may not hold).',
            }
          : { status: 400, field: 'body', message: 'The request is not valid HTTP/1.1.' };
  return {
    method: 'GET',
    path: '/',
    query: new URLSearchParams(),
    headers: () => undefined,
    body: '',
    malformed,
  };
}

/** Writes a response, carrying out an injected fault on the connection itself. */
async function write(
  req: IncomingMessage,
  res: ServerResponse,
  response: MockResponse,
): Promise<void> {
  const fault = response.fault;
  const socket = req.socket;
  if (fault === undefined) {
    res.writeHead(response.status, response.headers);
    res.end(response.body);
    return;
  }
  if (fault.kind === 'latency' || fault.kind === 'stall') {
    const waited = await waitUnlessClosed(fault.ms ?? 0, socket);
    if (!waited) return;
  }
  if (fault.kind === 'latency') {
    res.writeHead(response.status, response.headers);
    res.end(response.body);
    return;
  }
  if (fault.kind === 'cut') {
    const body = Buffer.from(response.body);
    res.writeHead(response.status, response.headers);
    res.write(body.subarray(0, Math.floor(body.length / 2)), () => socket.resetAndDestroy());
    return;
  }
  socket.resetAndDestroy(); // reset, stall, commit_then_drop
}

/** Waits `ms`, or stops early (false) when the client hangs up first. */
function waitUnlessClosed(ms: number, socket: Duplex): Promise<boolean> {
  return new Promise((resolve) => {
    const onClose = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      socket.off('close', onClose);
      resolve(true);
    }, ms);
    socket.once('close', onClose);
  });
}

type GetResponse = (handlers: unknown[], request: Request) => Promise<Response | undefined>;

/** `node:http`, from the runtime (Node, Bun, Deno); an error that says what to use elsewhere. */
function nodeHttp(): { createServer: typeof createServer } {
  const process = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } })
    .process;
  const http = process?.getBuiltinModule?.('node:http') as
    | { createServer: typeof createServer }
    | undefined;
  if (http === undefined) {
    throw new Error(
      'mock.listen() needs node:http, which this runtime does not have (Cloudflare Workers, a browser). Use mock.fetch in-process, or run npx iiq mock and point the client at it.',
    );
  }
  return http;
}

async function fromMsw(
  getResponse: GetResponse,
  handlers: unknown[],
  req: IncomingMessage,
  body: Body,
  origin: string,
): Promise<Response | undefined> {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2)
    headers.append(req.rawHeaders[i] as string, req.rawHeaders[i + 1] as string);
  const method = req.method ?? 'GET';
  const request = new Request(`${origin}${targetOf(req)}`, {
    method,
    headers,
    ...(method === 'GET' || method === 'HEAD' ? {} : { body: body.bytes ?? body.text }),
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
    extra.length > 0 ? (loadMsw().getResponse as unknown as GetResponse) : undefined;
  let origin = '';

  const server: Server = nodeHttp().createServer(
    { maxHeaderSize: MAX_HEADER_BYTES },
    (req, res) => {
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
          await write(req, res, response);
          if (tooLarge) req.socket.destroySoon();
        };
        answer().catch(() => {
          if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
          res.end(INTERNAL_ERROR);
        });
      });
    },
  );

  // Requests node's HTTP parser refuses (a bad chunk size, a bare CR or LF in a header, headers
  // over 16 KB) still get the API's JSON error, from the pipeline, with a request id.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const response = handle(malformedRequest(error.code));
    const body = Buffer.from(response.body);
    const head = [
      `HTTP/1.1 ${response.status} ${response.status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}`,
      ...Object.entries(response.headers).map(([name, value]) => `${name}: ${value}`),
      `Content-Length: ${body.length}`,
      'Connection: close',
      '',
      '',
    ].join('\r\n');
    socket.end(Buffer.concat([Buffer.from(head), body]));
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
