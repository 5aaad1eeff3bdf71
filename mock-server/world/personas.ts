/**
 * Buyer personas: the teams a company sells to, the titles people hold in each, and which team a
 * company's customers buy from it. Intent searches rank people by how well their title fits the
 * team the ICP company sells to; the prospect pool draws its titles from here.
 */
import type { components } from '../../src/generated/openapi.ts';

type Seniority = components['schemas']['Seniority'];

/** The teams people work in, as buyers. */
export type PersonaFamily =
  | 'revenue'
  | 'marketing'
  | 'data'
  | 'engineering'
  | 'security'
  | 'finance'
  | 'people'
  | 'product';

export const PERSONA_FAMILIES: readonly PersonaFamily[] = [
  'revenue',
  'marketing',
  'data',
  'engineering',
  'security',
  'finance',
  'people',
  'product',
];

/** How a family is named in a sentence: "the revenue team". */
export const FAMILY_LABELS: Readonly<Record<PersonaFamily, string>> = {
  revenue: 'revenue',
  marketing: 'marketing',
  data: 'data',
  engineering: 'engineering',
  security: 'security',
  finance: 'finance',
  people: 'people',
  product: 'product',
};

/** Titles of each family, most senior first. */
export const PERSONA_TITLES: Readonly<
  Record<PersonaFamily, readonly { title: string; seniority: Seniority }[]>
> = {
  revenue: [
    { title: 'Chief Revenue Officer', seniority: 'c_level' },
    { title: 'VP of Sales', seniority: 'vp' },
    { title: 'Head of Revenue Operations', seniority: 'director' },
    { title: 'Director of Sales Operations', seniority: 'director' },
    { title: 'Sales Operations Manager', seniority: 'manager' },
    { title: 'Enterprise Account Executive', seniority: 'ic' },
  ],
  marketing: [
    { title: 'Chief Marketing Officer', seniority: 'c_level' },
    { title: 'VP of Marketing', seniority: 'vp' },
    { title: 'Director of Demand Generation', seniority: 'director' },
    { title: 'Head of Growth', seniority: 'director' },
    { title: 'Marketing Operations Manager', seniority: 'manager' },
    { title: 'Growth Marketing Analyst', seniority: 'ic' },
  ],
  data: [
    { title: 'Chief Data Officer', seniority: 'c_level' },
    { title: 'VP of Data', seniority: 'vp' },
    { title: 'Head of Analytics', seniority: 'director' },
    { title: 'Director of Data Engineering', seniority: 'director' },
    { title: 'Analytics Manager', seniority: 'manager' },
    { title: 'Senior Analytics Engineer', seniority: 'ic' },
  ],
  engineering: [
    { title: 'Chief Technology Officer', seniority: 'c_level' },
    { title: 'VP of Engineering', seniority: 'vp' },
    { title: 'Director of Platform Engineering', seniority: 'director' },
    { title: 'Head of Infrastructure', seniority: 'director' },
    { title: 'Engineering Manager, Developer Experience', seniority: 'manager' },
    { title: 'Staff Site Reliability Engineer', seniority: 'ic' },
  ],
  security: [
    { title: 'Chief Information Security Officer', seniority: 'c_level' },
    { title: 'VP of Security', seniority: 'vp' },
    { title: 'Director of Security Engineering', seniority: 'director' },
    { title: 'Head of Governance, Risk and Compliance', seniority: 'director' },
    { title: 'Security Engineering Manager', seniority: 'manager' },
    { title: 'Senior Security Engineer', seniority: 'ic' },
  ],
  finance: [
    { title: 'Chief Financial Officer', seniority: 'c_level' },
    { title: 'VP of Finance', seniority: 'vp' },
    { title: 'Director of FP&A', seniority: 'director' },
    { title: 'Corporate Controller', seniority: 'director' },
    { title: 'Finance Operations Manager', seniority: 'manager' },
    { title: 'Senior Financial Analyst', seniority: 'ic' },
  ],
  people: [
    { title: 'Chief People Officer', seniority: 'c_level' },
    { title: 'VP of People', seniority: 'vp' },
    { title: 'Director of Talent Acquisition', seniority: 'director' },
    { title: 'Head of People Operations', seniority: 'director' },
    { title: 'HR Operations Manager', seniority: 'manager' },
    { title: 'People Systems Specialist', seniority: 'ic' },
  ],
  product: [
    { title: 'Chief Product Officer', seniority: 'c_level' },
    { title: 'VP of Product', seniority: 'vp' },
    { title: 'Director of Product Management', seniority: 'director' },
    { title: 'Head of Design', seniority: 'director' },
    { title: 'Group Product Manager', seniority: 'manager' },
    { title: 'Senior Product Designer', seniority: 'ic' },
  ],
};

/** Families next to each other: a buyer in one often weighs in on the other's purchases. */
const NEIGHBOURS: Readonly<Record<PersonaFamily, readonly PersonaFamily[]>> = {
  revenue: ['marketing', 'data'],
  marketing: ['revenue', 'data'],
  data: ['engineering', 'revenue', 'marketing'],
  engineering: ['security', 'data', 'product'],
  security: ['engineering'],
  finance: ['people'],
  people: ['finance'],
  product: ['engineering', 'data'],
};

/** How well a person of `family` fits a search for buyers of `wanted`: 1, 0.5 or 0.15. */
export function familyFit(family: PersonaFamily, wanted: PersonaFamily): number {
  if (family === wanted) return 1;
  return NEIGHBOURS[wanted].includes(family) ? 0.5 : 0.15;
}

// Keyword tables, checked in order: the first family whose word appears wins.
const INDUSTRY_WORDS: readonly [PersonaFamily, readonly string[]][] = [
  ['security', ['security', 'identity', 'password', 'compliance', 'devsecops']],
  ['people', ['payroll', 'hr ']],
  ['finance', ['payment', 'card', 'spend', 'banking', 'financial', 'pay later', 'agreements']],
  ['revenue', ['revenue', 'crm', 'customer service', 'sales']],
  ['marketing', ['marketing', 'website', 'e-commerce', 'marketplace', 'scheduling']],
  ['data', ['analytics', 'data', 'database', 'search']],
  [
    'engineering',
    ['observability', 'infrastructure', 'developer', 'api', 'cloud', 'edge', 'monitoring'],
  ],
  ['engineering', ['incident', 'web development', 'internal tools', 'low-code', 'communications']],
  ['product', ['design', 'collaboration', 'productivity', 'project', 'work management', 'video']],
];

const TITLE_WORDS: readonly [PersonaFamily, readonly string[]][] = [
  ['security', ['security', 'compliance']],
  ['finance', ['finance', 'financial', 'fp&a', 'controller']],
  ['people', ['people', 'talent', 'hr ']],
  ['marketing', ['marketing', 'demand', 'growth', 'abm', 'account-based']],
  ['data', ['data', 'analytics']],
  ['engineering', ['engineer', 'infrastructure', 'technology', 'platform']],
  ['product', ['product', 'design']],
  ['revenue', ['revenue', 'sales', 'account', 'crm', 'go-to-market', 'gtm']],
];

function firstMatch(
  text: string,
  table: readonly [PersonaFamily, readonly string[]][],
): PersonaFamily | undefined {
  const lower = `${text.toLowerCase()} `;
  return table.find(([, words]) => words.some((word) => lower.includes(word)))?.[0];
}

/** The team a company of `industry` sells to (revenue teams when the industry says nothing). */
export function familyOfIndustry(industry: string): PersonaFamily {
  return firstMatch(industry, INDUSTRY_WORDS) ?? 'revenue';
}

/** The team a title belongs to (revenue when the title says nothing). */
export function familyOfTitle(title: string): PersonaFamily {
  return firstMatch(title, TITLE_WORDS) ?? 'revenue';
}
