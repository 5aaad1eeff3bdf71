import { describe, expect, it } from 'vitest';
import { companies } from '../../../mock-server/world/companies.ts';
import {
  countryOf,
  firmographicsOf,
  hasRecentFunding,
} from '../../../mock-server/world/firmographics.ts';

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
});
