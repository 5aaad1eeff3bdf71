/**
 * Bulk jobs on virtual time. A job waits `queued` for 2 seconds (6 hours when `deferred`, the
 * overnight window), then runs, scoring 5 domains per virtual second in submission order, and
 * completes with `score.bulk.completed`. Credits for the unique domains are taken up front (half,
 * rounded up, when deferred). At most 10 jobs per workspace, both modes together, are queued or
 * running.
 */
import type { MockContext } from '../../context.ts';
import { keepNewestForgettable } from '../../kernel/bounds.ts';
import { MockApiError, notFound } from '../../kernel/errors.ts';
import { secondsUntilEnd, startJob } from '../../kernel/jobs.ts';
import { defineStore, type Space } from '../../tenancy/workspace.ts';
import { magicBehaviour } from '../../world/magic.ts';
import { computeScore } from '../scores/index.ts';
import type { BulkJobRecord, WireRejectedRow, WireUnscorable } from './records.ts';
import { jobResults, renderJob } from './wire.ts';

export type { BulkJobRecord } from './records.ts';

export const BULK_START_DELAY_MS = 2_000;
export const DEFERRED_START_DELAY_MS = 6 * 3_600_000;
export const BULK_DOMAINS_PER_SECOND = 5;

export interface CreateBulkJobInput {
  /** Unique apex domains, in submission order. */
  domains: readonly string[];
  domainsSubmitted: number;
  deferred: boolean;
  webhookUrl?: string;
  tag?: string;
  /** Default `json`. */
  source?: 'json' | 'csv';
  rejectedRows?: readonly WireRejectedRow[];
  /** Each domain's `company_name` from a CSV file that had the column. */
  companyNames?: ReadonlyMap<string, string>;
}

/** The jobs of a space, by ID, oldest first. */
const jobStore = defineStore('bulk-jobs', () => new Map<string, BulkJobRecord>());

/** Every job of the space, oldest first. */
export function listJobs(space: Space): IterableIterator<BulkJobRecord> {
  return space.get(jobStore).values();
}

/** The most completed jobs a space keeps; past it, the oldest completed ones are forgotten. */
export const MAX_COMPLETED_JOBS_PER_SPACE = 1_000;

/** The jobs queued or running in the workspace, in both modes: the cap is per workspace. */
function activeJobs(space: Space): BulkJobRecord[] {
  const [test, live] = space.inWorkspace(jobStore);
  return [...test.values(), ...live.values()].filter((job) => job.run.active);
}

/** Forgets the oldest completed jobs past the cap (queued and running ones are always kept). */
function forgetOldJobs(space: Space): void {
  keepNewestForgettable(
    space.get(jobStore),
    MAX_COMPLETED_JOBS_PER_SPACE,
    (job) => !job.run.active,
  );
}

function processOne(ctx: MockContext, space: Space, domain: string): string | WireUnscorable {
  switch (magicBehaviour(domain)) {
    case 'unscorable':
      return {
        domain,
        code: 'unscorable_domain',
        message: `${domain} has no usable signal surface (parked, defunct or no public presence).`,
      };
    case 'restricted':
      return {
        domain,
        code: 'restricted_use',
        message: `Scoring ${domain} is refused by the acceptable use policy.`,
      };
    default:
      return computeScore(ctx, space, domain, 'bulk').id;
  }
}

function complete(ctx: MockContext, space: Space, job: BulkJobRecord): void {
  forgetOldJobs(space);
  const { results, unscorable } = jobResults(space, job);
  ctx.events.record(
    space,
    'score.bulk.completed',
    { job: renderJob(job), results, unscorable },
    job.webhookUrl ?? undefined,
  );
}

/** `POST /score/bulk`. Throws 429 when 10 jobs are already queued or running, 402 without credits. */
export function createBulkJob(
  ctx: MockContext,
  space: Space,
  input: CreateBulkJobInput,
): BulkJobRecord {
  const now = ctx.now();
  const active = activeJobs(space);
  const limit = space.workspace.plan.concurrentBulkJobs;
  if (active.length >= limit) {
    const retryAfter = secondsUntilEnd(
      active.map((job) => job.run),
      now,
    );
    throw new MockApiError(
      'rate_limited',
      `This workspace already has ${limit} bulk jobs queued or running. Retry after ${retryAfter} seconds, when one has finished.`,
      { retryAfter },
    );
  }
  const cost = input.deferred ? Math.ceil(input.domains.length / 2) : input.domains.length;
  ctx.ensureCredits(space, cost);
  const id = ctx.ids.next('job');
  const creditsCharged = ctx.charge(space, cost);
  const outcomes: (string | WireUnscorable)[] = [];
  const job: BulkJobRecord = {
    id,
    source: input.source ?? 'json',
    rejectedRows: input.rejectedRows ?? [],
    companyNames: input.companyNames ?? null,
    // Queued for 2 s (the overnight window when deferred), then 5 domains a virtual second.
    run: startJob(
      ctx.scheduler,
      ctx.clock,
      {
        queuedMs: input.deferred ? DEFERRED_START_DELAY_MS : BULK_START_DELAY_MS,
        total: input.domains.length,
        rate: BULK_DOMAINS_PER_SECOND,
      },
      {
        onProgress: (_run, from, to) => {
          for (const domain of input.domains.slice(from, to)) {
            outcomes.push(processOne(ctx, space, domain));
          }
        },
        onSettled: () => complete(ctx, space, job),
      },
    ),
    deferred: input.deferred,
    tag: input.tag ?? null,
    webhookUrl: input.webhookUrl ?? null,
    domainsSubmitted: input.domainsSubmitted,
    domains: input.domains,
    outcomes,
    creditsCharged,
  };
  space.get(jobStore).set(job.id, job);
  return job;
}

export function retrieveJob(space: Space, id: string): BulkJobRecord {
  const job = space.get(jobStore).get(id);
  if (job === undefined) throw notFound('bulk job', id);
  return job;
}
