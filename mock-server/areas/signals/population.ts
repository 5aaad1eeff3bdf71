/**
 * The synthetic population behind aggregate signals: the workspaces of other customers, which a
 * mock does not have. It is fixed and documented (`docs/mock-server.md`, "Aggregate signals") so
 * that a test knows exactly what it adds:
 *
 * - every fixture company has `SYNTHETIC_SAMPLES_PER_COMPANY` (12) samples, one per peer
 *   workspace; no other domain has any;
 * - sample `i` (1 to 12) saw the company at the value of its 30-day history `2 x (i - 1)` days
 *   before the latest (`history[29]`, `history[27]`, …, `history[7]`): that value's band is the
 *   sample's `band_at_outcome`;
 * - the sample's outcome, and for those at the meeting stage the days from its first outcome to
 *   its meeting, are row `i` of its band's ladder below.
 */
import { companies } from '../../world/companies.ts';
import { type Band, bandOf } from '../../world/scoring-model.ts';
import { snapshotOf } from '../../world/snapshots.ts';
import { keyTriggersOf } from '../../world/triggers.ts';
import type { OutcomeKind } from '../outcomes/index.ts';

/** How many peer workspaces tracked each fixture company. */
export const SYNTHETIC_SAMPLES_PER_COMPANY = 12;

/** Row `i` of a ladder: the outcome of sample `i + 1`, and its days to a meeting (if it met). */
type Rung = readonly [OutcomeKind, number | null];

/** What the peers' accounts came to, by the band they saw: better bands convert better. */
export const LADDERS: Readonly<Record<Band, readonly Rung[]>> = {
  HOT: [
    ['won', 18],
    ['won', 25],
    ['won', 32],
    ['lost', 21],
    ['opportunity', 14],
    ['opportunity', 28],
    ['meeting_booked', 9],
    ['meeting_booked', 12],
    ['contacted', null],
    ['contacted', null],
    ['no_response', null],
    ['disqualified', null],
  ],
  WARM: [
    ['won', 30],
    ['lost', 26],
    ['opportunity', 21],
    ['meeting_booked', 16],
    ['meeting_booked', 23],
    ['contacted', null],
    ['contacted', null],
    ['contacted', null],
    ['no_response', null],
    ['no_response', null],
    ['no_response', null],
    ['disqualified', null],
  ],
  COLD: [
    ['lost', 38],
    ['meeting_booked', 27],
    ['contacted', null],
    ['contacted', null],
    ['contacted', null],
    ['no_response', null],
    ['no_response', null],
    ['no_response', null],
    ['no_response', null],
    ['no_response', null],
    ['disqualified', null],
    ['disqualified', null],
  ],
};

/** One (workspace, domain) pair with outcomes, reduced to what aggregate signals count. */
export interface Sample {
  readonly domain: string;
  /** The domain's industry, as its firmographics name it. */
  readonly industry: string;
  /** The domain's key triggers when the latest outcome was recorded. */
  readonly triggers: readonly string[];
  /** The band of the latest outcome's score, or null when the workspace had no score. */
  readonly band: Band | null;
  /** The latest outcome. */
  readonly outcome: OutcomeKind;
  /** Days from the first outcome to the first at the meeting stage; null when it met no one. */
  readonly daysToMeeting: number | null;
}

/** The peers' samples of one fixture company. */
export function syntheticSamples(company: (typeof companies)[number]): Sample[] {
  // A fixture's evidence does not move with time: its triggers are the same at any moment.
  const triggers = keyTriggersOf(snapshotOf(company.domain, 0));
  return Array.from({ length: SYNTHETIC_SAMPLES_PER_COMPANY }, (_, i) => {
    const seen = company.history[29 - 2 * i] ?? company.score;
    const band = bandOf(seen);
    const [outcome, days] = LADDERS[band][i] as Rung;
    return {
      domain: company.domain,
      industry: company.industry,
      triggers,
      band,
      outcome,
      daysToMeeting: days,
    };
  });
}

let population: readonly Sample[] | undefined;

/** Every synthetic sample (a pure function of the fixtures, made once). */
export function syntheticPopulation(): readonly Sample[] {
  population ??= companies.flatMap(syntheticSamples);
  return population;
}
