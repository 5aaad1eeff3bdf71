/** The shape of an outcome as a space keeps it. */
import type { components } from '../../../src/generated/openapi.ts';
import type { Band } from '../../world/scoring-model.ts';

export type OutcomeKind = components['schemas']['OutcomeKind'];

export interface OutcomeRecord {
  readonly id: string;
  readonly domain: string;
  readonly company: string;
  outcome: OutcomeKind;
  notes: string | null;
  /** When it happened, unix ms, to the second. */
  readonly occurredAt: number;
  /** When it was recorded, unix ms. */
  readonly recordedAt: number;
  /** The order in which the space recorded its outcomes: breaks every remaining tie. */
  readonly seq: number;
  readonly scoreAtOutcome: number | null;
  readonly bandAtOutcome: Band | null;
  /** The company's industry, as its firmographics name it (aggregate signals segment by it). */
  readonly industry: string;
  /** The domain's key triggers as the workspace would have scored it when this was recorded. */
  readonly triggers: readonly string[];
}
