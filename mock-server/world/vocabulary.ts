/**
 * The words the world is made of: evidence titles, signal sources, fictional people's names and
 * roles, industries and cities. Synthetic companies and people draw from these lists.
 */
import type { SignalName } from './companies.ts';

export const SIGNAL_SOURCES: Readonly<Record<SignalName, string>> = {
  funding: 'crunchbase',
  hiring: 'linkedin_jobs',
  news: 'newsapi',
  tech: 'builtwith',
  web: 'similarweb',
};

export const EVIDENCE_TITLES: Readonly<Record<SignalName, readonly string[]>> = {
  funding: [
    'Announced a new funding round',
    'Raised growth capital from existing investors',
    'No new funding in the last 12 months',
    'Extended its credit facility',
  ],
  hiring: [
    'Hiring: Senior Revenue Operations Analyst',
    'Hiring: Head of Demand Generation',
    'Hiring: Sales Development Representatives (x4)',
    'Hiring: Data Engineer, Go-to-Market',
    'Hiring: Marketing Operations Manager',
  ],
  news: [
    'Coverage of a new product launch',
    'Featured in an industry analyst roundup',
    'Announced a strategic partnership',
    'Opened a new regional office',
  ],
  tech: [
    'Added a customer data platform to the marketing stack',
    'Started using a product analytics tool',
    'Replaced its marketing automation platform',
    'Added a data warehouse connector',
  ],
  web: [
    'Pricing page traffic up 18% month over month',
    'Comparison pages visited from several offices',
    'Documentation traffic up 12% week over week',
    'Steady visits to the integrations directory',
  ],
};

export const EVIDENCE_PATHS: Readonly<Record<SignalName, string>> = {
  funding: '/newsroom',
  hiring: '/careers',
  news: '/blog',
  tech: '/blog',
  web: '/pricing',
};

export const FIRST_NAMES = [
  'Amara',
  'Ben',
  'Carla',
  'Dev',
  'Elena',
  'Farah',
  'Gabriel',
  'Hana',
  'Isaac',
  'Jonas',
  'Keisha',
  'Liam',
  'Maya',
  'Nikhil',
  'Olivia',
  'Pablo',
  'Quinn',
  'Rosa',
  'Sanjay',
  'Tara',
  'Uma',
  'Victor',
  'Wen',
  'Yusuf',
  'Zoe',
] as const;

export const LAST_NAMES = [
  'Abbott',
  'Banerjee',
  'Castro',
  'Dubois',
  'Eriksen',
  'Fischer',
  'Garcia',
  'Haddad',
  'Ito',
  'Jensen',
  'Kowalski',
  'Lindqvist',
  'Mensah',
  'Nakamura',
  'Okafor',
  'Petrov',
  'Quinlan',
  'Rossi',
  'Silva',
  'Tanaka',
  'Usman',
  'Varga',
  'Walsh',
  'Yilmaz',
  'Zhang',
] as const;

export const ROLES = [
  { title: 'Chief Revenue Officer', seniority: 'c_level' },
  { title: 'VP of Revenue Operations', seniority: 'vp' },
  { title: 'VP of Marketing', seniority: 'vp' },
  { title: 'Director of Sales Operations', seniority: 'director' },
  { title: 'Head of Growth', seniority: 'director' },
  { title: 'Director of Demand Generation', seniority: 'director' },
  { title: 'Revenue Operations Manager', seniority: 'manager' },
  { title: 'Marketing Operations Manager', seniority: 'manager' },
  { title: 'Senior Data Analyst, Go-to-Market', seniority: 'ic' },
  { title: 'Sales Operations Analyst', seniority: 'ic' },
] as const;

export const INDUSTRIES = [
  'Software',
  'Financial services',
  'E-commerce',
  'Developer tools',
  'Security',
  'Data and analytics',
  'Collaboration',
  'Marketing technology',
] as const;

export const CITIES = [
  'San Francisco, CA',
  'New York, NY',
  'Austin, TX',
  'Boston, MA',
  'London, UK',
  'Berlin, Germany',
  'Toronto, Canada',
  'Sydney, Australia',
] as const;

/** Tools a company's tech stack is drawn from (as the `tech_stack` attribute lists them). */
export const TECH_TOOLS = [
  'Amplitude',
  'AWS',
  'BigQuery',
  'Databricks',
  'Datadog',
  'Gong',
  'Google Cloud',
  'HubSpot',
  'Intercom',
  'Jira',
  'Looker',
  'Marketo',
  'Microsoft Azure',
  'Mixpanel',
  'Notion',
  'Outreach',
  'Salesforce',
  'Segment',
  'Slack',
  'Snowflake',
  'Stripe',
  'Zendesk',
] as const;

/**
 * Every tool a company's `tech_stack` can list: the synthetic vocabulary above, and the products of
 * fixture companies that use their own (Stripe, Shopify, ...). Scoring profiles have one
 * `uses_<tool>` attribute per tool.
 */
export const KNOWN_TOOLS = [
  ...TECH_TOOLS,
  'Adyen',
  'Cloudflare',
  'Elastic',
  'Figma',
  'GitHub',
  'Grafana',
  'Klaviyo',
  'Linear',
  'MongoDB',
  'Okta',
  'PagerDuty',
  'Sentry',
  'Shopify',
  'Zoom',
] as const;
