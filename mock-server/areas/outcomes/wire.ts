/** How outcomes look on the wire. */
import type { components } from '../../../src/generated/openapi.ts';
import { isoSeconds } from '../../kernel/clock.ts';
import type { OutcomeRecord } from './records.ts';

export type WireOutcome = components['schemas']['Outcome'];

export function renderOutcome(outcome: OutcomeRecord): WireOutcome {
  return {
    id: outcome.id,
    domain: outcome.domain,
    company: outcome.company,
    outcome: outcome.outcome,
    notes: outcome.notes,
    occurred_at: isoSeconds(outcome.occurredAt),
    recorded_at: isoSeconds(outcome.recordedAt),
    score_at_outcome: outcome.scoreAtOutcome,
    band_at_outcome: outcome.bandAtOutcome,
  };
}
