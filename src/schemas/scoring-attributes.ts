/**
 * The attributes a scoring rule can test, by object type, with the answer type that shapes a
 * rule's `points`. A plain constant with no dependency: the SDK's types tie `points` to the
 * attribute through it, and the mock builds its catalog (`GET /scoring/attributes`) from it, so the
 * two cannot list different attributes.
 */
export const SCORING_ATTRIBUTES = {
  company: {
    intent_score: 'number',
    funding: 'number',
    hiring: 'number',
    news: 'number',
    tech: 'number',
    web: 'number',
    delta_30d: 'number',
    band: 'list',
    employee_count: 'number',
    annual_revenue: 'currency',
    total_funding: 'currency',
    headcount_growth_90d: 'percentage',
    industry: 'list',
    hq_country: 'list',
    tech_stack: 'list',
    is_public: 'boolean',
    has_recent_funding: 'boolean',
  },
  contact: {
    seniority: 'list',
    department: 'list',
    is_decision_maker: 'boolean',
    company_intent_score: 'number',
    company_employee_count: 'number',
    company_industry: 'list',
  },
} as const;
