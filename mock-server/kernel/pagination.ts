/**
 * Cursor pagination over a list already in its final order. The cursor is an opaque token naming
 * the last item of the previous page, so a page stays correct when newer items arrive in between.
 */
import { invalidRequest } from './errors.ts';

export const DEFAULT_LIMIT = 20;

export interface Page<T> {
  data: T[];
  has_more: boolean;
  next_cursor: string | null;
}

function encode(key: string): string {
  return btoa(key).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

function decode(cursor: string): string | undefined {
  try {
    return atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return undefined;
  }
}

/** One page of `items` after `cursor`, `limit` long. `keyOf` gives each item a stable, unique key. */
export function paginate<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  options: { limit?: number; cursor?: string },
): Page<T> {
  const limit = options.limit ?? DEFAULT_LIMIT;
  let start = 0;
  if (options.cursor !== undefined) {
    const key = decode(options.cursor);
    const index = key === undefined ? -1 : items.findIndex((item) => keyOf(item) === key);
    if (index < 0) {
      throw invalidRequest(
        'cursor',
        'cursor does not point into this list (it may come from another list, or its item was deleted). Start again without a cursor.',
      );
    }
    start = index + 1;
  }
  const data = items.slice(start, start + limit);
  const hasMore = start + limit < items.length;
  const last = data[data.length - 1];
  return {
    data,
    has_more: hasMore,
    next_cursor: hasMore && last !== undefined ? encode(keyOf(last)) : null,
  };
}
