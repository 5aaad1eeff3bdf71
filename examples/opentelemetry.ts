/**
 * OpenTelemetry: with `@opentelemetry/api` installed and a tracer provider registered, every call
 * is a span `intentiq <method>` and each attempt a child span with the HTTP attributes. This
 * registers a provider that prints the spans when the script ends; in an application, the
 * OpenTelemetry SDK you already run (NodeSDK with an OTLP exporter, say) does the registering.
 *
 *   npm install @opentelemetry/api @opentelemetry/sdk-trace-base @opentelemetry/context-async-hooks
 *   IIQ_API_KEY=iiq_test_… node examples/opentelemetry.ts
 *
 * Against the reference mock: `npx iiq mock` in another terminal, then
 *   IIQ_BASE_URL=http://127.0.0.1:4010/v1 IIQ_API_KEY=<the printed test key> node examples/opentelemetry.ts
 */
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { IntentIQ } from '@vesperwise/node';

const exporter = new InMemorySpanExporter();
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
trace.setGlobalTracerProvider(
  new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }),
);

const iiq = new IntentIQ({ retryJitter: () => 0 });

// The SDK's spans are children of whatever span is active when a method is called.
await trace.getTracer('example').startActiveSpan('nightly sync', async (sync) => {
  await iiq.scores.create({ domain: 'flaky.test' }); // fails once on the mock: two attempts
  await iiq.account.retrieve();
  sync.end();
});

// Print the spans as a tree, with the attributes that matter most.
const spans = exporter.getFinishedSpans();
const shown = [
  'http.response.status_code',
  'http.request.resend_count',
  'intentiq.attempts',
  'intentiq.request_id',
];
function print(span: ReadableSpan, depth: number): void {
  const attributes = shown
    .filter((name) => span.attributes[name] !== undefined)
    .map((name) => `${name}=${span.attributes[name]}`);
  console.log(`${'  '.repeat(depth)}${span.name} ${attributes.join(' ')}`.trimEnd());
  const id = span.spanContext().spanId;
  for (const child of spans.filter((s) => s.parentSpanContext?.spanId === id))
    print(child, depth + 1);
}
for (const root of spans.filter((span) => span.parentSpanContext === undefined)) print(root, 0);
