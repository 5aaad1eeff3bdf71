/**
 * Who a search finds, and in which order: a pure function of the two domains, so the same inputs
 * find the same people, with the same scores, in every process.
 *
 * Interest: each person of the prospect pool (the people area's, at the fixture companies) showed
 * interest in products like the interest domain's or not, drawn from a hash of the two; between a
 * quarter and two thirds of the pool did, depending on the interest domain. People at the interest
 * company itself and at the ICP company are never candidates. Each candidate has 1 to 9 interest
 * signals, the latest 0 to 29 days before the search completed.
 *
 * Fit, 0 to 100: the person's team against the team the ICP company sells to (its industry says
 * which: a CRM sells to revenue teams, an observability platform to engineering), 40%; seniority,
 * 20%; how strong and recent the interest is, 25%; the person's company, in market (its intent
 * score) and of a size like the ICP company's, 15%.
 */
import { hash32 } from '../../kernel/random.ts';
import { MAGIC_INTEREST_DOMAINS } from '../../world/magic.ts';
import {
  FAMILY_LABELS,
  familyFit,
  familyOfIndustry,
  type PersonaFamily,
} from '../../world/personas.ts';
import { companyFor } from '../../world/snapshots.ts';
import { type Prospect, prospects } from '../people/index.ts';
import type { Seniority } from './records.ts';

/** A person a search found, before the search's time places their latest signal on a date. */
export interface RankedPerson {
  readonly rank: number;
  readonly score: number;
  readonly prospect: Prospect;
  readonly signalCount: number;
  /** Days before the search completed. */
  readonly daysAgo: number;
}

const SENIORITY_WEIGHT: Readonly<Record<Seniority, number>> = {
  c_level: 1,
  vp: 0.9,
  director: 0.75,
  manager: 0.55,
  ic: 0.35,
};

const MAX_SIGNALS = 9;
const RECENCY_DAYS = 30;

/** The share of the pool (in percent) that showed interest in products like this domain's. */
function interestShare(interestDomain: string): number {
  return 25 + (hash32(`share:${interestDomain}`) % 42);
}

function sizeFit(employees: number, icpEmployees: number): number {
  const orders = Math.abs(Math.log10(Math.max(1, employees) / Math.max(1, icpEmployees)));
  return Math.max(0, 1 - orders / 2);
}

interface Candidate {
  prospect: Prospect;
  score: number;
  tiebreak: number;
  signalCount: number;
  daysAgo: number;
}

/**
 * Everyone the search finds, best fit first, at most `limit` of them. Empty for the magic
 * interest domains that find nobody (`search-empty.test`, `search-fails.test`).
 */
export function rankPeople(
  interestDomain: string,
  icpDomain: string,
  limit: number,
): RankedPerson[] {
  if (interestDomain === MAGIC_INTEREST_DOMAINS.empty) return [];
  if (interestDomain === MAGIC_INTEREST_DOMAINS.fails) return [];
  const icp = companyFor(icpDomain);
  const wanted = familyOfIndustry(icp.industry);
  const share = interestShare(interestDomain);
  const candidates: Candidate[] = [];
  for (const prospect of prospects()) {
    const domain = prospect.company.domain;
    if (domain === interestDomain || domain === icpDomain) continue;
    const key = `${interestDomain}|${prospect.personId}`;
    if (hash32(`interest:${key}`) % 100 >= share) continue;
    const signalCount = 1 + (hash32(`signals:${key}`) % MAX_SIGNALS);
    const daysAgo = hash32(`recency:${key}`) % RECENCY_DAYS;
    const interest = 0.6 * (signalCount / MAX_SIGNALS) + 0.4 * (1 - daysAgo / RECENCY_DAYS);
    const company =
      0.5 * (prospect.company.score / 100) +
      0.5 * sizeFit(prospect.company.employees, icp.employees);
    const fit =
      0.4 * familyFit(prospect.family, wanted) +
      0.2 * SENIORITY_WEIGHT[prospect.profile.seniority] +
      0.25 * interest +
      0.15 * company;
    candidates.push({
      prospect,
      score: Math.max(0, Math.min(100, Math.round(fit * 100))),
      tiebreak: hash32(`rank:${icpDomain}|${prospect.personId}`),
      signalCount,
      daysAgo,
    });
  }
  candidates.sort(
    (a, b) =>
      b.score - a.score ||
      a.tiebreak - b.tiebreak ||
      a.prospect.personId.localeCompare(b.prospect.personId),
  );
  return candidates.slice(0, limit).map((candidate, index) => ({
    rank: index + 1,
    score: candidate.score,
    prospect: candidate.prospect,
    signalCount: candidate.signalCount,
    daysAgo: candidate.daysAgo,
  }));
}

const MAX_REASON = 200;

function when(daysAgo: number): string {
  if (daysAgo === 0) return 'today';
  if (daysAgo === 1) return 'yesterday';
  return `${daysAgo} days ago`;
}

function fitWords(family: PersonaFamily, wanted: PersonaFamily): string {
  const fit = familyFit(family, wanted);
  const team = `the ${FAMILY_LABELS[wanted]} team`;
  if (fit === 1) return `in ${team}`;
  return fit >= 0.5 ? `next to ${team}` : `outside ${team}`;
}

/**
 * Why a person scored as they did, in at most 200 characters: their role and company, how their
 * team fits the one the ICP company sells to, and their interest signals.
 *
 * @example
 * // 'VP of Sales at Stripe, in the revenue team HubSpot sells to; 7 interest signals, the latest 3 days ago.'
 */
export function scoreReason(person: RankedPerson, icpDomain: string): string {
  const { prospect } = person;
  const icp = companyFor(icpDomain);
  const wanted = familyOfIndustry(icp.industry);
  const signals = `${person.signalCount} interest signal${person.signalCount === 1 ? '' : 's'}, the latest ${when(person.daysAgo)}.`;
  const role = `${prospect.profile.title} at ${prospect.company.name}`;
  const full = `${role}, ${fitWords(prospect.family, wanted)} ${icp.name} sells to; ${signals}`;
  if (full.length <= MAX_REASON) return full;
  const short = `${role}, ${fitWords(prospect.family, wanted)}; ${signals}`;
  return short.length <= MAX_REASON ? short : `${short.slice(0, MAX_REASON - 1)}…`;
}
