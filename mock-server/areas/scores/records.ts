/** The shapes of the scores a space keeps. */
import type { Snapshot } from '../../world/snapshots.ts';

export interface ScoreRecord {
  readonly id: string;
  readonly domain: string;
  readonly snapshot: Snapshot;
  readonly computedAt: number;
}

export interface PendingRecord {
  readonly id: string;
  readonly domain: string;
  readonly createdAt: number;
  readonly webhookUrl: string;
}
