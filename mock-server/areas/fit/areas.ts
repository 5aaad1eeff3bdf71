/**
 * The four areas an offering is met against, and the points each is worth when it matches:
 * industry 30, tech stack 30, size 20, evidence 20. `docs/mock-server.md` ("Fit analysis") gives
 * the same rules to readers; a test reaches each verdict for any company by following them.
 */
import type { Firmographics } from '../../world/firmographics.ts';
import { compared, Words, writtenWordsOf } from './terms.ts';

export type AreaName = 'industry' | 'tech_stack' | 'size' | 'evidence';

export const AREA_POINTS: Readonly<Record<AreaName, number>> = {
  industry: 30,
  tech_stack: 30,
  size: 20,
  evidence: 20,
};

/** Industry words too common to say anything on their own (compared as `wordsOf` gives them). */
export const GENERIC_INDUSTRY_WORDS: ReadonlySet<string> = new Set([
  'software',
  'platform',
  'service',
  'management',
  'solution',
  'tool',
]);

/** Evidence words too common to say anything on their own. */
export const EVIDENCE_STOP_WORDS: ReadonlySet<string> = new Set([
  'about',
  'added',
  'after',
  'every',
  'month',
  'other',
  'their',
  'three',
  'using',
  'which',
]);

export type SizeSegment = 'small' | 'mid_market' | 'enterprise';

/** Employees: fewer than 200 is small, 200 to 1,999 mid-market, 2,000 or more enterprise. */
export function sizeSegmentOf(employees: number): SizeSegment {
  return employees < 200 ? 'small' : employees < 2_000 ? 'mid_market' : 'enterprise';
}

/** The phrases that name each size segment in an offering. */
export const SIZE_TERMS: Readonly<Record<SizeSegment, readonly string[]>> = {
  small: ['startup', 'smb', 'small business', 'small businesses', 'early stage'],
  mid_market: [
    'mid market',
    'midmarket',
    'mid size',
    'midsize',
    'mid sized',
    'scale up',
    'scale ups',
    'scaleup',
  ],
  enterprise: ['enterprise', 'fortune 500'],
};

export const SIZE_LABELS: Readonly<Record<SizeSegment, string>> = {
  small: 'a small company',
  mid_market: 'a mid-market company',
  enterprise: 'an enterprise',
};

export interface AreaMatch {
  readonly area: AreaName;
  readonly matched: boolean;
  /** What matched: the industry word, the tools, the segment, the triggers. */
  readonly terms: readonly string[];
}

/**
 * The industry matches on its whole name, or on one of its words of 4 letters or more (as written)
 * that is not generic.
 */
export function matchIndustry(offering: Words, industry: string): AreaMatch {
  if (offering.hasPhrase(industry)) {
    return { area: 'industry', matched: true, terms: [industry] };
  }
  const word = writtenWordsOf(industry).find(
    (w) => w.length >= 4 && !GENERIC_INDUSTRY_WORDS.has(compared(w)) && offering.has(compared(w)),
  );
  return { area: 'industry', matched: word !== undefined, terms: word === undefined ? [] : [word] };
}

/** The tech stack matches when the offering names one of the company's tools. */
export function matchTechStack(offering: Words, stack: readonly string[]): AreaMatch {
  const tools = stack.filter((tool) => offering.hasPhrase(tool));
  return { area: 'tech_stack', matched: tools.length > 0, terms: tools };
}

/** The size matches when the offering names the company's segment; `terms` lists the segments it names. */
export function matchSize(
  offering: Words,
  employees: number,
): AreaMatch & { named: SizeSegment[] } {
  const named = (Object.keys(SIZE_TERMS) as SizeSegment[]).filter((segment) =>
    SIZE_TERMS[segment].some((term) => offering.hasPhrase(term)),
  );
  const own = sizeSegmentOf(employees);
  return {
    area: 'size',
    matched: named.includes(own),
    terms: named.includes(own) ? [own] : [],
    named,
  };
}

/** The words of a trigger that evidence matching looks for: 5 letters or more, not stop words. */
export function evidenceWords(trigger: string): string[] {
  return writtenWordsOf(trigger)
    .filter((word) => word.length >= 5)
    .map(compared)
    .filter((word) => !EVIDENCE_STOP_WORDS.has(word));
}

/** Evidence matches when the offering shares a word with one of the company's key triggers. */
export function matchEvidence(offering: Words, triggers: readonly string[]): AreaMatch {
  const met = triggers.filter((trigger) => evidenceWords(trigger).some((w) => offering.has(w)));
  return { area: 'evidence', matched: met.length > 0, terms: met };
}

/** All four areas, in the order they are reported. */
export function matchAreas(
  offering: string,
  firmographics: Firmographics,
  triggers: readonly string[],
): {
  industry: AreaMatch;
  tech: AreaMatch;
  size: ReturnType<typeof matchSize>;
  evidence: AreaMatch;
} {
  const words = new Words(offering);
  return {
    industry: matchIndustry(words, firmographics.industry),
    tech: matchTechStack(words, firmographics.tech_stack),
    size: matchSize(words, firmographics.employee_count),
    evidence: matchEvidence(words, triggers),
  };
}
