/**
 * The figures of a pipeline report, from the scores, outcomes and watchlists of a space. Each is
 * defined in `docs/mock-server.md` ("Pipeline reports") precisely enough to recompute it; this is
 * that definition, in code.
 */
import type { components } from '../../../src/generated/openapi.ts';
import type { Band } from '../../world/scoring-model.ts';
import type { Snapshot } from '../../world/snapshots.ts';
import { keyTriggersOf } from '../../world/triggers.ts';
import { latestByDomain, type OutcomeRecord, reaches, type Stage } from '../outcomes/index.ts';
import type { ScoreRecord } from '../scores/index.ts';
import type { Quarter } from './period.ts';
import { percentChange, share } from './rounding.ts';

type Schemas = components['schemas'];
export type ReportFigures = Omit<Schemas['PipelineReport'], 'period' | 'generated_at' | 'cached'>;
type TriggerCount = Schemas['TriggerCount'];

/** Lists in a report hold at most this many entries. */
export const TOP_LIMIT = 10;
/** Fewer watchlisted domains scored in either quarter than this: `insufficient_data`. */
export const DEMAND_MIN_DOMAINS = 10;
/** The relative change of the mean score beyond which demand is `increasing` or `decreasing`. */
export const DEMAND_CHANGE_PERCENT = 5;

export interface ReportInputs {
  /** Every score the space keeps, oldest computed first. */
  scores: Iterable<ScoreRecord>;
  outcomes: Iterable<OutcomeRecord>;
  /** The domains on any watchlist of the space. */
  watchlisted: ReadonlySet<string>;
  period: Quarter;
  prior: Quarter;
}

/** Each domain's latest score computed in `quarter` (the history is oldest first). */
function latestIn(scores: readonly ScoreRecord[], quarter: Quarter): Map<string, ScoreRecord> {
  const latest = new Map<string, ScoreRecord>();
  for (const score of scores) {
    if (score.computedAt >= quarter.start && score.computedAt < quarter.end) {
      latest.set(score.domain, score);
    }
  }
  return latest;
}

/**
 * A score's snapshot, derived once per report: a kept score holds its inputs, not its snapshot,
 * and deriving it again on each read (a sort reads it n log n times) would cost seconds.
 */
type SnapshotOf = (score: ScoreRecord) => Snapshot;

function snapshotsOnce(): SnapshotOf {
  const derived = new Map<ScoreRecord, Snapshot>();
  return (score) => {
    let snapshot = derived.get(score);
    if (snapshot === undefined) {
      snapshot = score.snapshot;
      derived.set(score, snapshot);
    }
    return snapshot;
  };
}

function topAccounts(
  latest: Map<string, ScoreRecord>,
  snapshotOf: SnapshotOf,
): ReportFigures['top_accounts'] {
  return [...latest.values()]
    .map((score) => ({ domain: score.domain, snapshot: snapshotOf(score) }))
    .sort(
      (a, b) =>
        b.snapshot.score - a.snapshot.score ||
        (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0),
    )
    .slice(0, TOP_LIMIT)
    .map(({ domain, snapshot }) => ({
      domain,
      company: snapshot.name,
      score: snapshot.score,
      band: snapshot.band,
      delta_30d: snapshot.delta30d,
    }));
}

/** How often each trigger appears, once per item; most frequent first, ties A-Z, at most 10. */
export function topTriggers(triggerLists: Iterable<readonly string[]>): TriggerCount[] {
  const counts = new Map<string, number>();
  for (const triggers of triggerLists) {
    for (const trigger of new Set(triggers)) counts.set(trigger, (counts.get(trigger) ?? 0) + 1);
  }
  return [...counts]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, TOP_LIMIT)
    .map(([trigger, count]) => ({ trigger, count }));
}

const rateOf = (deciding: readonly OutcomeRecord[], stage: Stage) =>
  share(deciding.filter((outcome) => reaches(outcome.outcome, stage)).length, deciding.length);

function outcomeSummary(
  outcomes: Iterable<OutcomeRecord>,
  period: Quarter,
): ReportFigures['outcome_summary'] {
  const inPeriod = [...outcomes].filter(
    (outcome) => outcome.occurredAt >= period.start && outcome.occurredAt < period.end,
  );
  const deciding = [...latestByDomain(inPeriod).values()];
  const band = (name: Band) => {
    const within = deciding.filter((outcome) => outcome.bandAtOutcome === name);
    return {
      tracked: within.length,
      meeting_rate: rateOf(within, 'meeting'),
      win_rate: rateOf(within, 'won'),
    };
  };
  return {
    total_tracked: deciding.length,
    contacted_rate: rateOf(deciding, 'contacted'),
    meeting_rate: rateOf(deciding, 'meeting'),
    opportunity_rate: rateOf(deciding, 'opportunity'),
    win_rate: rateOf(deciding, 'won'),
    by_band: { HOT: band('HOT'), WARM: band('WARM'), COLD: band('COLD') },
  };
}

/** The sum and count of the latest scores of the watchlisted domains. */
function watchlistedScores(
  latest: Map<string, ScoreRecord>,
  watchlisted: ReadonlySet<string>,
  snapshotOf: SnapshotOf,
): { sum: number; count: number } {
  let sum = 0;
  let count = 0;
  for (const [domain, score] of latest) {
    if (!watchlisted.has(domain)) continue;
    sum += snapshotOf(score).score;
    count++;
  }
  return { sum, count };
}

/**
 * The mean of the watchlisted domains' latest scores, this quarter against the prior one, compared
 * in integers: mean / prior mean above 1.05 is `increasing`, below 0.95 `decreasing`.
 */
function marketDemand(
  current: { sum: number; count: number },
  prior: { sum: number; count: number },
): ReportFigures['market_demand_signal'] {
  if (current.count < DEMAND_MIN_DOMAINS || prior.count < DEMAND_MIN_DOMAINS) {
    return 'insufficient_data';
  }
  // current.sum / current.count compared with prior.sum / prior.count x (1 ± 5%).
  const now = current.sum * prior.count * 100;
  const before = prior.sum * current.count;
  if (now > before * (100 + DEMAND_CHANGE_PERCENT)) return 'increasing';
  if (now < before * (100 - DEMAND_CHANGE_PERCENT)) return 'decreasing';
  return 'stable';
}

/** Every figure of the report of `period`. */
export function reportFigures(inputs: ReportInputs): ReportFigures {
  const scores = [...inputs.scores];
  const latest = latestIn(scores, inputs.period);
  const latestPrior = latestIn(scores, inputs.prior);
  const snapshotOf = snapshotsOnce();
  const bands = { HOT: 0, WARM: 0, COLD: 0 };
  for (const score of latest.values()) bands[snapshotOf(score).band]++;
  return {
    accounts_scored: {
      total: latest.size,
      trend_vs_prior: percentChange(latest.size, latestPrior.size),
    },
    band_distribution: bands,
    top_accounts: topAccounts(latest, snapshotOf),
    top_triggers: topTriggers(
      [...latest.values()].map((score) => keyTriggersOf(snapshotOf(score))),
    ),
    outcome_summary: outcomeSummary(inputs.outcomes, inputs.period),
    market_demand_signal: marketDemand(
      watchlistedScores(latest, inputs.watchlisted, snapshotOf),
      watchlistedScores(latestPrior, inputs.watchlisted, snapshotOf),
    ),
  };
}
