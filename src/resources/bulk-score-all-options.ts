/**
 * The options, progress and results of `bulk.scoreAll` (`bulk-score-all.ts` runs it), and the
 * check of its options, made before anything is read or sent.
 */
import type { APIPromise } from '../core/api-promise.ts';
import type { RequestOptions } from '../core/options.ts';
import type { PagePromise } from '../core/pagination.ts';
import type { ListParams, WithMode } from '../core/resource.ts';
import { fail } from '../core/validate.ts';
import type { components } from '../generated/openapi.ts';
import type { Score } from './scores.ts';

type Schemas = components['schemas'];
type BulkJob = Schemas['BulkJob'];

/** Whether a job is still queued or running (any other state is final: today, completed). */
export function isJobRunning(job: Pick<BulkJob, 'status'>): boolean {
  return job.status === 'queued' || job.status === 'running';
}

/** The most jobs `scoreAll` keeps in flight: the API's cap of concurrent jobs per workspace. */
export const MAX_SCORE_ALL_CONCURRENCY = 10;
/** Domains per job (the API's limit). */
export const SCORE_ALL_CHUNK = 1_000;

/** Options of `bulk.scoreAll`. */
export interface ScoreAllOptions {
  /** Jobs in flight at once, 1 to 10 (the API's cap per workspace). Default 5. */
  concurrency?: number;
  /** Run every job in the overnight window for half the credits (results within 8 hours). */
  deferred?: boolean;
  /**
   * A label on every job (at most 255 characters). It is part of each job's content, so a new
   * `tag` starts a new run instead of attaching to the jobs of the last 24 hours.
   */
  tag?: string;
  /** Stops the run at once, with `APIUserAbortError`; the jobs keep running on the API. */
  signal?: AbortSignal;
  /** Called whenever the run moves: a job created, a poll, a job's results yielded. */
  onProgress?: (progress: ScoreAllProgress) => void;
  /** Milliseconds between polls of the jobs in flight. Default 2,000 (60,000 when `deferred`). */
  pollInterval?: number;
  /**
   * How to wait between polls and on a `429` (default: a real, abortable timer). Tests against
   * the mock can move its clock instead: `sleep: (ms) => { mock.clock.advance(ms); }`.
   */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void> | void;
}

/** How far a `scoreAll` run is. */
export interface ScoreAllProgress {
  /** Input items read so far. */
  read: number;
  /** Results yielded so far (one per input item). */
  done: number;
  /** Jobs created (or attached to) and not yet yielded. */
  jobs_in_flight: number;
  /** Jobs created or attached to in this run. */
  jobs_submitted: number;
  /** Of those, jobs an earlier run had created and paid for (their `Idempotency-Key` replayed). */
  jobs_reused: number;
  /** Jobs whose results were all yielded. */
  jobs_completed: number;
  /** Credits this run's new jobs were charged (0 for reused jobs, and in test mode). */
  credits_charged: number;
  /** Seconds the run is waiting for a job slot (a `429`), or 0. */
  waiting_seconds: number;
}

/** One result per input item, in the order of its job's input. */
export type ScoreAllResult =
  | {
      status: 'scored';
      /** The item's position in the input, from 0. */
      index: number;
      /** The item as given. */
      input: string;
      /** Its apex domain. */
      domain: string;
      score: Score;
      job_id: string;
    }
  | {
      status: 'unscorable';
      index: number;
      input: string;
      domain: string;
      code: Schemas['UnscorableDomain']['code'];
      message: string;
      job_id: string;
    }
  | {
      /** Not a domain: never sent, never billed. */
      status: 'invalid';
      index: number;
      input: string;
      message: string;
      job_id: null;
    };

/** What `scoreAll` needs of the bulk resource. */
export interface BulkCalls {
  create(
    params: Schemas['BulkJobCreateParams'],
    options?: RequestOptions,
  ): APIPromise<WithMode<BulkJob>>;
  retrieve(id: string, options?: RequestOptions): APIPromise<WithMode<BulkJob>>;
  results(id: string, params?: ListParams, options?: RequestOptions): PagePromise<Score>;
}

/** Checks the options now, so that a bad call throws before anything is read or sent. */
export function checkScoreAllOptions(domains: unknown, options: ScoreAllOptions): void {
  const issues: { field: string; message: string }[] = [];
  const iterable =
    domains !== null &&
    typeof domains === 'object' &&
    (Symbol.iterator in domains || Symbol.asyncIterator in domains);
  if (!iterable) {
    issues.push({
      field: 'domains',
      message: 'must be an iterable or async iterable of domains (an array, a generator, a stream)',
    });
  }
  const { concurrency, tag, pollInterval } = options;
  if (
    concurrency !== undefined &&
    !(Number.isInteger(concurrency) && concurrency >= 1 && concurrency <= MAX_SCORE_ALL_CONCURRENCY)
  ) {
    issues.push({
      field: 'concurrency',
      message: `must be an integer from 1 to ${MAX_SCORE_ALL_CONCURRENCY}`,
    });
  }
  if (tag !== undefined && (typeof tag !== 'string' || tag.length > 255)) {
    issues.push({ field: 'tag', message: 'must be a string of at most 255 characters' });
  }
  if (pollInterval !== undefined && !(Number.isFinite(pollInterval) && pollInterval >= 0)) {
    issues.push({ field: 'pollInterval', message: 'must be a number of milliseconds >= 0' });
  }
  if (options.deferred !== undefined && typeof options.deferred !== 'boolean') {
    issues.push({ field: 'deferred', message: 'must be a boolean' });
  }
  if (issues.length > 0) fail(issues);
}
