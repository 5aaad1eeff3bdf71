/**
 * The base of every resource: a resource method says method, path and parameters; this turns that
 * into an `APIPromise` (or a `PagePromise` for lists). Preparing a call (checking parameters,
 * normalising domains, encoding the path) happens inside the promise, before anything is sent, so
 * bad input rejects with a `ValidationError` and never reaches the network.
 */
import type { components } from '../generated/openapi.ts';
import type { RequestSpec, Transport } from '../internal/transport.ts';
import { schemasReady } from '../schemas/ready.ts';
import { APIPromise } from './api-promise.ts';
import { checkCallbackUrl } from './callback-url.ts';
import type { RequestOptions } from './options.ts';
import { type ListEnvelope, PagePromise } from './pagination.ts';

export type { RequestSpec, Transport };

/** An API object as a response returns it: with `mode: 'test'` when read with a test key. */
export type WithMode<T> = T & { mode?: components['schemas']['Mode'] };

/** `limit` (1 to 100, default 20) and `cursor` (the `next_cursor` of the previous page). */
export interface ListParams {
  limit?: number;
  cursor?: string;
}

/** A list call: the path, the query, and (as in `RequestSpec`) the SDK method it is. */
type ListCall = {
  path: string;
  query: Record<string, string | number | readonly string[] | undefined>;
  operation?: string;
};

/** The client's options a resource needs besides its transport. */
export interface ResourceOptions {
  /** Let webhook URLs point at loopback (the client's `allowLoopbackWebhooks`). */
  allowLoopbackWebhooks?: boolean;
}

export class APIResource {
  readonly #transport: Transport;
  readonly #allowLoopback: boolean;

  constructor(transport: Transport, options: ResourceOptions = {}) {
    this.#transport = transport;
    this.#allowLoopback = options.allowLoopbackWebhooks === true;
  }

  /**
   * Refuses, with a `ValidationError` on `field`, a URL the API would refuse to call: one that is
   * not public http(s). Calls without a URL need not wait for it (the guard loads on first use).
   */
  protected checkWebhookUrl(field: string, url: string): Promise<void> {
    return checkCallbackUrl(field, url, this.#allowLoopback);
  }

  /**
   * One call: `prepare` checks the parameters and says method, path, query and body, and the
   * `operation` (`scores.create`) that names the call in traces and middleware.
   */
  protected call<T>(
    prepare: () => RequestSpec | Promise<RequestSpec>,
    options?: RequestOptions,
  ): APIPromise<T> {
    return new APIPromise(async () => {
      await schemasReady();
      return this.#transport.send<T>(await prepare(), options);
    });
  }

  /**
   * A lazy list: `prepare` runs once, when the first page is needed (it may be async, to
   * normalise a domain filter).
   */
  protected paginate<Item>(
    prepare: () => ListCall | Promise<ListCall>,
    options?: RequestOptions,
  ): PagePromise<Item> {
    let prepared: ListCall | Promise<ListCall> | undefined;
    return new PagePromise<Item>(async (cursor) => {
      await schemasReady();
      prepared ??= prepare();
      const call = await prepared;
      const query = cursor === undefined ? call.query : { ...call.query, cursor };
      return this.#transport.send<ListEnvelope<Item>>(
        {
          method: 'GET',
          path: call.path,
          query,
          ...(call.operation ? { operation: call.operation } : {}),
        },
        options,
      );
    });
  }
}
