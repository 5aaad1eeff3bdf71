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
import {
  AREA_POINTS,
  type AreaMatch,
  matchAreas,
  type matchSize,
  SIZE_LABELS,
  sizeSegmentOf,
} from './areas.ts';

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

interface Lines {
  matched: string[];
  gaps: string[];
  points: string[];
}

type Describe = (lines: Lines, company: string, firm: Firmographics, match: AreaMatch) => void;

const sizeOf = (firm: Firmographics) =>
  `${SIZE_LABELS[sizeSegmentOf(firm.employee_count)]} (${count(firm.employee_count)} employees)`;

const describeIndustry: Describe = (lines, company, firm, match) => {
  if (!match.matched) {
    lines.gaps.push(`Industry: the offering does not speak to ${firm.industry}`);
    return;
  }
  lines.matched.push(
    `Industry: ${company} is in ${firm.industry} (the offering names "${match.terms[0]}")`,
  );
  lines.points.push(`Speak to ${firm.industry}: that is where ${company} plays.`);
};

const describeTech: Describe = (lines, company, firm, match) => {
  if (match.matched) {
    lines.matched.push(`Tech stack: ${company} uses ${match.terms.join(', ')}`);
    lines.points.push(`Show how it works with ${match.terms[0]}, which ${company} already uses.`);
  } else if (firm.tech_stack.length > 0) {
    const tools = firm.tech_stack.slice(0, 5).join(', ');
    lines.gaps.push(`Tech stack: the offering names none of ${company}'s tools (${tools})`);
  } else lines.gaps.push(`Tech stack: ${company}'s tools are not known`);
};

function describeSize(
  lines: Lines,
  company: string,
  firm: Firmographics,
  match: ReturnType<typeof matchSize>,
): void {
  const label = SIZE_LABELS[sizeSegmentOf(firm.employee_count)];
  if (match.matched) {
    lines.matched.push(`Size: ${company} is ${sizeOf(firm)}`);
    lines.points.push(`Frame it for ${label} of about ${count(firm.employee_count)} people.`);
  } else if (match.named.length > 0) {
    const named = match.named.map((segment) => SIZE_LABELS[segment].replace(/^an? /, ''));
    lines.gaps.push(
      `Size: the offering is for ${named.join(' and ')} buyers; ${company} is ${sizeOf(firm)}`,
    );
  } else {
    lines.gaps.push(`Size: the offering names no company size; ${company} is ${sizeOf(firm)}`);
  }
}

const describeEvidence: Describe = (lines, company, _firm, match) => {
  if (!match.matched) {
    lines.gaps.push(`Evidence: nothing in the offering meets what ${company} is doing now`);
    return;
  }
  const more = match.terms.length > 1 ? ` and ${match.terms.length - 1} more` : '';
  lines.matched.push(`Evidence: "${match.terms[0]}"${more}`);
  lines.points.unshift(`Open with what ${company} is doing now: "${match.terms[0]}".`);
};

/** One line per area in `matched_areas` or `gaps`, and the talking points the matches give. */
function describe(company: string, firm: Firmographics, areas: ReturnType<typeof matchAreas>) {
  const lines: Lines = { matched: [], gaps: [], points: [] };
  describeIndustry(lines, company, firm, areas.industry);
  describeTech(lines, company, firm, areas.tech);
  describeSize(lines, company, firm, areas.size);
  describeEvidence(lines, company, firm, areas.evidence);
  if (firm.has_recent_funding && lines.matched.length > 0) {
    lines.points.push(`${company} raised recently: budget may be open.`);
  }
  if (lines.matched.length === 0) {
    lines.points.push(
      `Nothing in the offering meets ${company} yet: find a use case in ${firm.industry} first.`,
    );
  }
  return lines;
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
  // Charged before the analysis, which reads and cannot fail: a 402 leaves nothing behind.
  ctx.charge(space, 1);
  const snapshot = snapshotNow(ctx, space, domain);
  const firm = firmographicsOf(domain);
  const areas = matchAreas(input.offering, firm, keyTriggersOf(snapshot));
  const all: AreaMatch[] = [areas.industry, areas.tech, areas.size, areas.evidence];
  const fitScore = all.reduce((sum, area) => sum + (area.matched ? AREA_POINTS[area.area] : 0), 0);
  const overallFit = verdictOf(fitScore);
  const company = snapshot.name;
  const { matched, gaps, points } = describe(company, firm, areas);
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
