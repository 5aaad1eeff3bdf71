/**
 * Receivers for the delivery tests: in-process (registered with `mock.webhooks.receive`) and over
 * real HTTP on 127.0.0.1, each recording what it was sent; and a signature check written from the
 * API reference alone, to prove deliveries do not only verify with our own `verifyWebhook`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MockApiOptions, MockApiWithHandlers } from '../../../mock-server/index.ts';
import { type Api, mockApi } from '../helpers.ts';

export interface Received {
  headers: Record<string, string>;
  body: string;
}

/** A mock and its live key (deliveries are live-mode only). */
export function liveApi(options: MockApiOptions = {}): Api & { live: { key: string } } {
  const api = mockApi(options);
  return { ...api, live: { key: api.mock.keys.live } };
}

/** Registers a webhook endpoint through the API (live key unless told otherwise). */
export async function createEndpoint(
  api: Api,
  url: string,
  events: string[],
  key = api.mock.keys.live,
): Promise<{ id: string; secret: string }> {
  const reply = await api.post('/webhook_endpoints', { url, events }, { key });
  if (reply.status !== 201) throw new Error(`creating the endpoint failed: ${reply.text}`);
  return { id: reply.body.id, secret: reply.body.secret };
}

/** An in-process receiver answering `status(n)` to the n-th delivery (default 204). */
export function receiveInProcess(
  mock: MockApiWithHandlers,
  url: string,
  status: (n: number) => number = () => 204,
): Received[] {
  const received: Received[] = [];
  mock.webhooks.receive(url, async (request) => {
    received.push({ headers: Object.fromEntries(request.headers), body: await request.text() });
    return new Response(null, { status: status(received.length) });
  });
  return received;
}

function flatHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** A `node:http` receiver on 127.0.0.1 answering `status(n)`; `answer: false` never answers. */
export async function receiveOverHttp(
  status: (n: number) => number | false = () => 204,
): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: flatHeaders(req.headers), body: Buffer.concat(chunks).toString() });
      const answer = status(received.length);
      if (answer !== false) res.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The check the API reference describes, with nothing of the SDK: HMAC-SHA256 of `<t>.<body>` with
 * the secret, hex, compared in constant time with each `v1`, and `t` within 5 minutes of `now`.
 */
export function verifiesPerReference(
  body: string,
  header: string,
  secret: string,
  nowSeconds: number,
): boolean {
  const pairs = header.split(',').map((part) => part.trim().split('=') as [string, string]);
  const t = pairs.find(([key]) => key === 't')?.[1];
  if (t === undefined || Math.abs(nowSeconds - Number(t)) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  return pairs
    .filter(([key]) => key === 'v1')
    .some(([, hex]) => {
      const given = Buffer.from(hex, 'hex');
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
}

/** The `v1` signatures of a header. */
export function v1Count(header: string | undefined): number {
  return (header ?? '').split(',').filter((part) => part.trim().startsWith('v1=')).length;
}
