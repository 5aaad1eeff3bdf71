/**
 * Fit analysis: how well an offering fits a company, from the offering's terms matched against the
 * company's industry, tech stack, size and evidence (`areas.ts`). Deterministic, computed per
 * request and never stored: one credit on live keys.
 */
import type { MockContext } from '../../context.ts';
import type { Space } from '../../tenancy/workspace.ts';
import { type Firmographics, firmographicsOf } from '../../world/firmographics.ts';
import { magicBehaviour } from '../../world/magic.ts';
import { keyTriggersOf } from '../../world/triggers.ts';
import { applyRequestMagic, snapshotNow, unscorable } from '../scores/index.ts';
import { AREA_POINTS, type AreaMatch, matchAreas, SIZE_LABELS, sizeSegmentOf } from './areas.ts';

export type OverallFit = 'strong_fit' | 'maybe' | 'misfit';

/** `strong_fit` from this score up. */
export const STRONG_FIT_SCORE = 70;
/** `maybe` from this score up (below: `misfit`). */
export const MAYBE_SCORE = 40;
const MAX_ITEMS = 5;
const MAX_PITCH = 140;
const MAX_SUBJECT = 60;

export interface FitResult {
  domain: string;
  company: string;
  overallFit: OverallFit;
  fitScore: number;
  matchedAreas: string[];
  gaps: string[];
  talkingPoints: string[];
  oneLinePitch: string;
  computedAt: number;
}

export function verdictOf(score: number): OverallFit {
  return score >= STRONG_FIT_SCORE ? 'strong_fit' : score >= MAYBE_SCORE ? 'maybe' : 'misfit';
}

const cut = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
const count = (n: number) => n.toLocaleString('en-US');

/** The offering's first sentence, on one line, as the pitch quotes it. */
function subjectOf(offering: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
  const clean = offering.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  const sentence =
    clean
      .split(/[.!?](?:\s|$)/)[0]
      ?.replace(/\s+/g, ' ')
      .trim() ?? '';
  return /[\p{L}\p{N}]/u.test(sentence) ? cut(sentence, MAX_SUBJECT) : 'Your offering';
}

function describe(
  company: string,
  firm: Firmographics,
  areas: ReturnType<typeof matchAreas>,
): { matched: string[]; gaps: string[]; points: string[] } {
  const matched: string[] = [];
  const gaps: string[] = [];
  const points: string[] = [];
  const size = `${SIZE_LABELS[sizeSegmentOf(firm.employee_count)]} (${count(firm.employee_count)} employees)`;
  const { industry, tech, size: sized, evidence } = areas;

  if (industry.matched) {
    matched.push(
      `Industry: ${company} is in ${firm.industry} (the offering names "${industry.terms[0]}")`,
    );
    points.push(`Speak to ${firm.industry}: that is where ${company} plays.`);
  } else gaps.push(`Industry: the offering does not speak to ${firm.industry}`);

  if (tech.matched) {
    matched.push(`Tech stack: ${company} uses ${tech.terms.join(', ')}`);
    points.push(`Show how it works with ${tech.terms[0]}, which ${company} already uses.`);
  } else if (firm.tech_stack.length > 0) {
    gaps.push(
      `Tech stack: the offering names none of ${company}'s tools (${firm.tech_stack.slice(0, 5).join(', ')})`,
    );
  } else gaps.push(`Tech stack: ${company}'s tools are not known`);

  if (sized.matched) {
    matched.push(`Size: ${company} is ${size}`);
    points.push(
      `Frame it for ${SIZE_LABELS[sizeSegmentOf(firm.employee_count)]} of about ${count(firm.employee_count)} people.`,
    );
  } else if (sized.named.length > 0) {
    const named = sized.named
      .map((segment) => SIZE_LABELS[segment].replace(/^an? /, ''))
      .join(' and ');
    gaps.push(`Size: the offering is for ${named} buyers; ${company} is ${size}`);
  } else gaps.push(`Size: the offering names no company size; ${company} is ${size}`);

  if (evidence.matched) {
    const more = evidence.terms.length > 1 ? ` and ${evidence.terms.length - 1} more` : '';
    matched.push(`Evidence: "${evidence.terms[0]}"${more}`);
    points.unshift(`Open with what ${company} is doing now: "${evidence.terms[0]}".`);
  } else gaps.push(`Evidence: nothing in the offering meets what ${company} is doing now`);

  if (firm.has_recent_funding && matched.length > 0) {
    points.push(`${company} raised recently: budget may be open.`);
  }
  if (matched.length === 0) {
    points.push(
      `Nothing in the offering meets ${company} yet: find a use case in ${firm.industry} first.`,
    );
  }
  return { matched, gaps, points };
}

function pitchOf(
  company: string,
  subject: string,
  firm: Firmographics,
  areas: ReturnType<typeof matchAreas>,
  fit: OverallFit,
): string {
  const tail =
    fit === 'misfit'
      ? ' (a weak fit today)'
      : areas.tech.matched
        ? `, on the ${areas.tech.terms[0]} they run`
        : areas.industry.matched
          ? `, made for ${firm.industry}`
          : '';
  return cut(`For ${company}: ${subject}${tail}.`, MAX_PITCH);
}

/** `POST /fit`: the offering met against the company, charged one credit on live keys. */
export function analyzeFit(
  ctx: MockContext,
  space: Space,
  input: { domain: string; offering: string },
): FitResult {
  const { domain } = input;
  applyRequestMagic(space, domain, `fit:${domain}`);
  if (magicBehaviour(domain) === 'unscorable') throw unscorable(domain);
  ctx.ensureCredits(space, 1);
  const snapshot = snapshotNow(ctx, space, domain);
  const firm = firmographicsOf(domain);
  const areas = matchAreas(input.offering, firm, keyTriggersOf(snapshot));
  const all: AreaMatch[] = [areas.industry, areas.tech, areas.size, areas.evidence];
  const fitScore = all.reduce((sum, area) => sum + (area.matched ? AREA_POINTS[area.area] : 0), 0);
  const overallFit = verdictOf(fitScore);
  const company = snapshot.name;
  const { matched, gaps, points } = describe(company, firm, areas);
  ctx.charge(space, 1);
  return {
    domain,
    company,
    overallFit,
    fitScore,
    matchedAreas: matched.slice(0, MAX_ITEMS),
    gaps: gaps.slice(0, MAX_ITEMS),
    talkingPoints: points.slice(0, MAX_ITEMS),
    oneLinePitch: pitchOf(company, subjectOf(input.offering), firm, areas, overallFit),
    computedAt: ctx.now(),
  };
}
