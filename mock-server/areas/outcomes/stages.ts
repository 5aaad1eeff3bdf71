/**
 * The stages an outcome reaches, "at least": a won deal was also contacted, met and an
 * opportunity; a lost one reached every stage but won. `no_response` and `disqualified` reach none.
 * Reports and aggregate signals count conversion with these.
 */
import type { OutcomeKind, OutcomeRecord } from './records.ts';

export type Stage = 'contacted' | 'meeting' | 'opportunity' | 'won';

export const STAGES: Readonly<Record<Stage, ReadonlySet<OutcomeKind>>> = {
  contacted: new Set(['contacted', 'meeting_booked', 'opportunity', 'won', 'lost']),
  meeting: new Set(['meeting_booked', 'opportunity', 'won', 'lost']),
  opportunity: new Set(['opportunity', 'won', 'lost']),
  won: new Set(['won']),
};

/** Whether an outcome of this kind reached `stage`. */
export function reaches(outcome: OutcomeKind, stage: Stage): boolean {
  return STAGES[stage].has(outcome);
}

/** Newest first: by `occurred_at`, then `recorded_at`, then the order recorded. */
export function newestFirst(a: OutcomeRecord, b: OutcomeRecord): number {
  return b.occurredAt - a.occurredAt || b.recordedAt - a.recordedAt || b.seq - a.seq;
}

/**
 * Each domain's latest outcome among `outcomes` (by `occurred_at`, ties by `recorded_at`, then by
 * the order recorded): the one that decides how the domain counts.
 */
export function latestByDomain(outcomes: Iterable<OutcomeRecord>): Map<string, OutcomeRecord> {
  const latest = new Map<string, OutcomeRecord>();
  for (const outcome of outcomes) {
    const current = latest.get(outcome.domain);
    if (current === undefined || newestFirst(outcome, current) < 0)
      latest.set(outcome.domain, outcome);
  }
  return latest;
}
