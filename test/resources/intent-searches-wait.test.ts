/**
 * `intent.searches.wait()` timing: the poll interval, the timeout and aborts, on fake timers; a
 * failed search ends the wait like a completed one.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { APIUserAbortError, IntentSearchTimeoutError, ValidationError } from '../../src/index.ts';
import { clientWith, gaps, json, settle, warmUp } from '../core/helpers.ts';
import { intentSearch } from './fixtures.ts';

beforeAll(warmUp);
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const ID = 'isr_01HZ9X7E4R5S8T3';
const processing = () => json(200, intentSearch('processing'));

describe('intent.searches.wait()', () => {
  it('polls every pollInterval, 2 s by default, until the search completes', async () => {
    const { iiq, sent } = clientWith([
      processing(),
      processing(),
      json(200, intentSearch('completed')),
    ]);
    const result = settle(iiq.intent.searches.wait(ID));
    await vi.runAllTimersAsync();
    expect(await result).toMatchObject({ status: 'completed', total_results: 25 });
    expect(gaps(sent)).toEqual([2000, 2000]);
  });

  it('resolves with a failed search and its error, which is not an exception', async () => {
    const { iiq } = clientWith([processing(), json(200, intentSearch('failed'))]);
    const result = settle(iiq.intent.searches.wait(ID, { pollInterval: 10 }));
    await vi.runAllTimersAsync();
    expect(await result).toMatchObject({
      status: 'failed',
      credits_charged: 0,
      error: { code: 'no_interest_signal' },
    });
  });

  it('rejects with IntentSearchTimeoutError carrying the last search seen after timeout', async () => {
    const { iiq, sent } = clientWith(Array.from({ length: 10 }, () => processing()));
    const result = settle(iiq.intent.searches.wait(ID, { pollInterval: 1000, timeout: 2500 }));
    await vi.runAllTimersAsync();
    const error = await result;
    expect(error).toBeInstanceOf(IntentSearchTimeoutError);
    expect(error).toMatchObject({ timeout: 2500, search: { id: ID, status: 'processing' } });
    expect((error as Error).message).toBe(
      `Intent search ${ID} is still processing after 2500 ms. The search keeps running: wait again with a longer timeout, or pass webhook_url to be told when it completes or fails.`,
    );
    expect(gaps(sent)).toEqual([1000, 1000, 500]);
  });

  it('waits 15 minutes by default, longer than search-slow.test takes', async () => {
    const { iiq } = clientWith(Array.from({ length: 20 }, () => processing()));
    const result = settle(iiq.intent.searches.wait(ID, { pollInterval: 60_000 }));
    await vi.runAllTimersAsync();
    expect(await result).toMatchObject({ timeout: 900_000 });
  });

  it('rejects with APIUserAbortError as soon as the signal aborts, mid-sleep', async () => {
    const { iiq, sent } = clientWith([processing(), processing()]);
    const controller = new AbortController();
    const result = settle(iiq.intent.searches.wait(ID, { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(500);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(await result).toBeInstanceOf(APIUserAbortError);
    await vi.runAllTimersAsync();
    expect(sent).toHaveLength(1);
  });

  it('refuses a pollInterval or timeout that is not a number of milliseconds', async () => {
    const { iiq, sent } = clientWith([]);
    const error = await settle(iiq.intent.searches.wait(ID, { timeout: -1 }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toBe('timeout must be a number of milliseconds >= 0, got -1.');
    expect(sent).toHaveLength(0);
  });
});
