/**
 * A hook on every response the pipeline produces, for the contract test that checks them against
 * `openapi.yaml`. Costs one comparison per request when nothing observes.
 */
import type { MockRequest, MockResponse, Route } from './types.ts';

export interface Exchange {
  readonly request: MockRequest;
  /** The route that answered; null when no route matched (an unknown path or method). */
  readonly route: Pick<Route, 'method' | 'path' | 'operation'> | null;
  readonly response: MockResponse;
  /** `/__mock/` admin responses are not part of the API. */
  readonly admin: boolean;
  /** A response forced by fault injection. */
  readonly injected: boolean;
}

export type ResponseObserver = (exchange: Exchange) => void;

let current: ResponseObserver | undefined;

/** Sets (or, with undefined, removes) the observer of every mock response in this process. */
export function observeResponses(observer: ResponseObserver | undefined): void {
  current = observer;
}

export function observer(): ResponseObserver | undefined {
  return current;
}
