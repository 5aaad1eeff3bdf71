/** The shape of the bulk jobs a space keeps. */
import type { components } from '../../../src/generated/openapi.ts';
import type { Job } from '../../kernel/jobs.ts';

type Schemas = components['schemas'];
export type WireBulkJob = Schemas['BulkJob'];
export type WireUnscorable = Schemas['UnscorableDomain'];
export type WireRejectedRow = Schemas['RejectedRow'];

export interface BulkJobRecord {
  readonly id: string;
  /** How the domains came: a JSON list, or a CSV file. */
  readonly source: WireBulkJob['source'];
  /** Rows of the CSV file whose domain is not valid (empty for JSON). */
  readonly rejectedRows: readonly WireRejectedRow[];
  /** Each domain's `company_name` from the CSV file (first occurrence), when it had the column. */
  readonly companyNames: ReadonlyMap<string, string> | null;
  /** Its lifecycle on the mock clock (`processing` is the API's `running`). */
  readonly run: Job;
  readonly deferred: boolean;
  readonly tag: string | null;
  readonly webhookUrl: string | null;
  readonly domainsSubmitted: number;
  /** Unique apex domains in submission order. */
  readonly domains: readonly string[];
  /** Per domain, in order: the score ID, or the reason it could not be scored. */
  readonly outcomes: (string | WireUnscorable)[];
  readonly creditsCharged: number;
}

/** The API's status of a job. */
export function statusOf(job: BulkJobRecord): WireBulkJob['status'] {
  const status = job.run.status;
  return status === 'processing' ? 'running' : status === 'queued' ? 'queued' : 'completed';
}
