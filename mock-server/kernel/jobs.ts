/**
 * Asynchronous jobs on virtual time: `queued`, then `processing`, then `completed` or `failed`,
 * with progress. A job waits `queuedMs`, then works through `total` units at `rate` units per
 * virtual second, in ticks of one virtual second (so `processing` lasts at least one tick, even
 * with nothing to do). The kernel knows nothing of what the units are: the area that owns a job
 * says what a tick does (`onProgress`), may fail the job at any step (`job.fail`), gets a last word
 * before it completes (`finish`, which may fail it too), and is told once it is over (`onSettled`).
 *
 * A mock's reset clears the scheduler, and with it every job's next step.
 */
import type { Clock } from './clock.ts';
import type { Scheduler } from './scheduler.ts';

export type JobStatus = 'queued' | 'processing' | 'completed' | 'failed';

/** Why a job failed, in the API's words. */
export interface JobFailure {
  code: string;
  message: string;
}

/** How long a job waits and how fast it works. */
export interface JobPlan {
  /** Virtual milliseconds the job waits `queued`. */
  queuedMs: number;
  /** Units of work: people to find, domains to score. */
  total: number;
  /** Units done per virtual second. */
  rate: number;
  /** Virtual milliseconds of processing, when not `total / rate` (rounded up to whole ticks). */
  processingMs?: number;
}

/** What the owner of a job is told, and may decide. */
export interface JobHooks {
  /** Processing started. The owner may fail the job here. */
  onStart?(job: Job): void;
  /** Units `from` (included) to `to` (excluded) were done at this tick. The owner may fail the job. */
  onProgress?(job: Job, from: number, to: number): void;
  /** Every unit is done; return a failure to fail the job instead of completing it. */
  finish?(job: Job): JobFailure | undefined;
  /** The job is over: `completed` or `failed`, with `completedAt` set. Called once. */
  onSettled?(job: Job): void;
}

export const TICK_MS = 1_000;

/** Whole seconds, at least 1, until the first of `jobs` is over: a `Retry-After`, a "ready in". */
export function secondsUntilEnd(jobs: readonly Job[], now: number): number {
  const firstEnd = Math.min(...jobs.map((job) => job.expectedEnd));
  return Math.max(1, Math.ceil((firstEnd - now) / 1_000));
}

/** One job's lifecycle. Its owner reads it and renders it; only `startJob` and `fail` change it. */
export class Job {
  status: JobStatus = 'queued';
  readonly createdAt: number;
  /** When processing starts. */
  readonly startsAt: number;
  /** Virtual milliseconds of processing, a whole number of ticks. */
  readonly processingMs: number;
  readonly total: number;
  /** Units done so far. */
  processed = 0;
  startedAt: number | null = null;
  /** When the job completed or failed. */
  completedAt: number | null = null;
  failure: JobFailure | null = null;
  readonly #clock: Clock;
  readonly #rate: number;
  readonly #hooks: JobHooks;

  constructor(clock: Clock, plan: JobPlan, hooks: JobHooks) {
    this.#clock = clock;
    this.#rate = plan.rate;
    this.#hooks = hooks;
    this.createdAt = clock.now();
    this.startsAt = this.createdAt + plan.queuedMs;
    this.total = plan.total;
    const nominal =
      plan.processingMs ?? (plan.rate > 0 ? (plan.total / plan.rate) * 1_000 : TICK_MS);
    this.processingMs = Math.max(TICK_MS, Math.ceil(nominal / TICK_MS) * TICK_MS);
  }

  /** Whether the job is still queued or processing. */
  get active(): boolean {
    return this.status === 'queued' || this.status === 'processing';
  }

  /** When the job will be over, if nothing fails it sooner. */
  get expectedEnd(): number {
    return (this.startedAt ?? this.startsAt) + this.processingMs;
  }

  /** Fails the job now (nothing happens once it is over). */
  fail(failure: JobFailure): void {
    if (!this.active) return;
    this.failure = failure;
    this.#settle('failed');
  }

  /** Moves the job to `processing` (called by `startJob` when it is due). */
  start(): void {
    this.status = 'processing';
    this.startedAt = this.#clock.now();
    this.#hooks.onStart?.(this);
  }

  /** Does the work due now (called by `startJob` every tick); returns whether more is to come. */
  tick(): boolean {
    if (!this.active || this.startedAt === null) return false;
    const elapsed = this.#clock.now() - this.startedAt;
    const done = elapsed >= this.processingMs;
    const due = Math.floor((this.#rate * elapsed) / 1_000);
    const to = done ? this.total : Math.min(this.total, due);
    if (to > this.processed) {
      const from = this.processed;
      this.processed = to;
      this.#hooks.onProgress?.(this, from, to);
    }
    if (!this.active) return false;
    if (!done) return true;
    const failure = this.#hooks.finish?.(this);
    if (failure !== undefined) this.fail(failure);
    else this.#settle('completed');
    return false;
  }

  #settle(status: 'completed' | 'failed'): void {
    this.status = status;
    this.completedAt = this.#clock.now();
    this.#hooks.onSettled?.(this);
  }
}

/**
 * Queues a job on the scheduler and returns it. It starts after `plan.queuedMs`, then ticks every
 * virtual second until it is over.
 *
 * @example
 * const job = startJob(ctx.scheduler, ctx.clock, { queuedMs: 2_000, total: 25, rate: 50 }, {
 *   onSettled: (done) => ctx.events.record(space, 'intent_search.completed', render(done)),
 * });
 */
export function startJob(
  scheduler: Scheduler,
  clock: Clock,
  plan: JobPlan,
  hooks: JobHooks = {},
): Job {
  const job = new Job(clock, plan, hooks);
  scheduler.at(job.startsAt, () => {
    job.start();
    const started = clock.now();
    let ticks = 0;
    const step = () => {
      ticks++;
      if (job.tick()) scheduler.at(started + (ticks + 1) * TICK_MS, step);
    };
    if (job.active) scheduler.at(started + TICK_MS, step);
  });
  return job;
}
