import type { APIPromise } from '../core/api-promise.ts';
import { apexDomain } from '../core/domains.ts';
import { IntentSearchTimeoutError } from '../core/errors.ts';
import type { RequestOptions } from '../core/options.ts';
import type { PagePromise } from '../core/pagination.ts';
import { path } from '../core/path.ts';
import { pollUntilOver } from '../core/poll.ts';
import {
  APIResource,
  type ListParams,
  type ResourceOptions,
  type Transport,
  type WithMode,
} from '../core/resource.ts';
import { parseParams } from '../core/validate.ts';
import type { components } from '../generated/openapi.ts';
import { IntentSearchCreateParamsSchema, ListParamsSchema } from '../schemas/params.ts';

type Schemas = components['schemas'];

/**
 * An asynchronous search for people who showed interest in products like `interest_domain`'s,
 * ranked by fit with the ideal customer profile of `icp_domain`.
 */
export type IntentSearch = Schemas['IntentSearch'];
/** `queued`, `processing`, then `completed` or `failed`. */
export type IntentSearchStatus = Schemas['IntentSearchStatus'];
/** Why a search failed: `no_interest_signal` or `insufficient_credits`, and a message. */
export type IntentSearchError = Schemas['IntentSearchError'];
/** A person a search found, with their rank, fit score and why. */
export type IntentPerson = Schemas['IntentPerson'];
/** Parameters of `intent.searches.create`. */
export type IntentSearchCreateParams = Schemas['IntentSearchCreateParams'];

/** Options of `intent.searches.wait` and `intent.searches.createAndWait`. */
export interface IntentSearchWaitOptions {
  /** Milliseconds between polls. Default 2000. */
  pollInterval?: number;
  /**
   * Milliseconds to wait before rejecting with `IntentSearchTimeoutError` (the search keeps
   * running). Default 15 minutes.
   */
  timeout?: number;
  /** Stops waiting at once, with `APIUserAbortError`. */
  signal?: AbortSignal;
  /** Called with the search after each poll. */
  onProgress?: (search: WithMode<IntentSearch>) => void;
}

const DEFAULT_TIMEOUT = 15 * 60_000;

function isRunning(search: IntentSearch): boolean {
  return search.status === 'queued' || search.status === 'processing';
}

/** Intent searches: people who showed interest in products like yours, ranked by fit. */
export class IntentSearchesResource extends APIResource {
  /**
   * Starts a search. Both domains are normalised to their apex. Billed per person found (10
   * credits, 5 with `lite`) when it completes; a live key must hold enough credits for
   * `max_results` people when it submits.
   * @example const search = await iiq.intent.searches.create({ interest_domain: 'gong.io', icp_domain: 'hubspot.com' });
   */
  create(
    params: IntentSearchCreateParams,
    options?: RequestOptions,
  ): APIPromise<WithMode<IntentSearch>> {
    return this.call(async () => {
      const body = parseParams(IntentSearchCreateParamsSchema, params);
      const interest_domain = await apexDomain('interest_domain', body.interest_domain);
      const icp_domain = await apexDomain('icp_domain', body.icp_domain);
      if (body.webhook_url) await this.checkWebhookUrl('webhook_url', body.webhook_url);
      return {
        operation: 'intent.searches.create',
        method: 'POST',
        path: '/intent/searches',
        body: { ...body, interest_domain, icp_domain },
      };
    }, options);
  }

  /** A search's status, and once completed how many people it found and what it cost. */
  retrieve(id: string, options?: RequestOptions): APIPromise<WithMode<IntentSearch>> {
    return this.call(
      () => ({
        operation: 'intent.searches.retrieve',
        method: 'GET',
        path: path`/intent/searches/${id}`,
      }),
      options,
    );
  }

  /** The workspace's searches, newest first. */
  list(params: ListParams = {}, options?: RequestOptions): PagePromise<IntentSearch> {
    return this.paginate(
      () => ({
        operation: 'intent.searches.list',
        path: '/intent/searches',
        query: parseParams(ListParamsSchema, params),
      }),
      options,
    );
  }

  /**
   * The people a completed search found, in rank order (the best fit first). Before the search
   * completes, or for a failed one, the first page rejects with `InvalidRequestError` on `id`.
   * @example for await (const person of iiq.intent.searches.results(search.id)) console.log(person.rank, person.name);
   */
  results(
    id: string,
    params: ListParams = {},
    options?: RequestOptions,
  ): PagePromise<IntentPerson> {
    return this.paginate(
      () => ({
        operation: 'intent.searches.results',
        path: path`/intent/searches/${id}/results`,
        query: parseParams(ListParamsSchema, params),
      }),
      options,
    );
  }

  /**
   * Polls a search until it is over and resolves with it: `completed`, or `failed` (with its
   * `error`; nothing was charged). Rejects with `IntentSearchTimeoutError` after `timeout`, or
   * `APIUserAbortError` as soon as `signal` aborts.
   * @example const search = await iiq.intent.searches.wait(id, { pollInterval: 5000 });
   */
  wait(id: string, options: IntentSearchWaitOptions = {}): Promise<WithMode<IntentSearch>> {
    return pollUntilOver(options, {
      retrieve: (signal) => this.retrieve(id, signal ? { signal } : undefined),
      running: isRunning,
      defaultTimeout: () => DEFAULT_TIMEOUT,
      timedOut: (search, timeout) => new IntentSearchTimeoutError(search, timeout),
    });
  }

  /**
   * Starts a search and waits until it is over.
   * @example const search = await iiq.intent.searches.createAndWait({ interest_domain: 'gong.io', icp_domain: 'hubspot.com' });
   */
  async createAndWait(
    params: IntentSearchCreateParams,
    options: IntentSearchWaitOptions & RequestOptions = {},
  ): Promise<WithMode<IntentSearch>> {
    const { pollInterval, timeout, onProgress, ...request } = options;
    const search = await this.create(params, request);
    if (!isRunning(search)) return search;
    return this.wait(search.id, { pollInterval, timeout, onProgress, signal: options.signal });
  }
}

/** Intent data about people: `intent.searches`. */
export class IntentResource extends APIResource {
  /** People who showed interest in products like yours, ranked by fit with your ICP. */
  readonly searches: IntentSearchesResource;

  constructor(transport: Transport, options: ResourceOptions = {}) {
    super(transport, options);
    this.searches = new IntentSearchesResource(transport, options);
  }
}
