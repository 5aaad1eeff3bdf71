/**
 * Aggregate signals: how accounts like this one convert, across every workspace. A sample is one
 * workspace's outcomes for one domain; the segment is one domain, or every domain of an industry.
 * Samples come from the synthetic population (`population.ts`) and from every workspace of this
 * mock, in the caller's mode. Below `PRIVACY_THRESHOLD` samples nothing is shown, not even how many.
 * What a sample needs of its domain (its industry, its key triggers) was kept with its outcomes
 * when they were recorded, so that a segment costs one pass over the outcomes.
 */
import type { MockContext } from '../../context.ts';
import { DAY_MS } from '../../kernel/clock.ts';
import type { Mode } from '../../tenancy/workspace.ts';
import { companies } from '../../world/companies.ts';
import { INDUSTRIES } from '../../world/vocabulary.ts';
import { allOutcomes, newestFirst, type OutcomeRecord, reaches } from '../outcomes/index.ts';
import { share, topTriggers } from '../reports/index.ts';
import { type Sample, syntheticPopulation } from './population.ts';

/** The fewest samples a segment needs before any of its figures is shown. */
export const PRIVACY_THRESHOLD = 10;

export type Segment = { type: 'domain'; value: string } | { type: 'industry'; value: string };

export type AggregateResult =
  | { available: false; segment: Segment }
  | {
      available: true;
      segment: Segment;
      sampleSize: number;
      hotRate: number;
      meetingRate: number;
      winRate: number;
      medianDaysToMeeting: number | null;
      topTriggers: { trigger: string; count: number }[];
    };

const industryKey = (industry: string) => industry.trim().replace(/\s+/g, ' ').toLowerCase();

let spellings: Map<string, string> | undefined;

/** An industry as the API spells it (the fixtures' and synthetic companies' industries), or as given. */
export function canonicalIndustry(industry: string): string {
  spellings ??= new Map(
    [...companies.map((company) => company.industry), ...INDUSTRIES].map((name) => [
      industryKey(name),
      name,
    ]),
  );
  return spellings.get(industryKey(industry)) ?? industry.trim().replace(/\s+/g, ' ');
}

/** One workspace's outcomes of one domain as a sample: its latest outcome decides. */
function sampleOf(domain: string, outcomes: readonly OutcomeRecord[]): Sample {
  // Oldest first: the reverse of the order in which the latest outcome decides.
  const oldestFirst = [...outcomes].sort(newestFirst).reverse();
  const first = oldestFirst[0] as OutcomeRecord;
  const latest = oldestFirst.at(-1) as OutcomeRecord;
  const met = oldestFirst.find((outcome) => reaches(outcome.outcome, 'meeting'));
  return {
    domain,
    industry: latest.industry,
    triggers: latest.triggers,
    band: latest.bandAtOutcome,
    outcome: latest.outcome,
    daysToMeeting:
      met !== undefined && reaches(latest.outcome, 'meeting')
        ? (met.occurredAt - first.occurredAt) / DAY_MS
        : null,
  };
}

/** The samples of every workspace of the mock, in one mode, that fall in the segment. */
function ownSamples(
  ctx: MockContext,
  mode: Mode,
  inSegment: (of: { domain: string; industry: string }) => boolean,
) {
  const samples: Sample[] = [];
  for (const workspace of ctx.tenants.all()) {
    const byDomain = new Map<string, OutcomeRecord[]>();
    for (const outcome of allOutcomes(workspace.spaces[mode])) {
      if (!inSegment(outcome)) continue;
      const list = byDomain.get(outcome.domain);
      if (list === undefined) byDomain.set(outcome.domain, [outcome]);
      else list.push(outcome);
    }
    for (const [domain, outcomes] of byDomain) samples.push(sampleOf(domain, outcomes));
  }
  return samples;
}

/** The middle value (the mean of the two middle ones for an even count), to 1 decimal. */
function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value =
    sorted.length % 2 === 1
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return Math.round(value * 10) / 10;
}

/** The aggregate signals of a segment, seen from a key of `mode`. */
export function aggregateSignals(ctx: MockContext, mode: Mode, segment: Segment): AggregateResult {
  const wanted = industryKey(segment.value);
  const inSegment =
    segment.type === 'domain'
      ? (of: { domain: string }) => of.domain === segment.value
      : (of: { industry: string }) => industryKey(of.industry) === wanted;
  const samples = [...syntheticPopulation().filter(inSegment), ...ownSamples(ctx, mode, inSegment)];
  if (samples.length < PRIVACY_THRESHOLD) return { available: false, segment };
  const count = (test: (sample: Sample) => boolean) => samples.filter(test).length;
  return {
    available: true,
    segment,
    sampleSize: samples.length,
    hotRate: share(
      count((s) => s.band === 'HOT'),
      samples.length,
    ),
    meetingRate: share(
      count((s) => reaches(s.outcome, 'meeting')),
      samples.length,
    ),
    winRate: share(
      count((s) => reaches(s.outcome, 'won')),
      samples.length,
    ),
    medianDaysToMeeting: median(
      samples.flatMap((s) => (s.daysToMeeting === null ? [] : [s.daysToMeeting])),
    ),
    topTriggers: topTriggers(samples.map((sample) => sample.triggers)),
  };
}
