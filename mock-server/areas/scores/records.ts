/** The shapes of the scores a space keeps. */
import type { Band } from '../../world/scoring-model.ts';
import { type Snapshot, snapshotOf } from '../../world/snapshots.ts';

export interface ScoreRecord {
  readonly id: string;
  readonly domain: string;
  /** The company as it was when the score was computed (derived again on demand). */
  readonly snapshot: Snapshot;
  readonly computedAt: number;
  /**
   * The snapshot's score, band and 30-day change, kept when the score is computed: counting bands,
   * filtering and sorting many scores then derives no snapshot.
   */
  readonly score: number;
  readonly band: Band;
  readonly delta30d: number;
}

/**
 * A score as a space keeps it: its inputs (domain, time, anchor) and its headline figures, not its
 * snapshot, which is derived again when read. A store of 20,000 scores then costs a few megabytes,
 * not a hundred.
 */
class StoredScore implements ScoreRecord {
  readonly id: string;
  readonly domain: string;
  readonly computedAt: number;
  readonly score: number;
  readonly band: Band;
  readonly delta30d: number;
  readonly #anchor: number | undefined;

  constructor(id: string, domain: string, computedAt: number, anchor: number | undefined) {
    this.id = id;
    this.domain = domain;
    this.computedAt = computedAt;
    this.#anchor = anchor;
    const { score, band, delta30d } = this.snapshot;
    this.score = score;
    this.band = band;
    this.delta30d = delta30d;
  }

  get snapshot(): Snapshot {
    return snapshotOf(this.domain, this.computedAt, this.#anchor);
  }
}

/** A score record of `domain` computed at `computedAt` (with the time-dependent domains' anchor). */
export function scoreRecord(
  id: string,
  domain: string,
  computedAt: number,
  anchor?: number,
): ScoreRecord {
  return new StoredScore(id, domain, computedAt, anchor);
}

export interface PendingRecord {
  readonly id: string;
  readonly domain: string;
  readonly createdAt: number;
  readonly webhookUrl: string;
}
