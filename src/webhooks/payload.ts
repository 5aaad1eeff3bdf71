import { WebhookVerificationError } from './errors.ts';
import type { HeadersLike } from './headers.ts';

/**
 * A fetch `Request` (Next.js route handlers, Hono's `c.req.raw`, Workers, Deno, Bun), or anything
 * else with `arrayBuffer()`. Its body is read once, as bytes; its headers are used unless you pass
 * `header` or `headers`.
 */
export interface WebhookRequestLike {
  readonly headers?: HeadersLike;
  readonly bodyUsed?: boolean;
  /** The body's bytes, read once. */
  arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * The raw request body exactly as received: a string (signed as its UTF-8 bytes), a `Uint8Array`
 * or `Buffer`, an `ArrayBuffer`, any typed array or `DataView`, or a `Request`.
 */
export type WebhookPayload = string | ArrayBuffer | ArrayBufferView | WebhookRequestLike;

const RAW_BODY_ADVICE =
  "Re-serialising JSON changes the bytes and breaks the signature. In Express use express.raw({ type: 'application/json' }) on the webhook route and pass req.body (a Buffer); with node:http collect the request's chunks; in Next.js route handlers, Hono, Workers, Deno and Bun pass the Request itself or await request.text().";

/** Whether `payload` carries its body behind `arrayBuffer()`, as a `Request` does. */
export function isRequestLike(payload: unknown): payload is WebhookRequestLike {
  return (
    typeof payload === 'object' &&
    payload !== null &&
    typeof (payload as WebhookRequestLike).arrayBuffer === 'function'
  );
}

/**
 * Checks `payload` now and returns how to get its body later: a request's body is read (once, as
 * bytes) only when the header has been found, so a request without one is refused without reading.
 */
export function bodyReader(payload: unknown): () => string | Uint8Array | Promise<Uint8Array> {
  if (isRequestLike(payload)) return () => readRequestBody(payload);
  const body = rawBodyOf(payload);
  return () => body;
}

async function readRequestBody(request: WebhookRequestLike): Promise<Uint8Array> {
  if (request.bodyUsed === true) {
    invalid(
      'The request body has already been read, so it is no longer available to verify. Verify before reading it (verifyWebhook returns the parsed event), or pass the text you read: await request.text().',
    );
  }
  return new Uint8Array(await request.arrayBuffer());
}

/** The raw body as given (string or bytes), or an `invalid_payload` error that explains how to get it. */
function rawBodyOf(payload: unknown): string | Uint8Array {
  if (typeof payload === 'string') return payload;
  if (ArrayBuffer.isView(payload)) {
    return new Uint8Array(payload.buffer, payload.byteOffset, payload.byteLength);
  }
  if (isArrayBuffer(payload)) return new Uint8Array(payload);
  if (payload === undefined || payload === null) {
    invalid(
      `The payload is missing: pass the raw request body (a string or bytes). ${RAW_BODY_ADVICE}`,
    );
  }
  if (typeof payload === 'object' && typeof (payload as { pipe?: unknown }).pipe === 'function') {
    invalid(
      `The payload is a stream (a Node IncomingMessage?), not a body: read the raw body first. ${RAW_BODY_ADVICE}`,
    );
  }
  if (typeof payload === 'object') {
    invalid(
      `The payload must be the raw request body (string or bytes), not parsed JSON. ${RAW_BODY_ADVICE}`,
    );
  }
  invalid(`The payload must be the raw request body (string or bytes), not a ${typeof payload}.`);
}

// `instanceof ArrayBuffer` fails for buffers from another realm (a vm context, an iframe).
function isArrayBuffer(value: unknown): value is ArrayBuffer {
  const tag = Object.prototype.toString.call(value);
  return tag === '[object ArrayBuffer]' || tag === '[object SharedArrayBuffer]';
}

function invalid(message: string): never {
  throw new WebhookVerificationError('invalid_payload', message);
}
