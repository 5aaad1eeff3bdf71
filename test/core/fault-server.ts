/**
 * A real `node:http` server on 127.0.0.1 that answers each request with the next step of a script:
 * a 503, a success, or a fault a flaky network or proxy produces (a reset before the headers, a
 * body cut off after the headers, a stall before or after the headers). It records the headers of
 * every request it receives.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { REFERENCE_SCORE } from '../support/reference-score.ts';

export type Fault =
  /** `503 internal_error`, a JSON error body. */
  | '503'
  /** `200` with the reference score. */
  | 'ok'
  /** The connection is reset before any header is sent. */
  | 'reset'
  /** The request is never answered. */
  | 'stall'
  /** `200` headers and half the body, then the socket is destroyed. */
  | 'cut-body'
  /** `200` headers and half the body, then nothing more. */
  | 'stall-body';

export interface FaultServer {
  /** `http://127.0.0.1:<port>/v1`. */
  baseUrl: string;
  /** The headers of each request received, in order. */
  received: Record<string, string | string[] | undefined>[];
  close(): Promise<void>;
}

const SCORE_BODY = JSON.stringify({ ...REFERENCE_SCORE, mode: 'test' });
const ERROR_BODY = JSON.stringify({
  error: {
    type: 'api_error',
    code: 'internal_error',
    message: 'Something went wrong on our side.',
    request_id: 'req_01HZ9X3F7QMHN4V',
  },
});

function answer(fault: Fault, request: IncomingMessage, response: ServerResponse): void {
  const json = (status: number, body: string) =>
    response.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      'x-request-id': `req_${status}`,
    });
  switch (fault) {
    case '503':
      json(503, ERROR_BODY);
      response.end(ERROR_BODY);
      return;
    case 'ok':
      json(200, SCORE_BODY);
      response.end(SCORE_BODY);
      return;
    case 'reset':
      request.socket.resetAndDestroy();
      return;
    case 'stall':
      return;
    case 'cut-body':
      json(200, SCORE_BODY);
      response.flushHeaders();
      response.write(SCORE_BODY.slice(0, SCORE_BODY.length / 2), () => {
        request.socket.destroy();
      });
      return;
    case 'stall-body':
      json(200, SCORE_BODY);
      response.flushHeaders();
      response.write(SCORE_BODY.slice(0, SCORE_BODY.length / 2));
      return;
  }
}

/** Starts a server that plays `script`, one step per request (the last step repeats). */
export async function startFaultServer(script: Fault[]): Promise<FaultServer> {
  const received: FaultServer['received'] = [];
  const server: Server = createServer((request, response) => {
    received.push({ ...request.headers });
    request.resume();
    request.on('end', () => {
      const step = script[Math.min(received.length, script.length) - 1] ?? 'ok';
      answer(step, request, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
