/**
 * OpenTelemetry, with the SDK's in-memory exporter: a call is a span `intentiq <operation>`, each
 * attempt a CLIENT child span with the HTTP semantic-convention attributes, the request ID and
 * the idempotency key; errors are recorded; the API key is in no span.
 */
import { context, type Span, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMockApi } from '../../mock-server/index.ts';
import { IntentIQ, InternalServerError, NotFoundError } from '../../src/index.ts';
import { apiError, clientWith, ok, TEST_KEY } from '../core/helpers.ts';

const exporter = new InMemorySpanExporter();
const SECRET = TEST_KEY.slice('iiq_test_'.length);

beforeAll(() => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(
    new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }),
  );
});
afterEach(() => exporter.reset());
afterAll(() => {
  trace.disable();
  context.disable();
  // Leave the process as it was for the test files that run after this one in the same worker.
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('opentelemetry.js.api.1')];
});

function spans(): { call: ReadableSpan; attempts: ReadableSpan[] } {
  const finished = exporter.getFinishedSpans();
  const call = finished.find((span) => span.name.startsWith('intentiq '));
  if (!call) throw new Error(`no call span in ${finished.map((span) => span.name)}`);
  const attempts = finished.filter(
    (span) => span.parentSpanContext?.spanId === call.spanContext().spanId,
  );
  return { call, attempts };
}

describe('OpenTelemetry spans', () => {
  it('makes a call a span with one CLIENT child span per attempt', async () => {
    const { iiq } = clientWith([apiError(503, 'internal_error'), ok()], { retryJitter: () => 0 });
    await iiq.scores.create({ domain: 'stripe.com' }, { idempotencyKey: 'order-42' });
    const { call, attempts } = spans();
    expect(call.name).toBe('intentiq scores.create');
    expect(call.kind).toBe(0); // INTERNAL
    expect(call.attributes).toEqual({
      'intentiq.operation': 'scores.create',
      'intentiq.idempotency_key': 'order-42',
      'intentiq.attempts': 2,
      'intentiq.request_id': 'req_01HZ9X3F7QMHN4V',
    });
    expect(attempts.map((span) => [span.name, span.kind])).toEqual([
      ['POST', 2],
      ['POST', 2],
    ]);
    const common = {
      'http.request.method': 'POST',
      'url.full': 'https://api.intentiq.dev/v1/score',
      'server.address': 'api.intentiq.dev',
      'server.port': 443,
      'intentiq.operation': 'scores.create',
      'intentiq.idempotency_key': 'order-42',
      'intentiq.request_id': 'req_01HZ9X3F7QMHN4V',
    };
    expect(attempts[0]?.attributes).toEqual({
      ...common,
      'http.response.status_code': 503,
      'error.type': '503',
    });
    expect(attempts[0]?.status.code).toBe(2); // ERROR
    expect(attempts[1]?.attributes).toEqual({
      ...common,
      'http.response.status_code': 200,
      'http.request.resend_count': 1,
    });
    expect(call.status.code).toBe(0); // UNSET
  });

  it('records the error of a call that fails, on the call span', async () => {
    const { iiq } = clientWith([apiError(500, 'internal_error'), apiError(500, 'internal_error')], {
      retryJitter: () => 0,
      maxRetries: 1,
    });
    await expect(iiq.account.retrieve()).rejects.toBeInstanceOf(InternalServerError);
    const { call, attempts } = spans();
    expect(call.name).toBe('intentiq account.retrieve');
    expect(call.status.code).toBe(2);
    expect(call.attributes['error.type']).toBe('InternalServerError');
    expect(call.events.map((event) => event.name)).toEqual(['exception']);
    expect(attempts).toHaveLength(2);
  });

  it('names list calls and keeps the query in url.full', async () => {
    const mock = createMockApi();
    const iiq = new IntentIQ({ apiKey: mock.keys.test, fetch: mock.fetch, logLevel: 'off' });
    await iiq.watchlists.list({ limit: 5 });
    const { call, attempts } = spans();
    expect(call.name).toBe('intentiq watchlists.list');
    expect(attempts[0]?.attributes['url.full']).toBe(
      'https://api.intentiq.dev/v1/watchlists?limit=5',
    );
    expect(attempts[0]?.attributes['intentiq.request_id']).toMatch(/^req_/);
  });

  it('names every resource method after how it is called', async () => {
    const mock = createMockApi();
    const iiq = new IntentIQ({ apiKey: mock.keys.test, fetch: mock.fetch, logLevel: 'off' });
    const names: string[] = [];
    const record = async (run: () => PromiseLike<unknown>) => {
      exporter.reset();
      await Promise.resolve(run()).catch((error: unknown) => {
        if (!(error instanceof NotFoundError)) throw error;
      });
      names.push(spans().call.name);
    };
    const list = await iiq.watchlists.create({ name: 'Spans', accounts: ['stripe.com'] });
    const score = await iiq.scores.create({ domain: 'stripe.com' });
    const job = await iiq.bulk.create({ domains: ['stripe.com'] });
    await record(() => iiq.scores.create({ domain: 'notion.so' }));
    await record(() => iiq.scores.retrieve(score.id));
    await record(() => iiq.bulk.create({ domains: ['linear.app'] }));
    await record(() => iiq.bulk.retrieve(job.id));
    await record(() => iiq.bulk.results(job.id));
    await record(() => iiq.bulk.resultsCsv(job.id));
    await record(() => iiq.people.score({ email: 'jane.doe@stripe.com' }));
    await record(() => iiq.watchlists.list());
    await record(() => iiq.watchlists.create({ name: 'More' }));
    await record(() => iiq.watchlists.retrieve(list.id));
    await record(() => iiq.watchlists.update(list.id, { name: 'Renamed' }));
    await record(() => iiq.watchlists.accounts.list(list.id));
    await record(() => iiq.watchlists.accounts.add(list.id, { accounts: ['figma.com'] }));
    await record(() => iiq.watchlists.accounts.remove(list.id, { accounts: ['figma.com'] }));
    await record(() => iiq.watchlists.delete(list.id));
    await record(() =>
      iiq.webhookEndpoints.create({ url: 'https://example.com/h', events: ['signal.spike'] }),
    );
    await record(() => iiq.webhookEndpoints.list());
    await record(() => iiq.webhookEndpoints.delete('we_01HZ9X5C3V4N6P2'));
    await record(() => iiq.events.list());
    await record(() => iiq.events.retrieve('evt_01HZ9X3FK8M2P'));
    await record(() => iiq.account.retrieve());
    expect(names).toEqual(
      [
        'scores.create',
        'scores.retrieve',
        'bulk.create',
        'bulk.retrieve',
        'bulk.results',
        'bulk.resultsCsv',
        'people.score',
        'watchlists.list',
        'watchlists.create',
        'watchlists.retrieve',
        'watchlists.update',
        'watchlists.accounts.list',
        'watchlists.accounts.add',
        'watchlists.accounts.remove',
        'watchlists.delete',
        'webhookEndpoints.create',
        'webhookEndpoints.list',
        'webhookEndpoints.delete',
        'events.list',
        'events.retrieve',
        'account.retrieve',
      ].map((name) => `intentiq ${name}`),
    );
  });

  it("is a child of the caller's active span, and the attempt is active while fetch runs", async () => {
    let activeInFetch: Span | undefined;
    const iiq = new IntentIQ({
      apiKey: TEST_KEY,
      logLevel: 'off',
      fetch: async () => {
        activeInFetch = trace.getActiveSpan();
        return ok();
      },
    });
    const tracer = trace.getTracer('app');
    await tracer.startActiveSpan('sync accounts', async (parent) => {
      await iiq.account.retrieve();
      parent.end();
    });
    const { call, attempts } = spans();
    const parent = exporter.getFinishedSpans().find((span) => span.name === 'sync accounts');
    expect(call.parentSpanContext?.spanId).toBe(parent?.spanContext().spanId);
    expect(activeInFetch?.spanContext().spanId).toBe(attempts[0]?.spanContext().spanId);
  });

  it('puts the key in no span, even when the server echoes it', async () => {
    const echo = apiError(
      500,
      'internal_error',
      { message: `echo ${TEST_KEY}` },
      { 'x-request-id': `Bearer ${TEST_KEY}` },
    );
    const { iiq } = clientWith([echo], { maxRetries: 0 });
    await iiq.scores.create({ domain: 'stripe.com' }).catch(() => {});
    const text = JSON.stringify(
      exporter.getFinishedSpans().map((span) => ({
        attributes: span.attributes,
        events: span.events,
        status: span.status,
        name: span.name,
      })),
    );
    expect(text).toContain('Bearer iiq_test_***');
    expect(text).not.toContain(SECRET);
  });
});
