/**
 * The contract validator itself: it passes what the mock sends and fails on each way a response
 * can break `openapi.yaml`, so the suite-wide contract test (`test/setup/contract.ts`) can fail.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { Engine } from '../../mock-server/engine.ts';
import { mockApi } from '../mock-server/helpers.ts';
import { type ContractResponse, createContractValidator } from './validator.ts';

const validator = createContractValidator();

async function scoreResponse(): Promise<ContractResponse> {
  const api = mockApi();
  const reply = await api.post('/score', {
    domain: 'stripe.com',
    include: ['signals.evidence', 'history', 'people'],
  });
  return {
    method: 'POST',
    route: '/score',
    status: reply.status,
    headers: Object.fromEntries(reply.headers),
    body: reply.text,
  };
}

function withBody(
  response: ContractResponse,
  // biome-ignore lint/suspicious/noExplicitAny: the tests reach into the body to break it
  change: (body: Record<string, any>) => void,
): ContractResponse {
  const body = JSON.parse(response.body);
  change(body);
  return { ...response, body: JSON.stringify(body) };
}

describe('the contract validator', () => {
  it('accepts a score the mock sends, with every expansion', async () => {
    expect(validator.check(await scoreResponse())).toEqual([]);
  });

  it('fails a field of the wrong type', async () => {
    const broken = withBody(await scoreResponse(), (body) => {
      body.score = '94';
    });
    expect(validator.check(broken)).toEqual([
      expect.stringContaining('POST /score -> 200: body /score must be integer'),
    ]);
  });

  it('fails an undeclared property, even deep inside', async () => {
    const broken = withBody(await scoreResponse(), (body) => {
      body.signals.funding.evidence[0].confidence = 0.9;
    });
    expect(validator.check(broken)).toEqual([
      expect.stringContaining('must NOT have unevaluated properties (confidence)'),
    ]);
  });

  it('fails a missing required property', async () => {
    const broken = withBody(await scoreResponse(), (body) => {
      delete body.computed_at;
    });
    expect(validator.check(broken)).toEqual([
      expect.stringContaining("must have required property 'computed_at'"),
    ]);
  });

  it('fails a missing required header', async () => {
    const response = await scoreResponse();
    const { 'x-request-id': _, ...headers } = response.headers;
    expect(validator.check({ ...response, headers })).toEqual([
      'POST /score -> 200: missing required header x-request-id',
    ]);
  });

  it('fails a header with a value the spec does not allow', async () => {
    const response = await scoreResponse();
    const headers = { ...response.headers, 'x-iiq-cache': 'warm', 'x-ratelimit-remaining': 'lots' };
    expect(validator.check({ ...response, headers })).toEqual([
      'POST /score -> 200: header x-iiq-cache "warm" must be equal to one of the allowed values',
      'POST /score -> 200: header x-ratelimit-remaining must be an integer, got "lots"',
    ]);
  });

  it('fails a header the spec reserves for other responses', async () => {
    const response = await scoreResponse();
    expect(
      validator.check({ ...response, headers: { ...response.headers, 'retry-after': '3' } }),
    ).toEqual(['POST /score -> 200: header retry-after is not declared for this response']);
  });

  it('fails a status the operation does not declare', async () => {
    const response = await scoreResponse();
    expect(validator.check({ ...response, status: 418 })).toEqual([
      'POST /score -> 418: status 418 is not declared for this operation',
    ]);
  });

  it('fails a content type the response does not declare', async () => {
    const response = await scoreResponse();
    expect(
      validator.check({
        ...response,
        headers: { ...response.headers, 'content-type': 'text/plain' },
      }),
    ).toEqual([
      'POST /score -> 200: content type "text/plain" is not declared (declared: application/json)',
    ]);
  });

  it('fails an operation that openapi.yaml does not have', async () => {
    const response = await scoreResponse();
    expect(validator.check({ ...response, method: 'PATCH' })).toEqual([
      'PATCH /score -> 200: openapi.yaml has no operation PATCH /score',
    ]);
  });

  it('fails an error body that breaks ErrorResponse', async () => {
    const api = mockApi();
    const reply = await api.get('/score/scr_unknown');
    const response = {
      method: 'GET',
      route: '/score/{id}',
      status: 404,
      headers: Object.fromEntries(reply.headers),
      body: reply.text,
    };
    expect(validator.check(response)).toEqual([]);
    const broken = withBody(response, (body) => {
      body.error.code = 'gone';
    });
    expect(validator.check(broken)).toEqual([
      expect.stringContaining('body /error/code must be equal to one of the allowed values'),
    ]);
  });
});

describe('the route table', () => {
  it('has exactly the operations of openapi.yaml', () => {
    const doc = parseYaml(readFileSync(new URL('../../openapi.yaml', import.meta.url), 'utf8'));
    const documented: string[] = [];
    for (const [path, item] of Object.entries<Record<string, { operationId: string }>>(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        documented.push(`${method.toUpperCase()} ${path} ${operation.operationId}`);
      }
    }
    const served = new Engine()
      .routes()
      .map((route) => `${route.method} ${route.path} ${route.operation}`);
    expect(served.sort()).toEqual(documented.sort());
  });

  it('declares 403 on every write, which a read key gets before its body is read', () => {
    const doc = parseYaml(readFileSync(new URL('../../openapi.yaml', import.meta.url), 'utf8'));
    const undeclared: string[] = [];
    for (const [path, item] of Object.entries<Record<string, { responses: object }>>(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        if (method !== 'get' && !('403' in operation.responses)) {
          undeclared.push(`${method.toUpperCase()} ${path}`);
        }
      }
    }
    expect(undeclared).toEqual([]);
  });
});
