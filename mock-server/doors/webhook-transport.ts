/**
 * How the mock sends webhook deliveries: to an in-process receiver registered for the URL (a Hono
 * `app.fetch`, a Next.js route handler: called directly, no network), otherwise over HTTP with the
 * runtime's own `fetch`.
 *
 * A test that runs `setupServer(...mock.handlers)` has msw patch the global `fetch`, and with
 * `onUnhandledFrame: 'error'` msw refuses any request it has no handler for, deliveries included.
 * So the `fetch` used here is the one the runtime had when this module was loaded, which is before
 * any `setupServer` built from a mock's handlers could be listening. Should msw have patched it
 * earlier still (a global setup file with its own server), a refused delivery is sent again with
 * msw's documented bypass marker (`accept: msw/passthrough`, what `bypass()` adds), which msw strips
 * before the request leaves.
 */

import type { DeliveryAnswer, OutgoingWebhook, WebhookTransport } from '../events/dispatcher.ts';
import { ControlError } from '../kernel/errors.ts';

/** Answers a delivery in-process: anything shaped like a fetch handler. */
export type WebhookReceiver = (request: Request) => Response | Promise<Response>;

/** The runtime's `fetch`, taken before anything had a chance to intercept it. */
const runtimeFetch: typeof fetch = globalThis.fetch;

export interface TransportOptions {
  /** Real milliseconds a receiver has to answer. */
  timeoutMs: number;
  /** In-process receivers by URL (as `receiverKey` writes it). */
  receivers: ReadonlyMap<string, WebhookReceiver>;
  /** Sends HTTP deliveries (default: the runtime's `fetch`). */
  fetch?: typeof fetch;
}

/** The key a receiver is registered under: the URL as `new URL()` normalises it. */
export function receiverKey(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ControlError(
      `"${url}" is not a URL; pass the webhook endpoint's URL, e.g. https://example.com/webhooks`,
    );
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ControlError('a webhook receiver URL must be http or https');
  }
  return parsed.href;
}

class Timeout extends Error {}

/** Runs `work` with an abort signal that fires after `ms`; a `Timeout` rejection when it did. */
async function withTimeout<T>(ms: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Timeout());
    }, ms);
  });
  try {
    return await Promise.race([work(controller.signal), expired]);
  } finally {
    clearTimeout(timer);
  }
}

function refusedByMsw(error: unknown): boolean {
  const cause = (error as { cause?: unknown } | null)?.cause;
  const message = cause instanceof Error ? cause.message : String(cause ?? '');
  return message.startsWith('[MSW]');
}

async function post(
  fetcher: typeof fetch,
  webhook: OutgoingWebhook,
  signal: AbortSignal,
): Promise<Response> {
  const init = { method: 'POST', headers: webhook.headers, body: webhook.body, signal };
  try {
    return await fetcher(webhook.url, init);
  } catch (error) {
    if (!refusedByMsw(error)) throw error;
    const accept = webhook.headers.accept;
    const marked = accept === undefined ? 'msw/passthrough' : `${accept}, msw/passthrough`;
    return fetcher(webhook.url, { ...init, headers: { ...webhook.headers, accept: marked } });
  }
}

function networkError(error: unknown): DeliveryAnswer {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const detail =
    typeof cause?.code === 'string'
      ? cause.code
      : typeof cause?.message === 'string'
        ? cause.message
        : undefined;
  return detail === undefined ? { error: 'network' } : { error: 'network', detail };
}

/** A transport for the dispatcher: in-process receivers first, HTTP otherwise. */
export function createWebhookTransport(options: TransportOptions): WebhookTransport {
  const fetcher = options.fetch ?? runtimeFetch;
  return async (webhook) => {
    let key: string | undefined;
    try {
      key = receiverKey(webhook.url);
    } catch {
      return { error: 'network', detail: 'not an http(s) URL' };
    }
    const receiver = options.receivers.get(key);
    try {
      if (receiver !== undefined) {
        const request = new Request(webhook.url, {
          method: 'POST',
          headers: webhook.headers,
          body: webhook.body,
        });
        const response: unknown = await withTimeout(options.timeoutMs, async () =>
          receiver(request),
        );
        // Duck-typed: frameworks may bring their own Response class.
        const status = (response as { status?: unknown } | null)?.status;
        if (typeof status !== 'number') {
          return { error: 'the in-process receiver did not return a Response' };
        }
        await (response as Response).body?.cancel();
        return { status };
      }
      const response = await withTimeout(options.timeoutMs, (signal) =>
        post(fetcher, webhook, signal),
      );
      // Only the status matters; drop the body so the connection is freed.
      await response.body?.cancel().catch(() => undefined);
      return { status: response.status };
    } catch (error) {
      if (error instanceof Timeout) return { error: 'timeout' };
      if (receiver !== undefined) {
        return { error: error instanceof Error ? error.message : String(error) };
      }
      return networkError(error);
    }
  };
}
