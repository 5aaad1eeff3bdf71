import { describe, expect, it } from 'vitest';
import {
  createMemoryReplayStore,
  createReplayGuard,
  createTestEvent,
  DEFAULT_REPLAY_TTL_SECONDS,
  type ReplayStore,
} from '../../src/webhooks/index.ts';

describe('createReplayGuard', () => {
  it('lets an event through once, by its id, and refuses its repeats', async () => {
    const guard = createReplayGuard();
    const event = createTestEvent('account.band_changed');
    expect(await guard.claim(event)).toBe(true);
    expect(await guard.claim(event)).toBe(false);
    const retry = { ...event, delivery_attempt: 2 };
    expect(await guard.claim(retry)).toBe(false);
    expect(await guard.claim(event.id)).toBe(false);
    expect(await guard.claim(createTestEvent('account.band_changed'))).toBe(true);
  });

  it('lets a released event through again, for the retry after a failed attempt', async () => {
    const guard = createReplayGuard();
    expect(await guard.claim('evt_1')).toBe(true);
    await guard.release('evt_1');
    expect(await guard.claim('evt_1')).toBe(true);
  });

  it('remembers an id for ttl seconds: by default the 24 h of retries plus the tolerance', async () => {
    expect(DEFAULT_REPLAY_TTL_SECONDS).toBe(86_700);
    let now = 0;
    const guard = createReplayGuard({
      ttl: 60,
      store: createMemoryReplayStore({ now: () => now }),
    });
    expect(await guard.claim('evt_1')).toBe(true);
    now = 59_999;
    expect(await guard.claim('evt_1')).toBe(false);
    now = 60_000;
    expect(await guard.claim('evt_1')).toBe(true);
  });

  it('keeps its keys in the store given, prefixed, with the ttl', async () => {
    const calls: unknown[][] = [];
    const seen = new Set<string>();
    const store: ReplayStore = {
      add: async (key, ttl) => {
        calls.push(['add', key, ttl]);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      },
      delete: (key) => {
        calls.push(['delete', key]);
        seen.delete(key);
      },
    };
    const guard = createReplayGuard({ store, ttl: 600, prefix: 'hooks:' });
    await guard.claim('evt_1');
    await guard.claim('evt_1');
    await guard.release('evt_1');
    expect(calls).toEqual([
      ['add', 'hooks:evt_1', 600],
      ['add', 'hooks:evt_1', 600],
      ['delete', 'hooks:evt_1'],
    ]);
  });

  it('refuses bad options and an event without an id with a TypeError', async () => {
    for (const ttl of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => createReplayGuard({ ttl })).toThrow(
        new TypeError('ttl must be a positive number of seconds.'),
      );
    }
    expect(() => createReplayGuard({ store: {} as ReplayStore })).toThrow(TypeError);
    await expect(createReplayGuard().claim('')).rejects.toThrow(TypeError);
    await expect(createReplayGuard().claim({} as { id: string })).rejects.toThrow(TypeError);
  });
});

describe('createMemoryReplayStore', () => {
  it('holds at most maxEntries ids, forgetting the oldest first', async () => {
    const store = createMemoryReplayStore({ maxEntries: 2 });
    expect([await store.add('a', 60), await store.add('b', 60), await store.add('c', 60)]).toEqual([
      true,
      true,
      true,
    ]);
    expect(await store.add('a', 60)).toBe(true); // forgotten to make room for c
    expect(await store.add('c', 60)).toBe(false);
  });

  it('drops expired ids as new ones arrive', async () => {
    let now = 0;
    const store = createMemoryReplayStore({ maxEntries: 2, now: () => now });
    await store.add('a', 1);
    await store.add('b', 10);
    now = 5_000; // a has expired: it makes room, b stays
    expect(await store.add('c', 10)).toBe(true);
    expect(await store.add('b', 10)).toBe(false);
  });

  it('refuses a maxEntries that is not a positive integer', () => {
    expect(() => createMemoryReplayStore({ maxEntries: 0 })).toThrow(TypeError);
  });
});
