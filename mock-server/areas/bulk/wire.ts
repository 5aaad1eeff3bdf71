/** How bulk jobs and their results look on the wire. */
import { isoSeconds } from '../../kernel/clock.ts';
import type { Space } from '../../tenancy/workspace.ts';
import { renderScore, scoreById, type WireScore } from '../scores/index.ts';
import { type BulkJobRecord, statusOf, type WireBulkJob, type WireUnscorable } from './records.ts';

/** The scores computed so far in submission order, and the domains that could not be scored. */
export function jobResults(
  space: Space,
  job: BulkJobRecord,
): { results: WireScore[]; unscorable: WireUnscorable[] } {
  const results: WireScore[] = [];
  const unscorable: WireUnscorable[] = [];
  for (const row of resultRows(space, job)) {
    if ('code' in row) unscorable.push(row);
    else results.push(row);
  }
  return { results, unscorable };
}

export function renderJob(job: BulkJobRecord): WireBulkJob {
  const unscorable = job.outcomes.filter(
    (outcome): outcome is WireUnscorable => typeof outcome !== 'string',
  );
  return {
    id: job.id,
    source: job.source,
    rejected_rows: [...job.rejectedRows],
    status: statusOf(job),
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
    created_at: isoSeconds(job.run.createdAt),
    started_at: job.run.startedAt === null ? null : isoSeconds(job.run.startedAt),
    completed_at: job.run.completedAt === null ? null : isoSeconds(job.run.completedAt),
  };
}

/** Every row of a job's results in submission order: a score, or why the domain has none. */
export function resultRows(space: Space, job: BulkJobRecord): (WireScore | WireUnscorable)[] {
  const rows: (WireScore | WireUnscorable)[] = [];
  for (const outcome of job.outcomes) {
    if (typeof outcome !== 'string') rows.push(outcome);
    else {
      const record = scoreById(space, outcome);
      if (record !== undefined) rows.push(renderScore(record));
    }
  }
  return rows;
}
