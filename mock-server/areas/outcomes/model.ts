/**
 * Outcomes: what happened with an account, recorded against the score the workspace had for it at
 * the time. `score_at_outcome` is read from the score history once, when the outcome is recorded,
 * so it stays what it was whatever is scored (or forgotten) later.
 */
import type { MockContext } from '../../context.ts';
import { isoSeconds } from '../../kernel/clock.ts';
import { invalidRequest, notFound } from '../../kernel/errors.ts';
import { defineStore, type Space } from '../../tenancy/workspace.ts';
import { firmographicsOf } from '../../world/firmographics.ts';
import { keyTriggersOf } from '../../world/triggers.ts';
import { domainScores, type ScoreRecord, snapshotNow } from '../scores/index.ts';
import type { OutcomeKind, OutcomeRecord } from './records.ts';
import { newestFirst } from './stages.ts';

/** The most outcomes a space (a workspace in one mode) keeps; past it, `400` until some are deleted. */
export const MAX_OUTCOMES_PER_SPACE = 10_000;

interface OutcomeBook {
  readonly byId: Map<string, OutcomeRecord>;
  seq: number;
}

const outcomeBook = defineStore('outcomes', (): OutcomeBook => ({ byId: new Map(), seq: 0 }));

/** Every outcome of the space, in the order recorded. */
export function allOutcomes(space: Space): IterableIterator<OutcomeRecord> {
  return space.get(outcomeBook).byId.values();
}

/** How many outcomes the space holds. */
export function outcomeCount(space: Space): number {
  return space.get(outcomeBook).byId.size;
}

const toSecond = (ms: number) => Math.floor(ms / 1_000) * 1_000;

/**
 * The space's latest score of `domain` computed at or before `at` (compared to the second, as
 * `computed_at` and `occurred_at` show them), among the scores it keeps.
 */
export function scoreAt(space: Space, domain: string, at: number): ScoreRecord | undefined {
  const scores = domainScores(space, domain);
  for (let i = scores.length - 1; i >= 0; i--) {
    const record = scores[i] as ScoreRecord;
    if (toSecond(record.computedAt) <= at) return record;
  }
  return undefined;
}

/** When an outcome happened: `occurred_at` (RFC 3339, already checked) or now, to the second. */
function occurredAt(ctx: MockContext, input: string | undefined): number {
  const now = ctx.now();
  if (input === undefined) return toSecond(now);
  const at = Date.parse(input);
  if (!Number.isFinite(at) || at < 0) {
    throw invalidRequest('occurred_at', 'occurred_at must be a date-time from 1970 on.');
  }
  if (at > now) {
    throw invalidRequest(
      'occurred_at',
      `occurred_at must not be in the future: the API's clock reads ${isoSeconds(now)}.`,
    );
  }
  return toSecond(at);
}

export interface CreateOutcomeInput {
  /** The apex domain. */
  domain: string;
  outcome: OutcomeKind;
  notes?: string;
  occurredAt?: string;
}

export function createOutcome(
  ctx: MockContext,
  space: Space,
  input: CreateOutcomeInput,
): OutcomeRecord {
  const book = space.get(outcomeBook);
  const at = occurredAt(ctx, input.occurredAt);
  if (book.byId.size >= MAX_OUTCOMES_PER_SPACE) {
    throw invalidRequest(
      undefined,
      `This workspace holds ${MAX_OUTCOMES_PER_SPACE.toLocaleString('en-US')} outcomes in ${space.mode} mode, the most it keeps. Delete outcomes you no longer need before recording more.`,
    );
  }
  const score = scoreAt(space, input.domain, at);
  const snapshot = snapshotNow(ctx, space, input.domain);
  const record: OutcomeRecord = {
    id: ctx.ids.next('out'),
    domain: input.domain,
    company: snapshot.name,
    outcome: input.outcome,
    notes: input.notes ?? null,
    occurredAt: at,
    recordedAt: ctx.now(),
    seq: book.seq++,
    scoreAtOutcome: score?.score ?? null,
    bandAtOutcome: score?.band ?? null,
    industry: firmographicsOf(input.domain).industry,
    triggers: keyTriggersOf(snapshot),
  };
  book.byId.set(record.id, record);
  return record;
}

export function retrieveOutcome(space: Space, id: string): OutcomeRecord {
  const outcome = space.get(outcomeBook).byId.get(id);
  if (outcome === undefined) throw notFound('outcome', id);
  return outcome;
}

export function updateOutcome(
  outcome: OutcomeRecord,
  input: { outcome?: OutcomeKind; notes?: string },
): OutcomeRecord {
  if (input.outcome !== undefined) outcome.outcome = input.outcome;
  if (input.notes !== undefined) outcome.notes = input.notes;
  return outcome;
}

export function deleteOutcome(space: Space, id: string): OutcomeRecord {
  const outcome = retrieveOutcome(space, id);
  space.get(outcomeBook).byId.delete(id);
  return outcome;
}

/** Outcomes newest first (`occurred_at`, then `recorded_at`), optionally of one domain or kind. */
export function listOutcomes(
  space: Space,
  filter: { domain?: string; outcome?: OutcomeKind },
): OutcomeRecord[] {
  const matching: OutcomeRecord[] = [];
  for (const outcome of allOutcomes(space)) {
    if (filter.domain !== undefined && outcome.domain !== filter.domain) continue;
    if (filter.outcome !== undefined && outcome.outcome !== filter.outcome) continue;
    matching.push(outcome);
  }
  return matching.sort(newestFirst);
}
