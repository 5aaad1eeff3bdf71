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

export class APIResource {
  readonly #transport: Transport;

  constructor(transport: Transport) {
    this.#transport = transport;
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
