import type { APIPromise } from '../core/api-promise.ts';
import { apexDomains } from '../core/domains.ts';
import { BulkJobTimeoutError } from '../core/errors.ts';
import type { RequestOptions } from '../core/options.ts';
import type { PagePromise } from '../core/pagination.ts';
import { path } from '../core/path.ts';
import { pollUntilOver } from '../core/poll.ts';
import { APIResource, type ListParams, type WithMode } from '../core/resource.ts';
import { parseParams } from '../core/validate.ts';
import type { components } from '../generated/openapi.ts';
import {
  BulkJobCreateParamsSchema,
  BulkJobCsvParamsSchema,
  ListParamsSchema,
} from '../schemas/params.ts';
import { type CsvFile, csvForm } from './bulk-csv.ts';
import {
  checkScoreAllOptions,
  runScoreAll,
  type ScoreAllOptions,
  type ScoreAllResult,
} from './bulk-score-all.ts';
import { isJobRunning } from './bulk-score-all-options.ts';
import type { Score } from './scores.ts';

type Schemas = components['schemas'];

/** An asynchronous job scoring up to 1,000 domains. */
export type BulkJob = Schemas['BulkJob'];
/** `queued`, `running` or `completed`. */
export type BulkJobStatus = Schemas['BulkJobStatus'];
/** A domain of a bulk job that could not be scored, and why. */
export type UnscorableDomain = Schemas['UnscorableDomain'];
/** Parameters of `bulk.create`. */
export type BulkJobCreateParams = Schemas['BulkJobCreateParams'];
/** Parameters of `bulk.createFromCsv`, beside the file. */
export type BulkJobCsvParams = Omit<Schemas['BulkJobCsvCreateParams'], 'file'>;
/** A row of an uploaded CSV file whose domain is not valid: not scored, not billed. */
export type RejectedRow = Schemas['RejectedRow'];

/** Options of `bulk.wait` and `bulk.createAndWait`. */
export interface BulkWaitOptions {
  /** Milliseconds between polls. Default 2000. */
  pollInterval?: number;
  /**
   * Milliseconds to wait before rejecting with `BulkJobTimeoutError` (the job keeps running).
   * Default 10 minutes, or 8 h 30 min for a `deferred` job (those finish within 8 hours).
   */
  timeout?: number;
  /** Stops waiting at once, with `APIUserAbortError`. */
  signal?: AbortSignal;
  /** Called with the job after each poll. */
  onProgress?: (job: WithMode<BulkJob>) => void;
}

const MINUTE = 60_000;

/** Score up to 1,000 domains in one asynchronous job. */
export class BulkResource extends APIResource {
  /**
   * Queues a job. Domains are normalised to their apex and de-duplicated (first occurrence kept)
   * before they are sent, so `domains_submitted` counts unique domains.
   * @example const job = await iiq.bulk.create({ domains: ['stripe.com', 'notion.so'], tag: 'q3' });
   */
  create(params: BulkJobCreateParams, options?: RequestOptions): APIPromise<WithMode<BulkJob>> {
    return this.call(async () => {
      const body = parseParams(BulkJobCreateParamsSchema, params);
      const domains = await apexDomains('domains', body.domains);
      if (body.webhook_url) await this.checkWebhookUrl('webhook_url', body.webhook_url);
      return {
        operation: 'bulk.create',
        method: 'POST',
        path: '/score/bulk',
        body: { ...body, domains },
      };
    }, options);
  }

  /**
   * Queues a job from a CSV file (what a CRM exports): a header row with a `domain` column (any
   * case) and, optionally, `company_name`; at most 1,000 data rows and 1 MB. `file` is a string, a
   * `Blob` (or `File`), a `Uint8Array` or a `ReadableStream` of bytes. Rows whose domain is not
   * valid are listed in the job's `rejected_rows` and not billed; the results CSV carries
   * `company_name`.
   * @example
   * const job = await iiq.bulk.createFromCsv('company_name,domain\nStripe,stripe.com\n');
   */
  createFromCsv(
    file: CsvFile,
    params: BulkJobCsvParams = {},
    options?: RequestOptions,
  ): APIPromise<WithMode<BulkJob>> {
    return this.call(async () => {
      const fields = parseParams(BulkJobCsvParamsSchema, params);
      if (fields.webhook_url) await this.checkWebhookUrl('webhook_url', fields.webhook_url);
      return {
        operation: 'bulk.createFromCsv',
        method: 'POST',
        path: '/score/bulk',
        body: await csvForm(file, fields),
      };
    }, options);
  }

  /**
   * Scores any number of domains (an array, a generator, a stream of CRM rows) through bulk jobs
   * of at most 1,000, with at most `concurrency` jobs in flight (default 5, at most 10), and
   * yields one result per input item as each job completes. Memory stays bounded by the jobs in
   * flight, whatever the input's length. A `429` for the workspace's job cap is waited out. Each
   * job's `Idempotency-Key` is derived from its content: running the same input again within 24
   * hours (after a crash) attaches to the jobs already paid for instead of paying twice.
   * @example
   * for await (const result of iiq.bulk.scoreAll(domains, { concurrency: 10 })) {
   *   if (result.status === 'scored') console.log(result.domain, result.score.score);
   * }
   */
  scoreAll(
    domains: Iterable<string> | AsyncIterable<string>,
    options: ScoreAllOptions = {},
  ): AsyncGenerator<ScoreAllResult, void, undefined> {
    checkScoreAllOptions(domains, options);
    return runScoreAll(this, domains, options);
  }

  /** A job's status and progress. Never costs a credit. */
  retrieve(id: string, options?: RequestOptions): APIPromise<WithMode<BulkJob>> {
    return this.call(
      () => ({ operation: 'bulk.retrieve', method: 'GET', path: path`/score/bulk/${id}` }),
      options,
    );
  }

  /**
   * The scores computed so far, in submission order. Unscorable domains are in the job's
   * `unscorable` array instead.
   * @example for await (const score of iiq.bulk.results(job.id, { limit: 100 })) console.log(score.domain);
   */
  results(id: string, params: ListParams = {}, options?: RequestOptions): PagePromise<Score> {
    return this.paginate(() => {
      const query = parseParams(ListParamsSchema, params);
      return { operation: 'bulk.results', path: path`/score/bulk/${id}/results`, query };
    }, options);
  }

  /**
   * The whole result set as one CSV document, unscorable domains included, with the columns
   * `domain,status,score,band,delta_30d,funding,hiring,news,tech,web,action,computed_at`.
   */
  resultsCsv(id: string, options?: RequestOptions): APIPromise<string> {
    return this.call(
      () => ({
        operation: 'bulk.resultsCsv',
        method: 'GET',
        path: path`/score/bulk/${id}/results`,
        query: { format: 'csv' },
        format: 'csv',
      }),
      options,
    );
  }

  /**
   * Polls a job until it completes and resolves with it. Rejects with `BulkJobTimeoutError` after
   * `timeout`, or `APIUserAbortError` as soon as `signal` aborts.
   * @example const job = await iiq.bulk.wait(id, { onProgress: (j) => console.log(j.progress.processed) });
   */
  wait(id: string, options: BulkWaitOptions = {}): Promise<WithMode<BulkJob>> {
    return pollUntilOver(options, {
      retrieve: (signal) => this.retrieve(id, signal ? { signal } : undefined),
      running: isJobRunning,
      defaultTimeout: (job) => (job.deferred ? 510 * MINUTE : 10 * MINUTE),
      timedOut: (job, timeout) => new BulkJobTimeoutError(job, timeout),
    });
  }

  /**
   * Creates a job and waits for it to complete.
   * @example const job = await iiq.bulk.createAndWait({ domains }, { pollInterval: 5000 });
   */
  async createAndWait(
    params: BulkJobCreateParams,
    options: BulkWaitOptions & RequestOptions = {},
  ): Promise<WithMode<BulkJob>> {
    const { pollInterval, timeout, onProgress, ...request } = options;
    const job = await this.create(params, request);
    if (!isJobRunning(job)) return job;
    return this.wait(job.id, { pollInterval, timeout, onProgress, signal: options.signal });
  }
}
