/**
 * Pipeline reports: generated on the first request for a quarter and cached per quarter until a
 * `POST` regenerates it. A cached report is the figures as they were when it was generated
 * (`generated_at`): outcomes and scores recorded since then show in the next regeneration.
 */
import type { MockContext } from '../../context.ts';
import { keepNewest } from '../../kernel/bounds.ts';
import { defineStore, type Space } from '../../tenancy/workspace.ts';
import { allOutcomes } from '../outcomes/index.ts';
import { scoreHistory } from '../scores/index.ts';
import { allWatchlists } from '../watchlists/index.ts';
import { type ReportFigures, reportFigures } from './figures.ts';
import { priorQuarter, type Quarter, resolvePeriod } from './period.ts';

/** The most reports a space keeps cached; past it, the one generated longest ago is forgotten. */
export const MAX_CACHED_REPORTS = 100;

export interface ReportRecord {
  readonly period: Quarter;
  readonly generatedAt: number;
  readonly figures: ReportFigures;
}

/** Cached reports by period, the one generated longest ago first. */
const reportCache = defineStore('reports', () => new Map<string, ReportRecord>());

/** How many reports the space has cached. */
export function cachedReportCount(space: Space): number {
  return space.get(reportCache).size;
}

function watchlistedDomains(space: Space): Set<string> {
  const domains = new Set<string>();
  for (const watchlist of allWatchlists(space)) {
    for (const domain of watchlist.accounts.keys()) domains.add(domain);
  }
  return domains;
}

function generate(ctx: MockContext, space: Space, period: Quarter): ReportRecord {
  const record: ReportRecord = {
    period,
    generatedAt: ctx.now(),
    figures: reportFigures({
      scores: scoreHistory(space),
      outcomes: allOutcomes(space),
      watchlisted: watchlistedDomains(space),
      period,
      prior: priorQuarter(period),
    }),
  };
  const cache = space.get(reportCache);
  cache.delete(period.name);
  cache.set(period.name, record);
  keepNewest(cache, MAX_CACHED_REPORTS);
  return record;
}

/** `GET /reports/pipeline`: the cached report of the period, or a new one. */
export function retrieveReport(
  ctx: MockContext,
  space: Space,
  period: string | undefined,
): { report: ReportRecord; cached: boolean } {
  const quarter = resolvePeriod(period, ctx.now());
  const cached = space.get(reportCache).get(quarter.name);
  if (cached !== undefined) return { report: cached, cached: true };
  return { report: generate(ctx, space, quarter), cached: false };
}

/** `POST /reports/pipeline`: the period's report generated anew, replacing the cached one. */
export function regenerateReport(
  ctx: MockContext,
  space: Space,
  period: string | undefined,
): ReportRecord {
  return generate(ctx, space, resolvePeriod(period, ctx.now()));
}
