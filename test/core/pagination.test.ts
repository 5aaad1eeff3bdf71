/**
 * Cursor pagination over three pages: one page when awaited, every item with `for await`, pages
 * with `.pages()`, a bounded array with `.toArray({ max })`; nothing fetched before it is needed.
 */
import { describe, expect, it } from 'vitest';
import { IntentIQError, Page, PagePromise, ValidationError } from '../../src/index.ts';
import { clientWith, json, settle } from './helpers.ts';

const watchlist = (n: number) => ({
  id: `wl_${n}`,
  name: `List ${n}`,
  alert_threshold: 'hot_entry',
  account_count: n,
  band_distribution: { HOT: 0, WARM: 0, COLD: 0, unscored: n },
  created_at: '2026-05-28T14:00:00Z',
  updated_at: '2026-05-28T14:00:00Z',
});

/** Three pages of two watchlists: wl_1..wl_6. */
function threePages() {
  return [
    json(200, { data: [watchlist(1), watchlist(2)], has_more: true, next_cursor: 'c2' }),
    json(200, { data: [watchlist(3), watchlist(4)], has_more: true, next_cursor: 'c3' }),
    json(200, { data: [watchlist(5), watchlist(6)], has_more: false, next_cursor: null }),
  ];
}

const queries = (sent: { url: string }[]) => sent.map((request) => new URL(request.url).search);

describe('a list', () => {
  it('sends nothing until it is awaited or iterated', async () => {
    const { iiq, sent } = clientWith(threePages());
    const list = iiq.watchlists.list({ limit: 2 });
    await new Promise((resolve) => setImmediate(resolve));
    expect(list).toBeInstanceOf(PagePromise);
    expect(sent).toHaveLength(0);
  });

  it('awaits to the first page, with hasMore, nextCursor and getNextPage()', async () => {
    const { iiq, sent } = clientWith(threePages());
    const first = await iiq.watchlists.list({ limit: 2 });
    expect(first).toBeInstanceOf(Page);
    expect(first.data.map((item) => item.id)).toEqual(['wl_1', 'wl_2']);
    expect(first).toMatchObject({ hasMore: true, nextCursor: 'c2' });
    expect(first.hasNextPage()).toBe(true);
    const second = await first.getNextPage();
    const third = await second.getNextPage();
    expect(third.data.map((item) => item.id)).toEqual(['wl_5', 'wl_6']);
    expect(third.hasNextPage()).toBe(false);
    expect(queries(sent)).toEqual(['?limit=2', '?limit=2&cursor=c2', '?limit=2&cursor=c3']);
  });

  it('iterates every item across pages with for await', async () => {
    const { iiq, sent } = clientWith(threePages());
    const ids: string[] = [];
    for await (const item of iiq.watchlists.list({ limit: 2 })) ids.push(item.id);
    expect(ids).toEqual(['wl_1', 'wl_2', 'wl_3', 'wl_4', 'wl_5', 'wl_6']);
    expect(sent).toHaveLength(3);
  });

  it('fetches the next page only when the loop reaches it', async () => {
    const { iiq, sent } = clientWith(threePages());
    for await (const item of iiq.watchlists.list({ limit: 2 })) {
      if (item.id === 'wl_3') break;
    }
    expect(sent).toHaveLength(2);
  });

  it('yields pages with .pages()', async () => {
    const { iiq } = clientWith(threePages());
    const sizes: string[][] = [];
    for await (const page of iiq.watchlists.list({ limit: 2 }).pages()) {
      sizes.push(page.data.map((item) => item.id));
    }
    expect(sizes).toEqual([
      ['wl_1', 'wl_2'],
      ['wl_3', 'wl_4'],
      ['wl_5', 'wl_6'],
    ]);
  });

  it('collects at most max items with .toArray({ max }), fetching no more pages than needed', async () => {
    const { iiq, sent } = clientWith(threePages());
    const items = await iiq.watchlists.list({ limit: 2 }).toArray({ max: 3 });
    expect(items.map((item) => item.id)).toEqual(['wl_1', 'wl_2', 'wl_3']);
    expect(sent).toHaveLength(2);
  });

  it('collects everything when max is larger than the list', async () => {
    const { iiq } = clientWith(threePages());
    expect(await iiq.watchlists.list({ limit: 2 }).toArray({ max: 100 })).toHaveLength(6);
  });

  it('iterates from a page it was given', async () => {
    const { iiq } = clientWith(threePages());
    const first = await iiq.watchlists.list({ limit: 2 });
    const ids: string[] = [];
    for await (const item of first) ids.push(item.id);
    expect(ids).toHaveLength(6);
  });

  it('gives the first page its metadata with withResponse()', async () => {
    const { iiq } = clientWith(threePages());
    const { data, requestId } = await iiq.watchlists.list({ limit: 2 }).withResponse();
    expect(data.data).toHaveLength(2);
    expect(requestId).toBe('req_01HZ9X3F7QMHN4V');
  });
});

describe('mistakes', () => {
  it('throws a clear error when getNextPage() is called on the last page', async () => {
    const { iiq } = clientWith([json(200, { data: [], has_more: false, next_cursor: null })]);
    const page = await iiq.watchlists.list();
    expect(() => page.getNextPage()).toThrow(
      new IntentIQError(
        'This is the last page: check page.hasNextPage() before calling getNextPage().',
      ),
    );
  });

  it('stops with an error instead of looping when the API repeats a cursor', async () => {
    const { iiq, sent } = clientWith([
      json(200, { data: [watchlist(1)], has_more: true, next_cursor: 'c2' }),
      json(200, { data: [watchlist(2)], has_more: true, next_cursor: 'c2' }),
    ]);
    const ids: string[] = [];
    const error = await settle(
      (async () => {
        for await (const item of iiq.watchlists.list()) ids.push(item.id);
      })(),
    );
    expect(error).toBeInstanceOf(IntentIQError);
    expect((error as Error).message).toBe(
      'The API returned the cursor of page 2 again on page 2; stopping instead of looping forever.',
    );
    expect(ids).toEqual(['wl_1', 'wl_2']);
    expect(sent).toHaveLength(2);
  });

  it('refuses toArray() without a positive max', async () => {
    const { iiq, sent } = clientWith([]);
    for (const max of [0, -1, 1.5, Number.NaN]) {
      const error = await settle(iiq.watchlists.list().toArray({ max }));
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ field: 'max' });
    }
    expect(sent).toHaveLength(0);
  });
});
