/**
 * Cursor pagination. `list()` returns a `PagePromise`: await it for one page, or iterate it with
 * `for await` to get every item across pages. Nothing is sent until it is awaited or iterated, and
 * each next page only when the previous one is used up.
 *
 * @example
 * for await (const watchlist of iiq.watchlists.list({ limit: 100 })) console.log(watchlist.name);
 * const page = await iiq.watchlists.list();
 * if (page.hasNextPage()) await page.getNextPage();
 * const first250 = await iiq.events.list().toArray({ max: 250 });
 */

import type { RawResponse } from '../internal/transport.ts';
import { APIPromise } from './api-promise.ts';
import { IntentIQError } from './errors.ts';
import { fail } from './validate.ts';

/** The envelope of every list response. */
export interface ListEnvelope<Item> {
  data: Item[];
  has_more: boolean;
  next_cursor: string | null;
  mode?: 'test';
}

/** Fetches the page that starts at `cursor` (the first page when undefined). */
export type PageFetcher<Item> = (
  cursor: string | undefined,
) => Promise<RawResponse<ListEnvelope<Item>>>;

/** Which page depth first asked for each cursor: a cursor seen again at another depth is a loop. */
type CursorLog = Map<string, number>;

/** One page of a list. */
export class Page<Item> implements AsyncIterable<Item> {
  /** The items of this page. */
  readonly data: Item[];
  /** True when the API has more items after this page. */
  readonly hasMore: boolean;
  /** The cursor of the next page, or `null` on the last page. */
  readonly nextCursor: string | null;
  /** `'test'` when the list was read with a test key. */
  readonly mode?: 'test';
  readonly #fetch: PageFetcher<Item>;
  readonly #depth: number;
  readonly #cursors: CursorLog;

  constructor(
    body: ListEnvelope<Item>,
    fetch: PageFetcher<Item>,
    depth = 0,
    cursors: CursorLog = new Map(),
  ) {
    this.data = body.data;
    this.hasMore = body.has_more;
    this.nextCursor = body.next_cursor;
    if (body.mode !== undefined) this.mode = body.mode;
    this.#fetch = fetch;
    this.#depth = depth;
    this.#cursors = cursors;
  }

  /** True when there is a next page to fetch. */
  hasNextPage(): boolean {
    return this.hasMore && this.nextCursor !== null;
  }

  /** Fetches the next page. Throws on the last page: check `hasNextPage()` first. */
  getNextPage(): PagePromise<Item> {
    const cursor = this.nextCursor;
    if (!this.hasMore || cursor === null) {
      throw new IntentIQError(
        'This is the last page: check page.hasNextPage() before calling getNextPage().',
      );
    }
    const depth = this.#depth + 1;
    const seenAt = this.#cursors.get(cursor);
    if (seenAt !== undefined && seenAt !== depth) {
      throw new IntentIQError(
        `The API returned the cursor of page ${seenAt + 1} again on page ${depth}; stopping instead of looping forever.`,
      );
    }
    this.#cursors.set(cursor, depth);
    return new PagePromise(this.#fetch, cursor, depth, this.#cursors);
  }

  /** Every item from this page on, fetching the following pages as needed. */
  async *[Symbol.asyncIterator](): AsyncIterator<Item> {
    let page: Page<Item> = this;
    yield* page.data;
    while (page.hasNextPage()) {
      page = await page.getNextPage();
      yield* page.data;
    }
  }
}

/** A page on its way: await it for the page, or iterate it for every item across pages. */
export class PagePromise<Item> extends APIPromise<Page<Item>> implements AsyncIterable<Item> {
  constructor(
    fetch: PageFetcher<Item>,
    cursor?: string,
    depth = 0,
    cursors: CursorLog = new Map(),
  ) {
    if (cursor !== undefined && depth === 0) cursors.set(cursor, 0);
    super(
      async () => {
        const result = await fetch(cursor);
        return { response: result.response, data: new Page(result.data, fetch, depth, cursors) };
      },
      { lazy: true },
    );
  }

  /** Every page, this one first, each fetched when the loop asks for it. */
  async *pages(): AsyncGenerator<Page<Item>, void, undefined> {
    let page: Page<Item> = await (this as APIPromise<Page<Item>>);
    yield page;
    while (page.hasNextPage()) {
      page = await page.getNextPage();
      yield page;
    }
  }

  /** Every item of every page, fetching pages as the loop needs them. */
  async *[Symbol.asyncIterator](): AsyncIterator<Item> {
    for await (const page of this.pages()) yield* page.data;
  }

  /**
   * Collects items across pages into an array, stopping at `max` (required: lists can be long).
   * @example const events = await iiq.events.list({ limit: 100 }).toArray({ max: 1000 });
   */
  async toArray({ max }: { max: number }): Promise<Item[]> {
    if (!Number.isInteger(max) || max < 1) {
      fail([{ field: 'max', message: `must be a positive integer, got ${String(max)}` }]);
    }
    const items: Item[] = [];
    for await (const item of this) {
      items.push(item);
      if (items.length >= max) break;
    }
    return items;
  }
}
