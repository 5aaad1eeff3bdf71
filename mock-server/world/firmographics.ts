/**
 * Firmographics: what a company is, apart from its intent. Size, revenue, funding, country,
 * industry, tech stack, public or private. Every domain has them, deterministically: a fixture
 * company's come from `fixtures/firmographics.json` where it has an entry, and are otherwise
 * derived from its fixture (industry, employees, headquarters, funding evidence); any other domain's
 * are drawn from a generator seeded by the domain, like its synthetic profile.
 *
 * They agree with the company's other data: the industry and employee count are the company's own,
 * the country is its headquarters', `has_recent_funding` is true exactly when a funding round
 * appears in its funding evidence within the last 180 days, and a company with a recent round is
 * not a listed one. `test/mock-server/world/firmographics.test.ts` checks these rules, and those of
 * the fixture file (`fixtures/README.md`), on every company.
 */
import overrides from '../../fixtures/firmographics.json' with { type: 'json' };
import { Random } from '../kernel/random.ts';
import type { CompanyFixture } from './companies.ts';
import { companyFor } from './snapshots.ts';
import { TECH_TOOLS } from './vocabulary.ts';

export interface Firmographics {
  employee_count: number;
  /** USD a year. */
  annual_revenue: number;
  /** USD raised in all. */
  total_funding: number;
  /** Headcount change over the last 90 days, in percent. */
  headcount_growth_90d: number;
  industry: string;
  /** ISO 3166-1 alpha-2. */
  hq_country: string;
  /** The tools the company is known to use. */
  tech_stack: string[];
  is_public: boolean;
  /** A funding round in the last 180 days (from the funding evidence). */
  has_recent_funding: boolean;
}

/** What `fixtures/firmographics.json` may give for a domain; the rest is derived. */
type FirmographicsOverride = Partial<Omit<Firmographics, 'industry' | 'employee_count'>>;

const OVERRIDES = overrides as Readonly<Record<string, FirmographicsOverride>>;

/** Country names (and US state codes) as headquarters are written, to ISO 3166-1 alpha-2. */
const COUNTRIES: Readonly<Record<string, string>> = {
  'United States': 'US',
  'United Kingdom': 'GB',
  UK: 'GB',
  Netherlands: 'NL',
  Canada: 'CA',
  Sweden: 'SE',
  Australia: 'AU',
  Israel: 'IL',
  Germany: 'DE',
  France: 'FR',
  Ireland: 'IE',
};
const US_STATES = new Set(['CA', 'NY', 'TX', 'MA', 'WA', 'IL', 'CO', 'GA', 'UT', 'MT']);

/** `South San Francisco, United States` -> `US`; `Austin, TX` -> `US`. */
export function countryOf(headquarters: string): string {
  const last = headquarters.split(',').pop()?.trim() ?? '';
  if (US_STATES.has(last)) return 'US';
  return COUNTRIES[last] ?? 'US';
}

/** How many days back a round still counts as recent funding. */
export const RECENT_FUNDING_DAYS = 180;

/**
 * Whether a piece of funding evidence is a round the company raised: "Coverage of a growth-stage
 * funding round", "Raised growth capital"; not results of a listed company, a secondary share sale,
 * a credit facility or "No new priced round".
 */
export function isFundingRound(title: string): boolean {
  return !/^No\b/i.test(title) && /\bround\b|\braised\b/i.test(title);
}

/** Whether the company's funding evidence shows a round within the last 180 days. */
export function hasRecentFunding(company: CompanyFixture): boolean {
  return company.signals.funding.evidence.some(
    (evidence) =>
      evidence.kind === 'funding_round' &&
      evidence.days_ago <= RECENT_FUNDING_DAYS &&
      isFundingRound(evidence.title),
  );
}

function derived(company: CompanyFixture): Firmographics {
  const random = new Random(`firmographics:${company.domain}`);
  const employees = company.employees;
  const revenuePerEmployee = random.int(150, 400) * 1_000;
  const listed = random.next() < 0.5;
  const recent = hasRecentFunding(company);
  // A listed company raises on the market, not in rounds: one with a recent round is private.
  const isPublic = employees >= 5_000 && listed && !recent;
  const raised = isPublic ? 0 : Math.round(employees * random.int(40, 160)) * 1_000;
  return {
    employee_count: employees,
    annual_revenue: Math.round((employees * revenuePerEmployee) / 1_000_000) * 1_000_000,
    total_funding: raised,
    headcount_growth_90d: Math.round((company.signals.hiring.score - 50) / 4 + random.int(-3, 3)),
    industry: company.industry,
    hq_country: countryOf(company.headquarters),
    tech_stack: random.sample(TECH_TOOLS, random.int(4, 8)).sort(),
    is_public: isPublic,
    has_recent_funding: recent,
  };
}

// Firmographics are a pure function of the domain: memoised, bounded, shared by every mock.
const cache = new Map<string, Firmographics>();

/** The firmographics of a (normalised, apex) domain. */
export function firmographicsOf(domain: string): Firmographics {
  let found = cache.get(domain);
  if (found === undefined) {
    const company = companyFor(domain);
    found = { ...derived(company), ...OVERRIDES[domain] };
    if (cache.size >= 2_000) cache.clear();
    cache.set(domain, found);
  }
  return found;
}
