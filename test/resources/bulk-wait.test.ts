/**
 * `bulk.wait()` timing: the poll interval, the timeout (longer for deferred jobs) and aborts, on
 * fake timers.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { APIUserAbortError, type BulkJob, BulkJobTimeoutError } from '../../src/index.ts';
import { clientWith, gaps, json, settle, warmUp } from '../core/helpers.ts';
import { bulkJob } from './fixtures.ts';

beforeAll(warmUp);
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const JOB = 'job_01HZ9X4B2W8K7R1';
const running = (job: Partial<BulkJob> = {}) => json(200, { ...bulkJob('running', 1), ...job });

describe('bulk.wait()', () => {
  it('polls every pollInterval, 2 s by default', async () => {
    const { iiq, sent } = clientWith([running(), running(), json(200, bulkJob('completed', 3))]);
    const result = settle(iiq.bulk.wait(JOB));
    await vi.runAllTimersAsync();
    expect(await result).toMatchObject({ status: 'completed' });
    expect(gaps(sent)).toEqual([2000, 2000]);
  });

  it('rejects with BulkJobTimeoutError carrying the last job seen after timeout', async () => {
    const { iiq, sent } = clientWith(Array.from({ length: 10 }, () => running()));
    const result = settle(iiq.bulk.wait(JOB, { pollInterval: 1000, timeout: 2500 }));
    await vi.runAllTimersAsync();
    const error = await result;
    expect(error).toBeInstanceOf(BulkJobTimeoutError);
    expect(error).toMatchObject({ timeout: 2500, job: { id: JOB, status: 'running' } });
    expect((error as Error).message).toBe(
      `Bulk job ${JOB} is still running after 2500 ms (1 of 3 domains processed). The job keeps running: wait again with a longer timeout, or pass webhook_url to be told when it completes.`,
    );
    // Polls at 0, 1000, 2000, then one last time at the deadline.
    expect(gaps(sent)).toEqual([1000, 1000, 500]);
  });

  it('waits 10 minutes by default, and 8 h 30 min for a deferred job', async () => {
    const normal = clientWith(Array.from({ length: 20 }, () => running()));
    const first = settle(normal.iiq.bulk.wait(JOB, { pollInterval: 60_000 }));
    await vi.runAllTimersAsync();
    expect(await first).toMatchObject({ timeout: 600_000 });

    const deferred = clientWith(Array.from({ length: 20 }, () => running({ deferred: true })));
    const second = settle(deferred.iiq.bulk.wait(JOB, { pollInterval: 3_600_000 }));
    await vi.runAllTimersAsync();
    expect(await second).toMatchObject({ timeout: 30_600_000 });
  });

  it('rejects with APIUserAbortError as soon as the signal aborts, mid-sleep', async () => {
    const { iiq, sent } = clientWith([running(), running()]);
    const controller = new AbortController();
    const result = settle(iiq.bulk.wait(JOB, { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(500);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(await result).toBeInstanceOf(APIUserAbortError);
    await vi.runAllTimersAsync();
    expect(sent).toHaveLength(1);
  });

  it('returns a job in a state it does not know instead of polling forever', async () => {
    const { iiq } = clientWith([json(200, { ...bulkJob('running'), status: 'failed' })]);
    expect(await iiq.bulk.wait(JOB)).toMatchObject({ status: 'failed' });
  });
});
