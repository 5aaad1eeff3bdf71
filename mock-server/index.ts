/**
 * `@vesperwise/node/mock`: the reference mock server of the IntentIQ API, stateful, over fixtures,
 * in-process or over HTTP.
 *
 * @example
 * import { createMockApi } from '@vesperwise/node/mock';
 * import { IntentIQ } from '@vesperwise/node';
 *
 * const mock = createMockApi();
 * const iiq = new IntentIQ({ apiKey: mock.keys.test, fetch: mock.fetch });
 * await iiq.scores.create({ domain: 'stripe.com' }); // { score: 94, band: 'HOT', ... }
 *
 * @module @vesperwise/node/mock
 */
import type { RequestHandler } from 'msw';
import { createMswHandlers, loadMswHttp, type MswHttp, mswCannotIntercept } from './doors/msw.ts';
import { createMockApiCore, type MockApi, type MockApiOptions } from './mock-api.ts';

export type { DeepPartial, EventQuery, TriggerOptions } from './areas/events/index.ts';
export { MAX_OUTCOMES_PER_SPACE } from './areas/outcomes/index.ts';
export { MAX_CACHED_REPORTS } from './areas/reports/index.ts';
export { PRIVACY_THRESHOLD, SYNTHETIC_SAMPLES_PER_COMPANY } from './areas/signals/index.ts';
export type { RotatedSecret } from './areas/webhook-endpoints/index.ts';
export type {
  CreatedKey,
  CreatedWorkspace,
  CreditsInput,
  KeyInput,
  MockKey,
  MockSummary,
  ModeSummary,
} from './controls.ts';
export type { ListenOptions, MockServer } from './doors/http.ts';
export type { WebhookReceiver } from './doors/webhook-transport.ts';
export { DEFAULT_SEED, DEFAULT_START, type EngineOptions } from './engine.ts';
export {
  DEFAULT_DELIVERY_TIMEOUT_MS,
  DELIVERY_RETRY_DELAYS_SECONDS,
  type DeliveryQuery,
  type DeliveryStatus,
  MAX_DELIVERY_ATTEMPTS,
  type WireDelivery as MockDelivery,
} from './events/delivery-log.ts';
export type { Duration } from './kernel/clock.ts';
export type { Fault, FaultKind, FaultSpec } from './kernel/faults.ts';
export {
  DEFAULT_BASE_URL,
  type MockApi,
  type MockApiOptions,
  type MockClock,
  type MockEvent,
  type MockKeys,
} from './mock-api.ts';
export type {
  Exchange,
  ExchangeListener,
  JournalEntry,
  JournalQuery,
} from './pipeline/journal.ts';
export { MAX_JOURNAL_BODY_BYTES, MAX_JOURNAL_ENTRIES } from './pipeline/journal.ts';
export type { MockRequest, MockResponse, TransportFault } from './pipeline/route.ts';
export type { KeyScope, Mode } from './tenancy/keys.ts';
export { PLANS, type Plan, type PlanName } from './tenancy/plans.ts';
export {
  FREE_MAIL_DOMAINS,
  MAGIC_DOMAINS,
  MAGIC_EMAILS,
  MAGIC_INTEREST_DOMAINS,
  RATE_LIMITED_RETRY_AFTER,
  SLOW_SCORE_MS,
  SLOW_SEARCH_MS,
} from './world/magic.ts';

/** A mock with MSW handlers for `setupServer(...mock.handlers)` or `setupWorker(...mock.handlers)`. */
export interface MockApiWithHandlers extends MockApi {
  /** MSW handlers answering every request to the mock's base URL (and its `/__mock/` controls). */
  readonly handlers: RequestHandler[];
}

/**
 * Creates a mock of the IntentIQ API: one per test file (or per test), sharing nothing with others.
 * `http` (msw's) is only needed in browsers, for `setupWorker(...mock.handlers)`.
 *
 * @example
 * const mock = createMockApi({ plan: 'starter' });
 * mock.clock.advance('7d'); // caches expire, jobs finish, watchlists re-score
 */
export function createMockApi(
  options: MockApiOptions & { http?: MswHttp } = {},
): MockApiWithHandlers {
  const { http, ...rest } = options;
  const core = createMockApiCore(rest);
  let handlers: RequestHandler[] | undefined;
  // Built on first access, so that msw is only loaded by those who use it.
  return Object.defineProperty(core, 'handlers', {
    enumerable: true,
    get: () => {
      handlers ??= createMswHandlers(core.handle, core.baseUrl, http ?? loadMswHttp());
      return handlers;
    },
  }) as MockApiWithHandlers;
}

/** The test runner's hooks (vitest, jest, node:test, mocha all have them). */
export interface TestHooks {
  /** Runs `fn` once before the file's tests: starts MSW. */
  beforeAll(fn: () => unknown): unknown;
  /** Runs `fn` after each test: resets the mock and MSW's runtime handlers. */
  afterEach(fn: () => unknown): unknown;
  /** Runs `fn` once after the file's tests: closes MSW. */
  afterAll(fn: () => unknown): unknown;
  /**
   * msw's `setupServer` (from `msw/node`), to intercept the global `fetch` as well. Node only: on
   * Bun and Deno, where MSW does not intercept, `installMockApi` refuses it.
   */
  setupServer?: (...handlers: RequestHandler[]) => {
    /** Starts intercepting. */
    listen(options?: { onUnhandledFrame?: 'bypass' | 'warn' | 'error' }): void;
    /** Drops handlers added during a test. */
    resetHandlers(): void;
    /** Stops intercepting. */
    close(): void;
  };
  /** What MSW does with requests the mock does not answer (default `'error'`). */
  onUnhandledFrame?: 'bypass' | 'warn' | 'error';
}

/**
 * The one-line setup for a test file: a mock that is reset after each test, and, when
 * `setupServer` is given, answers the global `fetch` through MSW.
 *
 * @example
 * import { afterAll, afterEach, beforeAll } from 'vitest';
 * import { setupServer } from 'msw/node';
 * const mock = installMockApi({ beforeAll, afterEach, afterAll, setupServer });
 */
export function installMockApi(
  hooks: TestHooks,
  options: MockApiOptions = {},
): MockApiWithHandlers {
  if (hooks.setupServer !== undefined) {
    const runtime = mswCannotIntercept();
    if (runtime !== undefined) {
      throw new Error(
        `MSW does not intercept fetch on ${runtime}, so installMockApi({ setupServer }) cannot answer your requests. Use mock.fetch instead: const mock = installMockApi({ beforeAll, afterEach, afterAll }); new IntentIQ({ apiKey: mock.keys.test, fetch: mock.fetch }).`,
      );
    }
  }
  const mock = createMockApi(options);
  const server = hooks.setupServer?.(...mock.handlers);
  hooks.beforeAll(() => server?.listen({ onUnhandledFrame: hooks.onUnhandledFrame ?? 'error' }));
  hooks.afterEach(() => {
    server?.resetHandlers();
    mock.reset();
  });
  hooks.afterAll(() => server?.close());
  return mock;
}
