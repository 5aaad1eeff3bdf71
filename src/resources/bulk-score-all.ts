/**
 * `bulk.scoreAll`: a whole CRM's worth of domains through bulk jobs of at most 1,000, with at most
 * `concurrency` jobs in flight and memory bounded by them, whatever the input's length.
 *
 * The input is read lazily, one chunk of 1,000 items at a time, only when a job slot is free. Each
 * job's `Idempotency-Key` is a SHA-256 of its content (its unique domains, `deferred` and `tag`),
 * so running the same input again within 24 hours (after a crash, a Ctrl-C, a deploy) attaches to
 * the jobs already created and paid for instead of paying again. A `429` (the workspace's job cap,
 * a rate limit) is waited out, as `Retry-After` says; other failures of a create are retried with
 * the API's backoff, then thrown.
 */
import { apexDomain } from '../core/domains.ts';
import {
  APIConnectionError,
  APIUserAbortError,
  InternalServerError,
  RateLimitError,
  ValidationError,
} from '../core/errors.ts';
import type { RequestOptions } from '../core/options.ts';
import { sleep as abortableSleep } from '../core/sleep.ts';
import type { components } from '../generated/openapi.ts';
import {
  type BulkCalls,
  isJobRunning,
  SCORE_ALL_CHUNK,
  type ScoreAllOptions,
  type ScoreAllProgress,
  type ScoreAllResult,
} from './bulk-score-all-options.ts';
import type { Score } from './scores.ts';

type Schemas = components['schemas'];
type BulkJob = Schemas['BulkJob'];

export {
  checkScoreAllOptions,
  type ScoreAllOptions,
  type ScoreAllProgress,
  type ScoreAllResult,
} from './bulk-score-all-options.ts';

interface Item {
  index: number;
  input: string;
  domain: string;
}

interface Chunk {
  items: Item[];
  domains: string[];
  key: string;
}

interface InFlight {
  chunk: Chunk;
  job: BulkJob;
}

const RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000];

function hex(bytes: ArrayBuffer): string {
  return [...new Uint8Array(bytes)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The job's `Idempotency-Key`: the same content always gives the same key. */
async function contentKey(domains: readonly string[], options: ScoreAllOptions): Promise<string> {
  const content = JSON.stringify({
    v: 1,
    domains,
    deferred: options.deferred ?? false,
    tag: options.tag ?? null,
  });
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(content));
  return `iiq-score-all-${hex(digest)}`;
}

function inputIterator(domains: Iterable<unknown> | AsyncIterable<unknown>) {
  return Symbol.asyncIterator in domains
    ? (domains as AsyncIterable<unknown>)[Symbol.asyncIterator]()
    : (domains as Iterable<unknown>)[Symbol.iterator]();
}

/** Runs `scoreAll` over the bulk resource; see `BulkResource.scoreAll`. */
export async function* runScoreAll(
  bulk: BulkCalls,
  domains: Iterable<string> | AsyncIterable<string>,
  options: ScoreAllOptions,
): AsyncGenerator<ScoreAllResult, void, undefined> {
  const concurrency = options.concurrency ?? 5;
  const pollInterval = options.pollInterval ?? (options.deferred ? 60_000 : 2_000);
  const { signal } = options;
  const wait = async (ms: number) => {
    if (options.sleep) await options.sleep(ms, signal);
    else await abortableSleep(ms, signal);
    if (signal?.aborted) throw new APIUserAbortError();
  };
  const progress: ScoreAllProgress = {
    read: 0,
    done: 0,
    jobs_in_flight: 0,
    jobs_submitted: 0,
    jobs_reused: 0,
    jobs_completed: 0,
    credits_charged: 0,
    waiting_seconds: 0,
  };
  const report = () => options.onProgress?.({ ...progress });
  const requestOptions = (extra: RequestOptions = {}): RequestOptions =>
    signal === undefined ? extra : { ...extra, signal };

  const iterator = inputIterator(domains);
  let inputDone = false;
  let invalid: ScoreAllResult[] = [];
  /** The valid items of the chunk being read; kept across a pause for the invalid ones. */
  let pending: Item[] = [];

  /**
   * The next chunk of up to 1,000 valid items, or `undefined` once the input has ended. Invalid
   * items go to `invalid`; when 1,000 of them wait to be yielded, reading pauses (`null`) so that
   * they are yielded first, and memory stays bounded however many invalid items come in a row.
   */
  const readChunk = async (): Promise<Chunk | null | undefined> => {
    while (!inputDone && pending.length < SCORE_ALL_CHUNK) {
      if (invalid.length >= SCORE_ALL_CHUNK) return null;
      const next = await iterator.next();
      if (next.done) {
        inputDone = true;
        break;
      }
      const index = progress.read++;
      const input = next.value;
      try {
        if (typeof input !== 'string') throw new TypeError('must be a string');
        pending.push({ index, input, domain: await apexDomain('domain', input) });
      } catch (error) {
        const message =
          error instanceof ValidationError
            ? (error.issues[0]?.message ?? error.message)
            : 'must be a string';
        invalid.push({ status: 'invalid', index, input: String(input), message, job_id: null });
      }
    }
    if (pending.length === 0) return undefined;
    const items = pending;
    pending = [];
    const unique = [...new Set(items.map((item) => item.domain))];
    return { items, domains: unique, key: await contentKey(unique, options) };
  };

  /** Creates (or attaches to) the chunk's job; a 429 comes back as the seconds to wait. */
  const submit = async (chunk: Chunk): Promise<BulkJob | number> => {
    for (let attempt = 0; ; attempt++) {
      try {
        const { data, idempotencyReplayed } = await bulk
          .create(
            {
              domains: chunk.domains,
              ...(options.deferred === undefined ? {} : { deferred: options.deferred }),
              ...(options.tag === undefined ? {} : { tag: options.tag }),
            },
            requestOptions({ idempotencyKey: chunk.key, maxRetries: 0 }),
          )
          .withResponse();
        progress.jobs_submitted++;
        if (idempotencyReplayed) progress.jobs_reused++;
        else progress.credits_charged += data.credits_charged;
        return data;
      } catch (error) {
        if (error instanceof RateLimitError) return Math.max(1, error.retryAfter ?? 1);
        const transient =
          error instanceof InternalServerError || error instanceof APIConnectionError;
        const delay = RETRY_DELAYS_MS[attempt];
        if (!transient || delay === undefined) throw error;
        await wait(delay);
      }
    }
  };

  /** Every result of a completed job, one per item of its chunk, in input order. */
  const resultsOf = async (flight: InFlight): Promise<ScoreAllResult[]> => {
    const scores = new Map<string, Score>();
    for await (const score of bulk.results(flight.job.id, { limit: 100 }, requestOptions())) {
      scores.set(score.domain, score);
    }
    const unscorable = new Map(flight.job.unscorable.map((entry) => [entry.domain, entry]));
    return flight.chunk.items.map(({ index, input, domain }): ScoreAllResult => {
      const score = scores.get(domain);
      const job_id = flight.job.id;
      if (score !== undefined) return { status: 'scored', index, input, domain, score, job_id };
      const reason = unscorable.get(domain);
      return {
        status: 'unscorable',
        index,
        input,
        domain,
        code: reason?.code ?? 'unscorable_domain',
        message: reason?.message ?? 'The job returned no score for this domain.',
        job_id,
      };
    });
  };

  const inFlight: InFlight[] = [];
  let waiting: Chunk | undefined;
  let waitLeftMs = 0;

  const flush = function* (): Generator<ScoreAllResult> {
    const out = invalid;
    invalid = [];
    for (const result of out) {
      progress.done++;
      yield result;
    }
  };

  try {
    yield* loop();
  } finally {
    // The caller stopped early (break, an error): let a generator given as input clean up.
    await iterator.return?.();
  }

  async function* loop(): AsyncGenerator<ScoreAllResult, void, undefined> {
    for (;;) {
      if (signal?.aborted) throw new APIUserAbortError();
      // Fill the free slots, unless the API asked to wait for one.
      while (inFlight.length < concurrency && waitLeftMs <= 0) {
        const chunk = waiting ?? (await readChunk());
        waiting = undefined;
        yield* flush();
        if (chunk === null) continue;
        if (chunk === undefined) break;
        const outcome = await submit(chunk);
        if (typeof outcome === 'number') {
          waiting = chunk;
          waitLeftMs = outcome * 1_000;
          break;
        }
        inFlight.push({ chunk, job: outcome });
        progress.jobs_in_flight = inFlight.length;
        report();
      }
      progress.waiting_seconds = waitLeftMs > 0 ? Math.ceil(waitLeftMs / 1_000) : 0;
      if (inFlight.length === 0) {
        if (waiting === undefined && inputDone) {
          yield* flush();
          report();
          return;
        }
        // Nothing of ours is running: wait out the 429, then try again.
        report();
        await wait(waitLeftMs);
        waitLeftMs = 0;
        continue;
      }

      // Poll the jobs in flight; yield the results of every completed one.
      const polled = await Promise.all(
        inFlight.map((flight) => bulk.retrieve(flight.job.id, requestOptions())),
      );
      let completed = 0;
      for (let i = inFlight.length - 1; i >= 0; i--) {
        const job = polled[i] as BulkJob;
        const flight = inFlight[i] as InFlight;
        flight.job = job;
        if (isJobRunning(job)) continue;
        inFlight.splice(i, 1);
        completed++;
        for (const result of await resultsOf(flight)) {
          progress.done++;
          yield result;
        }
        progress.jobs_completed++;
        progress.jobs_in_flight = inFlight.length;
      }
      report();
      if (completed > 0) {
        // A slot of the workspace is free again: a job waiting on a 429 may go now.
        waitLeftMs = 0;
      } else {
        const ms = waitLeftMs > 0 ? Math.min(pollInterval, waitLeftMs) : pollInterval;
        await wait(ms);
        waitLeftMs -= ms;
      }
    }
  }
}
