/**
 * Every example request of the API reference and `openapi.yaml`, sent over real HTTP to the mock,
 * answers with the documented success status (and, by the contract test, the documented shape).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { createMockApi, type MockServer } from '../../mock-server/index.ts';
import { type Reply, STRIPE_SCORE, send } from './helpers.ts';

interface Parameter {
  $ref?: string;
  name: string;
  in: string;
  required?: boolean;
  example?: unknown;
}

interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { content: { 'application/json': { example?: unknown } } };
  responses: Record<string, unknown>;
}

const doc = parseYaml(readFileSync(new URL('../../openapi.yaml', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
  components: { parameters: Record<string, Parameter> };
};

function parameter(p: Parameter): Parameter {
  return p.$ref === undefined ? p : (doc.components.parameters[p.$ref.split('/').pop() ?? ''] ?? p);
}

/** The required query parameters of an operation, from their examples (lists repeated). */
function exampleQuery(operation: Operation): string {
  const query = new URLSearchParams();
  for (const p of (operation.parameters ?? []).map(parameter)) {
    // Required parameters, and optional ones the spec gives an example of (such as the one
    // domain or industry of GET /signals/aggregate).
    if (p.in !== 'query' || (!p.required && p.example === undefined)) continue;
    for (const value of Array.isArray(p.example) ? p.example : [p.example]) {
      query.append(p.name, String(value));
    }
  }
  const text = query.toString();
  return text === '' ? '' : `?${text}`;
}

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
    'createIntentSearch',
    'listIntentSearches',
    'retrieveIntentSearch',
    'listIntentSearchResults',
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
    'listScoringAttributes',
    'retrieveScoringAttributeValues',
    'createScoringProfile',
    'listScoringProfiles',
    'retrieveScoringProfile',
    'updateScoringProfile',
    'upsertScoringRule',
    'listScoringRules',
    'createScoringAssignment',
    'createScoringAssignments',
    'listScoringAssignments',
    'listScoringScores',
    'computeScoringScores',
    'deleteScoringRule',
    'deleteScoringAssignment',
    'deleteScoringProfile',
    'createOutcome',
    'listOutcomes',
    'retrieveOutcome',
    'updateOutcome',
    'deleteOutcome',
    'retrievePipelineReport',
    'regeneratePipelineReport',
    'retrieveAggregateSignals',
    'analyzeFit',
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
    if (operationId === 'listBulkJobResults' || operationId === 'listIntentSearchResults')
      mock.clock.advance('1m');
    const [, area, collection] = path.split('/');
    const resolved = path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const kind =
        name === 'rule_id'
          ? 'scoring_rule'
          : area === 'score'
            ? path.includes('bulk')
              ? 'job'
              : 'score'
            : area === 'scoring'
              ? `scoring_${collection}`
              : area;
      const id = ids[kind as string];
      if (id === undefined) throw new Error(`no ${kind} created before ${operationId}`);
      return id;
    });
    let example = operation.requestBody?.content['application/json'].example;
    // Bodies that name a scoring profile name the one created on the way.
    if (example !== null && typeof example === 'object' && 'profile_id' in example) {
      example = { ...example, profile_id: ids.scoring_profiles };
    }
    const reply = await call(method, `${resolved}${exampleQuery(operation)}`, example);
    const successes = Object.keys(operation.responses).filter((status) => status.startsWith('2'));
    expect(successes, `${method} ${resolved}: ${reply.text}`).toContain(String(reply.status));
    if (operationId === 'createScore') ids.score = reply.body.id;
    if (operationId === 'createBulkJob') ids.job = reply.body.id;
    if (operationId === 'createIntentSearch') ids.intent = reply.body.id;
    if (operationId === 'createWatchlist') ids.watchlists = reply.body.id;
    if (operationId === 'createWebhookEndpoint') ids.webhook_endpoints = reply.body.id;
    if (operationId === 'listEvents') ids.events = reply.body.data[0].id;
    if (operationId === 'createScoringProfile') ids.scoring_profiles = reply.body.id;
    if (operationId === 'upsertScoringRule') ids.scoring_rule = reply.body.id;
    if (operationId === 'createScoringAssignment') ids.scoring_assignments = reply.body.id;
    if (operationId === 'createOutcome') ids.outcomes = reply.body.id;
  });
});
