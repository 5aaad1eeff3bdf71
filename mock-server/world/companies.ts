/**
 * The well-known companies the mock scores from fixtures (`fixtures/companies.json`): complete,
 * mutually consistent data. Times are relative (`days_ago`) so that the mock's clock can place them.
 *
 * Consistency rules (checked by `test/fixtures/companies.test.ts`):
 * - `domain` is an apex domain, lower-case, and unique across the file.
 * - `history` has 30 daily scores, oldest first; its last value is `score`; `delta_30d` of the served
 *   Score is `score - history[0]`.
 * - the band follows from `score` (HOT >= 80, WARM 60-79, COLD < 60).
 * - `action` is one sentence, 1..140 characters; `summary` has 3 to 5 sentences (Markdown limited to
 *   **bold** and links).
 * - each of the five signals has 1..4 pieces of evidence; `people` has exactly 5 people whose emails
 *   are at `domain`, sorted by `intent_rank` (1 = most engaged).
 */
import data from '../../fixtures/companies.json' with { type: 'json' };
import type { components } from '../../src/generated/openapi.ts';

type Schemas = components['schemas'];

export type SignalName = Schemas['SignalName'];

export interface EvidenceFixture {
  kind: Schemas['Evidence']['kind'];
  title: string;
  /** Only generic pages of the company's own site (careers, blog, newsroom), or null. */
  url: string | null;
  days_ago: number;
}

export interface SignalFixture {
  score: number;
  /** The signal's value 7 days ago, for week-over-week change (a rise of more than 25 is a spike). */
  score_7d_ago: number;
  source: string;
  fetched_days_ago: number;
  evidence: EvidenceFixture[];
}

export interface PersonFixture {
  name: string;
  title: string;
  seniority: Schemas['Seniority'];
  email: string;
  linkedin_url: string;
  intent_rank: number;
}

export interface CompanyFixture {
  domain: string;
  /** The short name texts use (`Stripe`). */
  name: string;
  /** The display name a Score shows as `company` (`Stripe, Inc.`). */
  company: string;
  industry: string;
  employees: number;
  headquarters: string;
  score: number;
  history: number[];
  signals: Record<SignalName, SignalFixture>;
  action: string;
  summary: string;
  people: PersonFixture[];
}

/** Every company fixture, sorted by domain. */
export const companies: readonly CompanyFixture[] = data as CompanyFixture[];

const byDomain = new Map(companies.map((company) => [company.domain, company]));

/**
 * The fixture for an apex domain, or `undefined` when the domain has none. The domain must already
 * be normalised (see `normalizeDomain`).
 *
 * @example
 * findCompany('stripe.com')?.score // 94
 */
export function findCompany(domain: string): CompanyFixture | undefined {
  return byDomain.get(domain);
}
