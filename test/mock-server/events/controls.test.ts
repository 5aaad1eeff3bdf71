/**
 * The controls around deliveries: triggering events, rotating secrets, and the delivery log, the
 * same in-process and under `/__mock/`.
 */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { verifyWebhook, WEBHOOK_EVENT_TYPES } from '../../../src/webhooks/index.ts';
import { send } from '../helpers.ts';
import { createEndpoint, liveApi, receiveInProcess, receiveOverHttp, v1Count } from './helpers.ts';

const HOOK = 'https://hooks.example.com/intentiq';
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** A strict validator (no undeclared field anywhere at the top) of each webhook in openapi.yaml. */
function webhookValidators() {
  const doc = parseYaml(readFileSync(new URL('../../../openapi.yaml', import.meta.url), 'utf8'));
  const id = 'https://contract.intentiq.test/webhooks.json';
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: id, components: doc.components });
  return (type: string) => {
    const ref = doc.webhooks[type].post.requestBody.content['application/json'].schema.$ref;
    return ajv.compile({ $ref: `${id}${ref}`, unevaluatedProperties: false });
  };
}

describe('mock.events.trigger', () => {
  it('makes each event type in the shape openapi.yaml gives its webhook', async () => {
    const api = liveApi();
    const received = receiveInProcess(api.mock, HOOK);
    await createEndpoint(api, HOOK, [...WEBHOOK_EVENT_TYPES]);
    const validatorFor = webhookValidators();
    for (const type of WEBHOOK_EVENT_TYPES) {
      const event = api.mock.events.trigger(type);
      expect(event).toMatchObject({ type, created: '2026-05-28T14:02:11Z', mode: 'live' });
      // Listed like any event (and checked against openapi.yaml by the contract test).
      const listed = await api.get(`/events/${event.id}`, api.live);
      expect(listed.status).toBe(200);
    }
    await api.mock.deliveries.settle();
    expect(received.map(({ body }) => JSON.parse(body).type)).toEqual([...WEBHOOK_EVENT_TYPES]);
    for (const { body } of received) {
      const payload = JSON.parse(body);
      const validate = validatorFor(payload.type);
      expect(validate(payload), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('merges data overrides deeply and builds the rest around the domain they name', () => {
    const api = liveApi();
    const event = api.mock.events.trigger('score.computed', {
      score: { domain: 'notion.so', signals: { funding: 12 } },
      trigger: 'force_refresh',
    });
    expect(event.data).toMatchObject({
      trigger: 'force_refresh',
      score: { domain: 'notion.so', signals: { funding: 12, hiring: expect.any(Number) } },
    });
    const band = api.mock.events.trigger('account.band_changed', { domain: 'rising.test' });
    expect(band.data).toMatchObject({ domain: 'rising.test', band: 'WARM', score: 70 });
  });

  it('records in the mode and workspace asked for', () => {
    const api = liveApi();
    const other = api.mock.workspaces.create();
    const event = api.mock.events.trigger('credits.low', {}, { mode: 'test', workspace: other.id });
    expect(event.mode).toBe('test');
    expect(api.mock.events.list({ workspace: other.id, mode: 'test' })).toEqual([event]);
    expect(api.mock.events.list()).toEqual([]);
  });

  it('lists by a mode only when it is test or live', () => {
    const api = liveApi();
    const list = () => api.mock.events.list({ mode: 'prod' as never });
    expect(list).toThrow(TypeError);
    expect(list).toThrow('mode must be "test" or "live"');
  });

  it('refuses an unknown type, naming the known ones', () => {
    const api = liveApi();
    expect(() => api.mock.events.trigger('score.deleted' as never)).toThrow(
      'type must be one of score.computed, score.bulk.completed, account.band_changed, signal.spike, person.scored, credits.low, intent_search.completed, intent_search.failed, scoring.score_changed; got "score.deleted"',
    );
  });

  it('refuses data that is not JSON or nests too deeply, and records nothing', async () => {
    const api = liveApi();
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(() => api.mock.events.trigger('signal.spike', cycle as never)).toThrow(
      'data must be plain JSON (no cycles, BigInt values or throwing toJSON): the event is sent as JSON',
    );
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 100_000; i++) {
      deep.a = {};
      deep = deep.a as Record<string, unknown>;
    }
    expect(() => api.mock.events.trigger('signal.spike', { extra: root } as never)).toThrow(
      TypeError,
    );
    const nested = JSON.parse(`${'{"a":'.repeat(40)}1${'}'.repeat(40)}`);
    expect(() => api.mock.events.trigger('signal.spike', { extra: nested } as never)).toThrow(
      /^data\.extra\.a\.a.* is nested too deeply: event data may nest objects and arrays at most 32 levels deep$/,
    );
    expect(api.mock.events.list()).toEqual([]);
    expect((await api.get('/events', api.live)).status).toBe(200);
  });
});

describe('mock.webhookEndpoints.rotateSecret', () => {
  it('signs with both secrets until the old one expires, then with the new one only', async () => {
    const api = liveApi();
    const received = receiveInProcess(api.mock, HOOK);
    const { id, secret: old } = await createEndpoint(api, HOOK, ['signal.spike']);
    const rotated = api.mock.webhookEndpoints.rotateSecret(id, { expiresIn: '1h' });
    expect(rotated).toEqual({
      endpoint_id: id,
      secret: expect.stringMatching(/^whsec_[0-9A-Za-z]{32}$/),
      previous_secrets_expire_at: '2026-05-28T15:02:11Z',
    });

    api.mock.events.trigger('signal.spike');
    await api.mock.deliveries.settle();
    const during = received[0] as { headers: Record<string, string>; body: string };
    expect(v1Count(during.headers['x-iiq-signature'])).toBe(2);
    const now = api.mock.clock.now();
    for (const secret of [old, rotated.secret]) {
      await expect(
        verifyWebhook({ ...during, payload: during.body, secret, now }),
      ).resolves.toBeTruthy();
    }

    api.mock.clock.advance('1h');
    api.mock.events.trigger('signal.spike');
    await api.mock.deliveries.settle();
    const after = received[1] as { headers: Record<string, string>; body: string };
    expect(v1Count(after.headers['x-iiq-signature'])).toBe(1);
    const later = api.mock.clock.now();
    const options = { payload: after.body, headers: after.headers, now: later };
    await expect(verifyWebhook({ ...options, secret: rotated.secret })).resolves.toBeTruthy();
    await expect(verifyWebhook({ ...options, secret: old })).rejects.toMatchObject({
      code: 'signature_mismatch',
    });
  });

  it('refuses an unknown endpoint', () => {
    expect(() => liveApi().mock.webhookEndpoints.rotateSecret('we_0000000000000000')).toThrow(
      'no webhook endpoint with ID we_0000000000000000 exists in this mock',
    );
  });
});

describe('the delivery log', () => {
  it('is the same in-process and under /__mock/deliveries, with the same filters', async () => {
    const api = liveApi();
    receiveInProcess(api.mock, HOOK, () => 500);
    receiveInProcess(api.mock, 'https://ok.example.com/hook');
    const failing = await createEndpoint(api, HOOK, ['signal.spike', 'credits.low']);
    await createEndpoint(api, 'https://ok.example.com/hook', ['signal.spike']);
    const spike = api.mock.events.trigger('signal.spike');
    api.mock.events.trigger('credits.low');
    await api.mock.deliveries.settle();

    const admin = (query: string) =>
      send(api.mock.fetch, `https://api.intentiq.dev/__mock/deliveries${query}`, 'GET', undefined, {
        key: null,
      });
    const all = await admin('');
    expect(all.status).toBe(200);
    expect(all.body).toEqual({ data: api.mock.deliveries.list() });
    expect(all.body.data).toHaveLength(3);
    const queries = [
      [`?endpoint=${failing.id}`, { endpoint: failing.id }],
      [`?event=${spike.id}`, { event: spike.id }],
      ['?status=succeeded', { status: 'succeeded' }],
      ['?status=pending', { status: 'pending' }],
    ] as const;
    for (const [query, filter] of queries) {
      const filtered = api.mock.deliveries.list(filter);
      expect((await admin(query)).body.data).toEqual(filtered);
      expect(filtered.length).toBeGreaterThan(0);
    }
    expect((await admin('?status=lost')).body.error.message).toBe(
      'status must be "pending", "succeeded" or "failed"',
    );
    // In-process, the same filter is refused the same way, not answered with an empty list.
    expect(() => api.mock.deliveries.list({ status: 'lost' } as never)).toThrow(
      'status must be "pending", "succeeded" or "failed"',
    );
    expect(() => api.mock.deliveries.list({ endpoint: 42 } as never)).toThrow(
      'endpoint must be a string',
    );
  });
});

describe('the /__mock/ controls over HTTP', () => {
  it('trigger an event, wait for its delivery, rotate a secret and tell the keys', async () => {
    const api = liveApi({ allowLoopbackWebhooks: true });
    const server = await api.mock.listen();
    closers.push(server.close);
    const receiver = await receiveOverHttp();
    closers.push(receiver.close);
    const http = (method: string, path: string, body?: unknown, key: string | null = null) =>
      send(
        fetch,
        `${path.startsWith('/__mock') ? server.origin : server.url}${path}`,
        method,
        body,
        {
          key,
        },
      );
    const created = await http(
      'POST',
      '/webhook_endpoints',
      { url: receiver.url, events: ['account.band_changed'] },
      api.mock.keys.live,
    );

    const triggered = await http('POST', '/__mock/events/trigger', {
      type: 'account.band_changed',
      data: { domain: 'notion.so' },
    });
    expect(triggered.body).toMatchObject({ type: 'account.band_changed', mode: 'live' });
    const settled = await http('POST', '/__mock/deliveries/settle');
    expect(settled.body).toMatchObject({
      in_flight: 0,
      data: [{ event_id: triggered.body.id, status: 'succeeded', endpoint_id: created.body.id }],
    });
    expect(receiver.received).toHaveLength(1);

    const rotated = await http(
      'POST',
      `/__mock/webhook_endpoints/${created.body.id}/rotate_secret`,
      { expires_in: '2h' },
    );
    expect(rotated.body).toMatchObject({
      endpoint_id: created.body.id,
      previous_secrets_expire_at: '2026-05-28T16:02:11Z',
    });
    expect((await http('GET', '/__mock/keys')).body).toMatchObject({
      workspace: expect.stringMatching(/^ws_/),
      test: api.mock.keys.test,
      live: api.mock.keys.live,
      read: api.mock.keys.read,
    });
  });

  it('refuse a trigger without a known type', async () => {
    const api = liveApi();
    const reply = await send(
      api.mock.fetch,
      'https://api.intentiq.dev/__mock/events/trigger',
      'POST',
      { type: 'nope' },
      { key: null },
    );
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toMatch(/^type must be one of score\.computed, /);
  });
});
