/**
 * The caller's signal and the per-attempt timeout: an abort stops a call at once, even in the
 * middle of a backoff wait; a timeout abandons an attempt and retries it.
 */
import { getEventListeners } from 'node:events';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { APITimeoutError, APIUserAbortError, IntentIQ } from '../../src/index.ts';
import {
  apiError,
  clientWith,
  gaps,
  hang,
  ok,
  SCORE,
  settle,
  TEST_KEY,
  warmUp,
} from './helpers.ts';

beforeAll(warmUp);
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('abort', () => {
  it('rejects with APIUserAbortError during a backoff wait, without waiting for it to end', async () => {
    const { iiq, sent } = clientWith([apiError(503, 'internal_error'), ok()]);
    const controller = new AbortController();
    const result = settle(iiq.account.retrieve({ signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(400); // inside the 1 s wait before attempt 2
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    const error = await result;
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(error).toMatchObject({ attempts: 1 });
    await vi.runAllTimersAsync();
    expect(sent).toHaveLength(1);
  });

  it('aborts an attempt in flight', async () => {
    const { iiq, sent } = clientWith([hang]);
    const controller = new AbortController();
    const result = settle(
      iiq.scores.create({ domain: 'stripe.com' }, { signal: controller.signal }),
    );
    await vi.advanceTimersByTimeAsync(50);
    controller.abort();
    const error = await result;
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(error).toMatchObject({ attempts: 1, message: 'The request was aborted by its signal.' });
    expect(sent).toHaveLength(1);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const { iiq, sent } = clientWith([ok()]);
    const error = await settle(iiq.account.retrieve({ signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(sent).toHaveLength(0);
  });

  it('leaves no listener on a signal shared by many calls', async () => {
    vi.useRealTimers();
    const controller = new AbortController();
    const fetch = async () => ok();
    const iiq = new IntentIQ({ apiKey: TEST_KEY, fetch, logLevel: 'off' });
    for (let call = 0; call < 50; call++) {
      await iiq.scores.retrieve('scr_01HZ9X3F7QMHN4T', { signal: controller.signal });
    }
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});

describe('per-attempt timeout', () => {
  it('abandons each attempt after `timeout` ms, retries, then throws APITimeoutError', async () => {
    const { iiq, sent } = clientWith([hang, hang, hang, hang, hang], { timeout: 1000 });
    const result = settle(iiq.account.retrieve());
    await vi.runAllTimersAsync();
    const error = await result;
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(error).toMatchObject({
      attempts: 5,
      message:
        'GET /account timed out after 1000 ms, on each of 5 attempts. Raise the timeout option, or check your network.',
    });
    // Each gap is the 1 s timeout plus the backoff wait.
    expect(gaps(sent)).toEqual([2000, 3000, 5000, 9000]);
  });

  it('succeeds when an attempt after a timeout answers', async () => {
    const { iiq, sent } = clientWith([hang, ok()], { timeout: 5000 });
    const result = settle(iiq.scores.retrieve('scr_01HZ9X3F7QMHN4T'));
    await vi.runAllTimersAsync();
    expect(await result).toEqual(SCORE);
    expect(gaps(sent)).toEqual([6000]);
  });

  it('takes a per-call timeout over the client one', async () => {
    const { iiq, sent } = clientWith([hang, hang], { timeout: 30_000, maxRetries: 1 });
    const result = settle(iiq.account.retrieve({ timeout: 250 }));
    await vi.runAllTimersAsync();
    expect(await result).toBeInstanceOf(APITimeoutError);
    expect(gaps(sent)).toEqual([1250]);
  });
});
