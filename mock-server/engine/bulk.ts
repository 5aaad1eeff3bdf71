/**
 * Bulk jobs on virtual time. A job waits `queued` for 2 seconds (6 hours when `deferred`, the
 * overnight window), then runs, scoring 5 domains per virtual second in submission order, and
 * completes with `score.bulk.completed`. Credits for the unique domains are taken up front (half,
 * rounded up, when deferred). At most 10 jobs per workspace and mode are queued or running.
 */
import type { components } from '../../src/generated/openapi.ts';
import { isoSeconds } from './clock.ts';
import { charge, ensureCredits } from './credits.ts';
import type { Engine } from './engine.ts';
import { MockApiError, notFound } from './errors.ts';
import { recordEvent } from './events.ts';
import { magicBehaviour } from './magic.ts';
import { computeScore, renderScore, type WireScore } from './scores.ts';
import type { Space } from './space.ts';

type Schemas = components['schemas'];
export type WireBulkJob = Schemas['BulkJob'];
export type WireUnscorable = Schemas['UnscorableDomain'];

export const BULK_START_DELAY_MS = 2_000;
export const DEFERRED_START_DELAY_MS = 6 * 3_600_000;
export const BULK_DOMAINS_PER_SECOND = 5;

export interface BulkJobRecord {
  readonly id: string;
  status: WireBulkJob['status'];
  readonly deferred: boolean;
  readonly tag: string | null;
  readonly webhookUrl: string | null;
  readonly domainsSubmitted: number;
  /** Unique apex domains in submission order. */
  readonly domains: readonly string[];
  /** Per domain, in order: the score ID, or the reason it could not be scored. */
  readonly outcomes: (string | WireUnscorable)[];
  readonly creditsCharged: number;
  readonly createdAt: number;
  readonly startsAt: number;
  startedAt: number | null;
  completedAt: number | null;
}

export interface CreateBulkJobInput {
  /** Unique apex domains, in submission order. */
  domains: readonly string[];
  domainsSubmitted: number;
  deferred: boolean;
  webhookUrl?: string;
  tag?: string;
}

function activeJobs(space: Space): BulkJobRecord[] {
  return [...space.jobs.values()].filter((job) => job.status !== 'completed');
}

function estimatedEnd(job: BulkJobRecord): number {
  const left = job.domains.length - job.outcomes.length;
  const from = job.startedAt === null ? job.startsAt : Math.max(job.startsAt, job.startedAt);
  return from + Math.ceil(left / BULK_DOMAINS_PER_SECOND) * 1_000;
}

function processOne(engine: Engine, space: Space, domain: string): string | WireUnscorable {
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
      return computeScore(engine, space, domain, 'bulk').id;
  }
}

function complete(engine: Engine, space: Space, job: BulkJobRecord): void {
  job.status = 'completed';
  job.completedAt = engine.clock.now();
  const { results, unscorable } = jobResults(space, job);
  recordEvent(
    engine,
    space,
    'score.bulk.completed',
    { job: renderJob(job), results, unscorable },
    job.webhookUrl ?? undefined,
  );
}

function tick(engine: Engine, space: Space, job: BulkJobRecord): void {
  if (!space.jobs.has(job.id)) return; // the mock was reset
  for (let i = 0; i < BULK_DOMAINS_PER_SECOND && job.outcomes.length < job.domains.length; i++) {
    job.outcomes.push(processOne(engine, space, job.domains[job.outcomes.length] as string));
  }
  if (job.outcomes.length < job.domains.length) {
    engine.scheduler.after(1_000, () => tick(engine, space, job));
  } else {
    complete(engine, space, job);
  }
}

/** `POST /score/bulk`. Throws 429 when 10 jobs are already queued or running, 402 without credits. */
export function createBulkJob(
  engine: Engine,
  space: Space,
  input: CreateBulkJobInput,
): BulkJobRecord {
  const now = engine.clock.now();
  const active = activeJobs(space);
  const limit = space.workspace.plan.concurrentBulkJobs;
  if (active.length >= limit) {
    const firstEnd = Math.min(...active.map(estimatedEnd));
    const retryAfter = Math.max(1, Math.ceil((firstEnd - now) / 1_000));
    throw new MockApiError(
      'rate_limited',
      `This workspace already has ${limit} bulk jobs queued or running. Retry after ${retryAfter} seconds, when one has finished.`,
      { retryAfter },
    );
  }
  const cost = input.deferred ? Math.ceil(input.domains.length / 2) : input.domains.length;
  ensureCredits(engine, space, cost);
  const job: BulkJobRecord = {
    id: engine.ids.next('job'),
    status: 'queued',
    deferred: input.deferred,
    tag: input.tag ?? null,
    webhookUrl: input.webhookUrl ?? null,
    domainsSubmitted: input.domainsSubmitted,
    domains: input.domains,
    outcomes: [],
    creditsCharged: charge(engine, space, cost),
    createdAt: now,
    startsAt: now + (input.deferred ? DEFERRED_START_DELAY_MS : BULK_START_DELAY_MS),
    startedAt: null,
    completedAt: null,
  };
  space.jobs.set(job.id, job);
  engine.scheduler.at(job.startsAt, () => {
    job.status = 'running';
    job.startedAt = engine.clock.now();
    engine.scheduler.after(1_000, () => tick(engine, space, job));
  });
  return job;
}

export function retrieveJob(space: Space, id: string): BulkJobRecord {
  const job = space.jobs.get(id);
  if (job === undefined) throw notFound('bulk job', id);
  return job;
}

/** The scores computed so far in submission order, and the domains that could not be scored. */
export function jobResults(
  space: Space,
  job: BulkJobRecord,
): { results: WireScore[]; unscorable: WireUnscorable[] } {
  const results: WireScore[] = [];
  const unscorable: WireUnscorable[] = [];
  for (const outcome of job.outcomes) {
    if (typeof outcome !== 'string') unscorable.push(outcome);
    else {
      const record = space.scores.byId.get(outcome);
      if (record !== undefined) results.push(renderScore(record));
    }
  }
  return { results, unscorable };
}

export function renderJob(job: BulkJobRecord): WireBulkJob {
  const unscorable = job.outcomes.filter(
    (outcome): outcome is WireUnscorable => typeof outcome !== 'string',
  );
  return {
    id: job.id,
    status: job.status,
    deferred: job.deferred,
    tag: job.tag,
    webhook_url: job.webhookUrl,
    domains_submitted: job.domainsSubmitted,
    progress: {
      total: job.domains.length,
      processed: job.outcomes.length,
      scored: job.outcomes.length - unscorable.length,
      unscorable: unscorable.length,
    },
    credits_charged: job.creditsCharged,
    unscorable,
    created_at: isoSeconds(job.createdAt),
    started_at: job.startedAt === null ? null : isoSeconds(job.startedAt),
    completed_at: job.completedAt === null ? null : isoSeconds(job.completedAt),
  };
}
