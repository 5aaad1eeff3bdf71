/**
 * The well-known companies the mock server scores from fixtures (`fixtures/companies.json`).
 * Their consistency is proven by `test/fixtures/companies.test.ts`, so nothing is re-checked here.
 */
import data from '../../fixtures/companies.json' with { type: 'json' };
import type { CompanyFixture } from './fixtures.ts';

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
