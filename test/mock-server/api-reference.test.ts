/**
 * Every example request of the API reference and `openapi.yaml`, sent over real HTTP to the mock,
 * answers with the documented success status (and, by the contract test, the documented shape).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { createMockApi, type MockServer } from '../../mock-server/index.ts';
import { type Reply, STRIPE_SCORE, send } from './helpers.ts';

interface Operation {
  operationId: string;
  requestBody?: { content: { 'application/json': { example?: unknown } } };
  responses: Record<string, unknown>;
}

const doc = parseYaml(readFileSync(new URL('../../openapi.yaml', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
};

const mock = createMockApi();
let server: MockServer;
beforeAll(async () => {
  server = await mock.listen();
});
afterAll(() => server.close());

const call = (method: string, path: string, body?: unknown): Promise<Reply> =>
  send(fetch, `${server.url}${path}`, method, body, { key: mock.keys.test });

describe('the API reference', () => {
  it('answers its curl example (POST /v1/score for stripe.com) with the Score it shows', async () => {
    const reply = await call('POST', '/score', { domain: 'stripe.com' });
    expect(reply.status).toBe(200);
    const { id, mode, ...score } = reply.body;
    expect(score).toEqual(STRIPE_SCORE);
    expect(id).toMatch(/^scr_/);
    expect(mode).toBe('test');
  });
});

describe('every operation of openapi.yaml, with its example', () => {
  // Objects the path parameters point at, created on the way.
  const ids: Record<string, string> = {};
  const order = [
    'createScore',
    'retrieveScore',
    'createBulkJob',
    'retrieveBulkJob',
    'listBulkJobResults',
    'scorePerson',
    'createWatchlist',
    'listWatchlists',
    'retrieveWatchlist',
    'updateWatchlist',
    'addWatchlistAccounts',
    'listWatchlistAccounts',
    'listPriorityAccounts',
    'removeWatchlistAccounts',
    'deleteWatchlist',
    'createWebhookEndpoint',
    'listWebhookEndpoints',
    'deleteWebhookEndpoint',
    'listEvents',
    'retrieveEvent',
    'retrieveAccount',
  ];
  const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({
      path,
      method: method.toUpperCase(),
      operation,
    })),
  );

  it('lists every operation in this test', () => {
    expect(operations.map((o) => o.operation.operationId).sort()).toEqual([...order].sort());
  });

  it.each(order)('%s answers its documented success status', async (operationId) => {
    const found = operations.find((o) => o.operation.operationId === operationId);
    if (found === undefined) throw new Error(`${operationId} is not in openapi.yaml`);
    const { path, method, operation } = found;
    if (operationId === 'listBulkJobResults') mock.clock.advance('1m');
    const resolved = path.replace('{id}', () => {
      const kind =
        path.split('/')[1] === 'score'
          ? path.includes('bulk')
            ? 'job'
            : 'score'
          : path.split('/')[1];
      const id = ids[kind as string];
      if (id === undefined) throw new Error(`no ${kind} created before ${operationId}`);
      return id;
    });
    const example = operation.requestBody?.content['application/json'].example;
    const reply = await call(method, resolved, example);
    const success = Object.keys(operation.responses).find((status) => status.startsWith('2'));
    expect(reply.status, `${method} ${resolved}: ${reply.text}`).toBe(Number(success));
    if (operationId === 'createScore') ids.score = reply.body.id;
    if (operationId === 'createBulkJob') ids.job = reply.body.id;
    if (operationId === 'createWatchlist') ids.watchlists = reply.body.id;
    if (operationId === 'createWebhookEndpoint') ids.webhook_endpoints = reply.body.id;
    if (operationId === 'listEvents') ids.events = reply.body.data[0].id;
  });
});
