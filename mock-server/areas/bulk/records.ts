/** The shape of the bulk jobs a space keeps. */
import type { components } from '../../../src/generated/openapi.ts';

type Schemas = components['schemas'];
export type WireBulkJob = Schemas['BulkJob'];
export type WireUnscorable = Schemas['UnscorableDomain'];

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
