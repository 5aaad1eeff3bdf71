import { describe, expect, it } from 'vitest';
import overrides from '../../../fixtures/firmographics.json' with { type: 'json' };
import { companies, findCompany } from '../../../mock-server/world/companies.ts';
import {
  countryOf,
  firmographicsOf,
  hasRecentFunding,
  isFundingRound,
} from '../../../mock-server/world/firmographics.ts';
import { KNOWN_TOOLS } from '../../../mock-server/world/vocabulary.ts';

const CLOUDS = ['AWS', 'Google Cloud', 'Microsoft Azure'];
const CRMS = ['HubSpot', 'Salesforce'];
const listed = (domain: string) =>
  findCompany(domain)?.signals.funding.evidence.some((e) => /^Publicly listed\b/.test(e.title));

describe('firmographics', () => {
  it('keep the fixture’s own industry, size and headquarters country', () => {
    for (const company of companies) {
      const firmographics = firmographicsOf(company.domain);
      expect(firmographics.industry).toBe(company.industry);
      expect(firmographics.employee_count).toBe(company.employees);
      expect(firmographics.hq_country).toBe(countryOf(company.headquarters));
      expect(firmographics.has_recent_funding).toBe(hasRecentFunding(company));
    }
  });

  it('are the same for the same domain, and plausible for a synthetic one', () => {
    const a = firmographicsOf('acme-widgets.com');
    expect(firmographicsOf('acme-widgets.com')).toEqual(a);
    expect(a.annual_revenue).toBeGreaterThan(0);
    expect(a.tech_stack.length).toBeGreaterThanOrEqual(4);
    expect(new Set(a.tech_stack).size).toBe(a.tech_stack.length);
    expect(a.hq_country).toMatch(/^[A-Z]{2}$/);
  });

  it('read countries from headquarters in both spellings', () => {
    expect(countryOf('South San Francisco, United States')).toBe('US');
    expect(countryOf('Austin, TX')).toBe('US');
    expect(countryOf('London, UK')).toBe('GB');
    expect(countryOf('Stockholm, Sweden')).toBe('SE');
  });

  it('count a funding round, not listed results, share sales, credit or "no new round"', () => {
    expect(isFundingRound('Coverage of a growth-stage funding round')).toBe(true);
    expect(isFundingRound('Coverage of a late-stage financing round')).toBe(true);
    expect(isFundingRound('Latest growth round referenced in business press')).toBe(true);
    expect(isFundingRound('Raised growth capital from existing investors')).toBe(true);
    expect(isFundingRound('Publicly listed: quarterly results published')).toBe(false);
    expect(isFundingRound('Employee share sale coverage')).toBe(false);
    expect(isFundingRound('Extended its credit facility')).toBe(false);
    expect(isFundingRound('No new priced round in the last 12 months')).toBe(false);
    expect(isFundingRound('No new financing round observed in 12 months')).toBe(false);
  });

  it('make stripe.com a large private US fintech with a payments stack and a recent round', () => {
    expect(firmographicsOf('stripe.com')).toEqual({
      employee_count: 8500,
      annual_revenue: 5_100_000_000,
      total_funding: 9_400_000_000,
      headcount_growth_90d: 5,
      industry: 'Payments infrastructure',
      hq_country: 'US',
      tech_stack: [
        'AWS',
        'Datadog',
        'Looker',
        'Outreach',
        'Salesforce',
        'Segment',
        'Slack',
        'Snowflake',
        'Stripe',
      ],
      is_public: false,
      has_recent_funding: true,
    });
  });

  it('hold no synthetic company that is listed and raised a round in the last 180 days', () => {
    for (let i = 0; i < 2_000; i++) {
      const firmographics = firmographicsOf(`synthetic-${i}.com`);
      expect(firmographics.is_public && firmographics.has_recent_funding).toBe(false);
    }
  });
});

describe('fixtures/firmographics.json', () => {
  it('curates every fixture company, and nothing else', () => {
    expect(Object.keys(overrides).sort()).toEqual(companies.map((c) => c.domain).sort());
  });

  it('leaves size, industry, country and recent funding to the company fixture', () => {
    for (const [domain, entry] of Object.entries(overrides)) {
      for (const field of ['employee_count', 'industry', 'hq_country', 'has_recent_funding']) {
        expect(entry, `${domain} sets ${field}`).not.toHaveProperty(field);
      }
    }
  });

  it.each(companies.map((c) => c.domain))('%s is consistent with its fixture', (domain) => {
    const company = findCompany(domain);
    if (company === undefined) throw new Error(`no fixture for ${domain}`);
    const f = firmographicsOf(domain);
    // Revenue fits the headcount: between $50k and $1.5M a year per employee.
    const perEmployee = f.annual_revenue / f.employee_count;
    expect(perEmployee).toBeGreaterThanOrEqual(50_000);
    expect(perEmployee).toBeLessThanOrEqual(1_500_000);
    expect(Number.isInteger(f.annual_revenue) && Number.isInteger(f.total_funding)).toBe(true);
    // A company whose evidence says it is listed is public; a public company raises no rounds.
    if (listed(domain)) expect(f.is_public).toBe(true);
    if (f.is_public) {
      expect(f.has_recent_funding).toBe(false);
      expect(f.annual_revenue).toBeGreaterThanOrEqual(100_000_000);
    }
    // A company that raised a round in the last 180 days has raised money.
    if (f.has_recent_funding) expect(f.total_funding).toBeGreaterThan(0);
    // Headcount moves with hiring intent.
    expect(f.headcount_growth_90d).toBeGreaterThanOrEqual(-15);
    expect(f.headcount_growth_90d).toBeLessThanOrEqual(40);
    if (company.signals.hiring.score >= 75)
      expect(f.headcount_growth_90d).toBeGreaterThanOrEqual(2);
    if (company.signals.hiring.score < 45) expect(f.headcount_growth_90d).toBeLessThanOrEqual(0);
    // A stack of 5 to 12 distinct tools, sorted, on one cloud at least and one CRM.
    expect(f.tech_stack.length).toBeGreaterThanOrEqual(5);
    expect(f.tech_stack.length).toBeLessThanOrEqual(12);
    expect([...f.tech_stack].sort()).toEqual(f.tech_stack);
    expect(new Set(f.tech_stack).size).toBe(f.tech_stack.length);
    expect(f.tech_stack.some((tool) => CLOUDS.includes(tool))).toBe(true);
    expect(f.tech_stack.filter((tool) => CRMS.includes(tool))).toHaveLength(1);
  });

  it('names only known tools: the synthetic vocabulary, and the companies’ own products', () => {
    const tools = new Set(Object.values(overrides).flatMap((entry) => entry.tech_stack));
    expect([...tools].filter((tool) => !(KNOWN_TOOLS as readonly string[]).includes(tool))).toEqual(
      [],
    );
    expect((KNOWN_TOOLS as readonly string[]).filter((tool) => !tools.has(tool))).toEqual([]);
  });
});
