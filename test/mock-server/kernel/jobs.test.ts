/**
 * The async job lifecycle on the mock clock: queued for its delay, processing at its rate in ticks
 * of one virtual second, then completed or failed, with the owner's hooks called at each step.
 */
import { describe, expect, it } from 'vitest';
import { Clock } from '../../../mock-server/kernel/clock.ts';
import { type Job, type JobHooks, startJob } from '../../../mock-server/kernel/jobs.ts';
import { Scheduler } from '../../../mock-server/kernel/scheduler.ts';

const START = Date.parse('2026-05-28T14:02:11Z');

function setup() {
  const clock = new Clock(START);
  const scheduler = new Scheduler(clock);
  const advance = (ms: number) => scheduler.runUntil(clock.now() + ms);
  return { clock, scheduler, advance };
}

function recorder() {
  const calls: string[] = [];
  const hooks: JobHooks = {
    onStart: (job) => calls.push(`start ${(job.startedAt ?? 0) - START}`),
    onProgress: (_job, from, to) => calls.push(`progress ${from}-${to}`),
    onSettled: (job) => calls.push(`${job.status} ${(job.completedAt ?? 0) - START}`),
  };
  return { calls, hooks };
}

describe('startJob', () => {
  it('waits queued, then processes at its rate each second, then completes', () => {
    const { clock, scheduler, advance } = setup();
    const { calls, hooks } = recorder();
    const job = startJob(scheduler, clock, { queuedMs: 2_000, total: 12, rate: 5 }, hooks);
    expect(job).toMatchObject({ status: 'queued', processed: 0, processingMs: 3_000 });
    expect(job.expectedEnd - START).toBe(5_000);
    advance(1_999);
    expect(job.status).toBe('queued');
    advance(1);
    expect(job).toMatchObject({ status: 'processing', processed: 0 });
    advance(1_000);
    expect(job.processed).toBe(5);
    advance(1_000);
    expect(job.processed).toBe(10);
    advance(1_000);
    expect(job).toMatchObject({ status: 'completed', processed: 12 });
    expect(calls).toEqual([
      'start 2000',
      'progress 0-5',
      'progress 5-10',
      'progress 10-12',
      'completed 5000',
    ]);
    expect(scheduler.pending).toBe(0);
  });

  it('processes for at least one tick, even with nothing to do', () => {
    const { clock, scheduler, advance } = setup();
    const { calls, hooks } = recorder();
    const job = startJob(scheduler, clock, { queuedMs: 2_000, total: 0, rate: 50 }, hooks);
    advance(2_000);
    expect(job.status).toBe('processing');
    advance(1_000);
    expect(job.status).toBe('completed');
    expect(calls).toEqual(['start 2000', 'completed 3000']);
  });

  it('takes processingMs when it is given, whatever the rate', () => {
    const { clock, scheduler, advance } = setup();
    const job = startJob(scheduler, clock, {
      queuedMs: 2_000,
      total: 25,
      rate: 50,
      processingMs: 600_000,
    });
    advance(2_000 + 599_999);
    expect(job.status).toBe('processing');
    advance(1);
    expect(job).toMatchObject({ status: 'completed', processed: 25 });
    expect((job.completedAt ?? 0) - START).toBe(602_000);
  });

  it('fails instead of completing when finish returns a failure', () => {
    const { clock, scheduler, advance } = setup();
    const { calls, hooks } = recorder();
    const job = startJob(
      scheduler,
      clock,
      { queuedMs: 2_000, total: 3, rate: 50 },
      { ...hooks, finish: () => ({ code: 'no_interest_signal', message: 'Nobody.' }) },
    );
    advance(10_000);
    expect(job).toMatchObject({
      status: 'failed',
      failure: { code: 'no_interest_signal', message: 'Nobody.' },
    });
    expect(calls).toEqual(['start 2000', 'progress 0-3', 'failed 3000']);
  });

  it('stops ticking once its owner fails it, and settles only once', () => {
    const { clock, scheduler, advance } = setup();
    const { calls, hooks } = recorder();
    const job: Job = startJob(
      scheduler,
      clock,
      { queuedMs: 0, total: 100, rate: 10 },
      {
        ...hooks,
        onProgress: (current, from, to) => {
          calls.push(`progress ${from}-${to}`);
          if (to >= 20) current.fail({ code: 'stopped', message: 'Stopped at 20.' });
        },
      },
    );
    advance(60_000);
    job.fail({ code: 'again', message: 'Too late.' });
    expect(job).toMatchObject({ status: 'failed', processed: 20, failure: { code: 'stopped' } });
    expect(calls).toEqual(['start 0', 'progress 0-10', 'progress 10-20', 'failed 2000']);
    expect(scheduler.pending).toBe(0);
  });
});
