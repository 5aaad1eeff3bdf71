/**
 * `createMockApi` without MSW: the engine, the pipeline, `mock.fetch`, the HTTP server and the
 * test controls. `index.ts` adds the MSW handlers on top; the `iiq` CLI uses this module directly
 * so that it runs without msw installed.
 */

import {
  type DeepPartial,
  type EventQuery,
  eventsOf,
  type MockEvent,
  type TriggerOptions,
  triggerEvent,
} from './areas/events/index.ts';
import {
  findWebhookEndpoint,
  type RotatedSecret,
  rotateSecret,
} from './areas/webhook-endpoints/index.ts';
import {
  type CreatedKey,
  type CreatedWorkspace,
  type CreditsInput,
  checkDeliveryQuery,
  coreControls,
  createKey,
  createWorkspace,
  getCredits,
  inspect,
  type KeyInput,
  listKeys,
  type MockKey,
  type MockSummary,
  revokeKey,
  setCredits,
  type WireCredits,
} from './controls.ts';
import { createMockFetch } from './doors/fetch.ts';
import type { ListenOptions, MockServer } from './doors/http.ts';
import {
  createWebhookTransport,
  receiverKey,
  type WebhookReceiver,
} from './doors/webhook-transport.ts';
import { Engine, type EngineOptions } from './engine.ts';
import {
  DEFAULT_DELIVERY_TIMEOUT_MS,
  type DeliveryQuery,
  type WireDelivery,
} from './events/delivery-log.ts';
import { type EventData, type EventListener, type EventType, renderEvent } from './events/log.ts';
import { type Duration, parseDuration } from './kernel/clock.ts';
import { ControlError } from './kernel/errors.ts';
import type { Fault, FaultSpec } from './kernel/faults.ts';
import { createAdmin } from './pipeline/admin.ts';
import {
  type ExchangeListener,
  type JournalEntry,
  type JournalQuery,
  RequestJournal,
} from './pipeline/journal.ts';
import { createPipeline, type Handle } from './pipeline/pipeline.ts';
import type { PlanName } from './tenancy/plans.ts';

/** The most in-process webhook receivers one mock holds. */
export const MAX_RECEIVERS = 1_000;

/** Where a mock answers by default: the real API's base URL, which is also the client's default. */
export const DEFAULT_BASE_URL = 'https://api.intentiq.dev/v1';

/** Options of `createMockApi()`. */
export interface MockApiOptions extends EngineOptions {
  /** Where the mock answers (default `https://api.intentiq.dev/v1`, the client's default). */
  baseUrl?: string;
  /**
   * How long a webhook receiver has to answer, in real time, before the attempt counts as failed
   * (default `'5s'`, as the API): a duration or milliseconds. Shorten it in tests of timeouts.
   */
  deliveryTimeout?: Duration;
}

export type { MockEvent } from './areas/events/index.ts';

/** The mock's clock, as tests drive it. */
export interface MockClock {
  /** The mock's current time. */
  now(): Date;
  /** Moves time forward (`'7d'`, `'90m'`, `'1h30m'` or milliseconds), running everything due. */
  advance(duration: Duration): Date;
  /** Moves time forward to an instant. */
  set(instant: Date | number | string): Date;
}

/** The default workspace's keys, and the controls that make and revoke keys. */
export interface MockKeys {
  /** An `iiq_test_` write key: test mode, no credits spent, no webhooks (derived from the seed). */
  readonly test: string;
  /** An `iiq_live_` write key: spends the workspace's credits and delivers webhooks. */
  readonly live: string;
  /** The default workspace's read keys: `GET` only; anything else is `403 insufficient_scope`. */
  readonly read: { readonly test: string; readonly live: string };
  /**
   * Makes a key (`mode` default `test`, `scope` default `write`) for a workspace (default: the
   * default one). The key is shown this once.
   *
   * @example
   * const { key } = mock.keys.create({ mode: 'live', scope: 'read' });
   */
  create(input?: KeyInput): CreatedKey;
  /** Revokes a key: the next request with it is `401` (its message says it was revoked). */
  revoke(key: string): boolean;
  /** Every key of the mock, oldest first, by its last 4 characters. */
  list(): MockKey[];
}

/** A mock of the IntentIQ API (see `createMockApi`). */
export interface MockApi {
  /** The base URL the mock answers at. */
  readonly baseUrl: string;
  /** The default workspace's keys (write keys in `test` and `live`, read keys in `read`), and key controls. */
  readonly keys: MockKeys;
  /** A `fetch` answered by the mock in-process: `new IntentIQ({ fetch: mock.fetch, apiKey: mock.keys.test })`. */
  readonly fetch: typeof fetch;
  /** The pipeline itself, for custom doors. */
  readonly handle: Handle;
  /** The engine, for advanced use. */
  readonly engine: Engine;
  /** The mock's virtual clock: `mock.clock.advance('7d')` runs everything that falls due. */
  readonly clock: MockClock;
  /** Forgets everything: back to the state right after `createMockApi()`. */
  reset(): void;
  /**
   * The request journal: every API request the mock answered, newest first (the newest 1,000, at
   * most 8 MiB of bodies), cleared by `reset()`. The key shows as its last four characters only.
   *
   * @example
   * await app.syncAccount('stripe.com');
   * const [call] = mock.requests.list({ method: 'POST', path: '/score' });
   * expect(call?.body).toEqual({ domain: 'stripe.com' });
   */
  readonly requests: {
    /** The requests kept, newest first, filtered by method, path and time. */
    list(query?: JournalQuery): JournalEntry[];
    /** Calls `listener` with every request and its response from now on; returns an unsubscribe function. */
    subscribe(listener: ExchangeListener): () => void;
  };
  /** Serves the mock over HTTP on 127.0.0.1 (any free port unless `port` is given). */
  listen(options?: ListenOptions): Promise<MockServer>;
  /** The current cycle's credits of a workspace (default: the default one). */
  readonly credits: {
    /** `{ limit, used, remaining, resets_at }`. */
    get(workspace?: string): WireCredits;
    /** e.g. `mock.credits.set({ remaining: 0 })` to get `402` on the next paid request. */
    set(input: CreditsInput): WireCredits;
  };
  /** Revokes a key: the next request with it is `401`. The same as `mock.keys.revoke(key)`. */
  revokeKey(key: string): boolean;
  /** More workspaces, each with its own keys, plan and objects. */
  readonly workspaces: {
    /** A second workspace, e.g. to prove that IDs of other workspaces are `404`. */
    create(input?: { plan?: PlanName; name?: string }): CreatedWorkspace;
  };
  /** A summary of the state, for debugging. */
  inspect(): MockSummary;
  /** Injected failures, e.g. `mock.faults.inject({ path: '/score', status: 503, count: 2 })`. */
  readonly faults: {
    /** The next `count` requests to `path` answer `status`. */
    inject(spec: FaultSpec): void;
    /** Removes every injected fault. */
    clear(): void;
    /** The faults still to fire. */
    list(): readonly Fault[];
  };
  /** The events the mock recorded (both modes), and new ones on demand. */
  readonly events: {
    /** Recorded events of a workspace (default: the default one), newest first. */
    list(query?: EventQuery): MockEvent[];
    /** Calls `listener` for every event from now on; returns an unsubscribe function. */
    subscribe(listener: EventListener): () => void;
    /**
     * Records a realistic event of `type` now (live mode unless told otherwise, so it is delivered to
     * the endpoints subscribed to it), with `data` merged into the sample, and returns it.
     *
     * @example
     * mock.events.trigger('account.band_changed', { domain: 'notion.so' });
     * await mock.deliveries.settle();
     */
    trigger<T extends EventType>(
      type: T,
      data?: DeepPartial<EventData[T]>,
      options?: TriggerOptions,
    ): MockEvent;
  };
  /** Webhook deliveries of live-mode events: the log, and a way to wait for them. */
  readonly deliveries: {
    /** The webhook delivery log, newest first: attempts, status codes, timing, next retry. */
    list(query?: DeliveryQuery): WireDelivery[];
    /**
     * Waits until every delivery due now has been sent and answered (sending is asynchronous).
     * Rejects after `timeout` (default `'30s'`) of real time if receivers keep the mock busy.
     *
     * @example
     * mock.clock.advance('24h'); // retries fall due
     * await mock.deliveries.settle(); // ... and are sent
     */
    settle(options?: { timeout?: Duration }): Promise<void>;
  };
  /** Test controls of webhook endpoints. */
  readonly webhookEndpoints: {
    /**
     * Gives an endpoint a new signing secret; the old one keeps signing (a second `v1`) until it
     * expires on the mock's clock (default `'24h'`).
     */
    rotateSecret(id: string, options?: { expiresIn?: Duration }): RotatedSecret;
  };
  /** In-process webhook receivers. */
  readonly webhooks: {
    /**
     * Answers deliveries to `url` in-process with `receiver` (a Hono `app.fetch`, a Next.js route
     * handler), with no network. Returns a function that unregisters it. Kept across `reset()`.
     *
     * @example
     * mock.webhooks.receive('https://example.com/webhooks', (request) => POST(request));
     */
    receive(url: string, receiver: WebhookReceiver): () => void;
  };
}

/** A mock with everything but the MSW handlers (see `index.ts`); what the `iiq` CLI uses. */
export function createMockApiCore(options: MockApiOptions = {}): MockApi {
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/$/, '');
  const basePath = new URL(baseUrl).pathname.replace(/\/$/, '');
  const engine = new Engine(options);
  const receivers = new Map<string, WebhookReceiver>();
  engine.dispatcher.transport = createWebhookTransport({
    timeoutMs: parseDuration(options.deliveryTimeout ?? DEFAULT_DELIVERY_TIMEOUT_MS),
    receivers,
  });
  const journal = new RequestJournal(basePath);
  const reset = () => {
    engine.reset();
    journal.clear();
  };
  const admin = createAdmin([
    ...coreControls(engine, journal, basePath, reset),
    ...engine.controls(),
  ]);
  const handle = createPipeline(engine, { basePath, routes: engine.routes(), admin, journal });
  const settle = (timeout?: Duration) =>
    engine.dispatcher.settle(timeout === undefined ? undefined : parseDuration(timeout));
  return {
    baseUrl,
    keys: {
      ...engine.defaultKeys,
      read: { ...engine.defaultKeys.read },
      create: (input) => createKey(engine, input),
      revoke: (key) => revokeKey(engine, key),
      list: () => listKeys(engine),
    },
    fetch: createMockFetch(handle),
    handle,
    engine,
    clock: {
      now: () => new Date(engine.clock.now()),
      advance: (duration) => new Date(engine.advance(duration)),
      set: (instant) => new Date(engine.setTime(instant)),
    },
    reset,
    requests: {
      list: (query) => journal.list(query),
      subscribe: (listener) => journal.subscribe(listener),
    },
    listen: async (listenOptions) => {
      const { startMockServer } = await import('./doors/http.ts');
      // Over HTTP, POST /__mock/deliveries/settle waits for the deliveries before answering.
      return startMockServer(handle, basePath, listenOptions, (request) =>
        request.method === 'POST' && request.path === '/__mock/deliveries/settle'
          ? settle().catch(() => undefined)
          : undefined,
      );
    },
    credits: {
      get: (workspace) => getCredits(engine, workspace),
      set: (input) => setCredits(engine, input),
    },
    revokeKey: (key) => revokeKey(engine, key),
    workspaces: { create: (input) => createWorkspace(engine, input) },
    inspect: () => inspect(engine),
    faults: {
      inject: (spec) => {
        engine.faults.inject(spec, basePath);
      },
      clear: () => engine.faults.clear(),
      list: () => engine.faults.list(),
    },
    events: {
      list: (query) => eventsOf(engine, query),
      subscribe: (listener) => engine.events.subscribe(listener),
      trigger: (type, data, triggerOptions) => {
        const { event, mode } = triggerEvent(engine, type, data, triggerOptions);
        return { ...renderEvent(event), mode };
      },
    },
    deliveries: {
      list: (query) => engine.dispatcher.list(checkDeliveryQuery(query)),
      settle: (settleOptions) => settle(settleOptions?.timeout),
    },
    webhookEndpoints: {
      rotateSecret: (id, rotateOptions) =>
        rotateSecret(
          engine,
          findWebhookEndpoint(engine.tenants, id).endpoint,
          parseDuration(rotateOptions?.expiresIn ?? '24h'),
        ),
    },
    webhooks: {
      receive: (url, receiver) => {
        if (typeof receiver !== 'function') {
          throw new ControlError('receiver must be a function (request: Request) => Response');
        }
        const key = receiverKey(url);
        if (!receivers.has(key) && receivers.size >= MAX_RECEIVERS) {
          throw new ControlError(
            `at most ${MAX_RECEIVERS} in-process receivers can be registered at once`,
          );
        }
        receivers.set(key, receiver);
        return () => {
          if (receivers.get(key) === receiver) receivers.delete(key);
        };
      },
    },
  };
}
