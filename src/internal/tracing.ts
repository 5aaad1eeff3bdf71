/**
 * OpenTelemetry spans for every call, when the application uses OpenTelemetry; nothing at all
 * when it does not.
 *
 * `@opentelemetry/api` is an optional peer dependency and is never imported up front. The API
 * keeps its registrations (tracer provider, context manager) on one global, so a property lookup
 * tells, synchronously and for free, whether the application registered a tracer provider. Only
 * then is the API imported, once, on the first call that needs it.
 *
 * A call is a span `intentiq <operation>` (INTERNAL); each attempt a child span named for the
 * HTTP method (CLIENT), with the HTTP client semantic-convention attributes, the request ID and
 * the idempotency key. The API key is never an attribute: it travels only in a header, and every
 * value the server sent is scrubbed of it first.
 */
import type * as OTel from '@opentelemetry/api';
import { VERSION } from '../core/version.ts';
import { logSafe } from './redact.ts';
import type { Outcome } from './retry.ts';

/** The part of the API used here: present on the namespace and on its default export alike. */
type Api = Pick<typeof OTel, 'trace' | 'context'>;

// The enum values of the API (stable since 1.0), so that only `trace` and `context` are needed.
const SPAN_KIND_INTERNAL = 0 satisfies OTel.SpanKind.INTERNAL;
const SPAN_KIND_CLIENT = 2 satisfies OTel.SpanKind.CLIENT;
const STATUS_ERROR = 2 satisfies OTel.SpanStatusCode.ERROR;

const REGISTRY = Symbol.for('opentelemetry.js.api.1');

let api: Api | undefined;
let loading: Promise<Api | undefined> | undefined;

/** True when the application registered a tracer provider with the OpenTelemetry API. */
export function tracingRegistered(): boolean {
  const registry = (globalThis as Record<symbol, { trace?: unknown } | undefined>)[REGISTRY];
  return registry?.trace !== undefined;
}

function loadApi(): Promise<Api | undefined> {
  loading ??= import('@opentelemetry/api').then(
    (module) => {
      // Through some CommonJS interop layers, the API is one level down, under `default`.
      api = module.trace ? module : (module as unknown as { default: Api }).default;
      return api;
    },
    () => undefined, // registered by a copy we cannot import: no spans rather than a failure
  );
  return loading;
}

/** What the spans say about a call. */
export interface TracedCall {
  operation: string;
  method: string;
  url: string;
  idempotencyKey: string | null;
  apiKey: string;
}

/** The spans of one call. */
export interface CallTrace {
  /** Runs one attempt in its own span (the current span while it runs) and ends the span. */
  attempt(attempt: number, run: () => Promise<Outcome>): Promise<Outcome>;
  /** Ends the call's span: with the error the call throws, or without one. */
  end(attempts: number, error?: unknown): void;
}

/** The URL as a span may show it: no user info, no key. */
function spanUrl(url: string, apiKey: string): URL {
  const parsed = new URL(url);
  if (parsed.username || parsed.password) {
    parsed.username = 'REDACTED';
    parsed.password = 'REDACTED';
  }
  return new URL(logSafe(parsed.href, apiKey, 2048));
}

function outcomeAttributes(outcome: Outcome, apiKey: string): OTel.Attributes {
  if (outcome.kind !== 'response') return { 'error.type': outcome.kind };
  const { status, headers } = outcome.response;
  const attributes: OTel.Attributes = { 'http.response.status_code': status };
  const requestId = headers.get('x-request-id');
  if (requestId !== null) attributes['intentiq.request_id'] = logSafe(requestId, apiKey);
  if (status >= 400) attributes['error.type'] = String(status);
  return attributes;
}

/** Starts the spans of a call; `undefined` when the API cannot be loaded. */
export async function startCallTrace(call: TracedCall): Promise<CallTrace | undefined> {
  const otel = api ?? (await loadApi());
  if (!otel) return undefined;
  const { context, trace } = otel;
  const tracer = trace.getTracer('@vesperwise/node', VERSION);
  const url = spanUrl(call.url, call.apiKey);
  const keyAttribute: OTel.Attributes =
    call.idempotencyKey === null ? {} : { 'intentiq.idempotency_key': call.idempotencyKey };
  const callSpan = tracer.startSpan(`intentiq ${call.operation}`, {
    kind: SPAN_KIND_INTERNAL,
    attributes: { 'intentiq.operation': call.operation, ...keyAttribute },
  });
  const callContext = trace.setSpan(context.active(), callSpan);
  let lastRequestId: OTel.AttributeValue | undefined;

  const fail = (span: OTel.Span, error: unknown) => {
    const name = error instanceof Error ? error.name : 'Error';
    span.setAttribute('error.type', name);
    if (error instanceof Error) span.recordException(error);
    const message = error instanceof Error ? logSafe(error.message, call.apiKey, 1000) : name;
    span.setStatus({ code: STATUS_ERROR, message });
  };

  return {
    async attempt(attempt, run) {
      const attributes: OTel.Attributes = {
        'http.request.method': call.method,
        'url.full': url.href,
        'server.address': url.hostname,
        'server.port': Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
        'intentiq.operation': call.operation,
        ...keyAttribute,
      };
      if (attempt > 1) attributes['http.request.resend_count'] = attempt - 1;
      const span = tracer.startSpan(
        call.method,
        { kind: SPAN_KIND_CLIENT, attributes },
        callContext,
      );
      try {
        const outcome = await context.with(trace.setSpan(callContext, span), run);
        const result = outcomeAttributes(outcome, call.apiKey);
        span.setAttributes(result);
        lastRequestId = result['intentiq.request_id'] ?? lastRequestId;
        if (result['error.type'] !== undefined) {
          span.setStatus({ code: STATUS_ERROR });
        }
        return outcome;
      } catch (error) {
        fail(span, error);
        throw error;
      } finally {
        span.end();
      }
    },
    end(attempts, error) {
      callSpan.setAttribute('intentiq.attempts', attempts);
      if (lastRequestId !== undefined) callSpan.setAttribute('intentiq.request_id', lastRequestId);
      if (error !== undefined) fail(callSpan, error);
      callSpan.end();
    },
  };
}
