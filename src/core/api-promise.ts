import type { APIResponse, RawResponse } from '../internal/transport.ts';
import { readMetadata } from './metadata.ts';

/**
 * What every method returns: a promise of the parsed body that can also give the response and its
 * metadata. The request is sent once, however the promise is consumed.
 *
 * @example
 * const score = await iiq.scores.create({ domain: 'stripe.com' });
 * const { data, requestId, rateLimit, cache } = await iiq.scores.create({ domain: 'stripe.com' }).withResponse();
 */
export class APIPromise<T> implements Promise<T> {
  readonly #run: () => Promise<RawResponse<T>>;
  #result: Promise<RawResponse<T>> | undefined;

  /**
   * @param run sends the request; called once.
   * @param lazy when true, nothing is sent until the promise is awaited (used for pages).
   */
  constructor(run: () => Promise<RawResponse<T>>, { lazy = false } = {}) {
    this.#run = run;
    if (!lazy) {
      // A call that is never awaited must not crash the process with an unhandled rejection;
      // awaiting it still throws.
      this.#start().catch(() => {});
    }
  }

  #start(): Promise<RawResponse<T>> {
    if (this.#result === undefined) {
      try {
        this.#result = this.#run();
      } catch (error) {
        this.#result = Promise.reject(error);
      }
    }
    return this.#result;
  }

  /** The parsed body with the raw `Response`, `requestId`, `rateLimit`, `cache` and `idempotencyReplayed`. */
  async withResponse(): Promise<APIResponse<T>> {
    // Parsed on demand: most calls never look at the headers.
    const { data, response } = await this.#start();
    return { data, response, ...readMetadata(response.headers) };
  }

  // biome-ignore lint/suspicious/noThenProperty: this is a promise
  then<R1 = T, R2 = never>(
    onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#start()
      .then((result) => result.data)
      .then(onFulfilled, onRejected);
  }

  catch<R = never>(onRejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.then(undefined, onRejected);
  }

  finally(onFinally?: (() => void) | null): Promise<T> {
    return this.then().finally(onFinally);
  }

  get [Symbol.toStringTag](): string {
    return 'APIPromise';
  }
}
