/**
 * What a rule can test: the catalog of attributes (`GET /scoring/attributes`) and the values an
 * object has for them now (`GET /scoring/attributes/values`, and what every computation reads).
 *
 * A company's values are its firmographics (`world/firmographics.ts`) and its intent: the five
 * signals, `intent_score`, `delta_30d` and `band` of its current score, as `POST /score` would
 * answer it now (a score younger than 7 days, else one computed at this moment), so they move with
 * the clock. A contact's come from the person behind the LinkedIn profile and their company. The
 * magic domains that cannot be scored (`unscorable.test`, `restricted.test`) have no value at all.
 */
import type { components } from '../../../src/generated/openapi.ts';
import { SCORING_ATTRIBUTES } from '../../../src/schemas/scoring-attributes.ts';
import type { MockContext } from '../../context.ts';
import type { Space } from '../../tenancy/workspace.ts';
import { companies } from '../../world/companies.ts';
import { countryOf, firmographicsOf } from '../../world/firmographics.ts';
import { isScorable } from '../../world/magic.ts';
import type { Snapshot } from '../../world/snapshots.ts';
import { CITIES, INDUSTRIES, KNOWN_TOOLS } from '../../world/vocabulary.ts';
import { personByLinkedin } from '../people/index.ts';
import { freshScore, snapshotNow } from '../scores/index.ts';
import type { AttributeValues } from './evaluator.ts';

type Schemas = components['schemas'];
export type ObjectType = Schemas['ScoringObjectType'];
export type WireAttribute = Schemas['ScoringAttribute'];
type Catalog = typeof SCORING_ATTRIBUTES;
export type CompanyAttribute = keyof Catalog['company'];
export type ContactAttribute = keyof Catalog['contact'];
/** `uses_salesforce`, ...: one boolean per known tool. */
type ToolAttribute = Extract<CompanyAttribute, `uses_${string}`>;

/** `Google Cloud` -> `uses_google_cloud`. */
export function toolAttribute(tool: string): string {
  return `uses_${tool.toLowerCase().replace(/[^a-z0-9]+/g, '_')}`;
}

/** The tool behind each `uses_<tool>` attribute, in the catalog's order (by attribute ID). */
export const TOOL_ATTRIBUTES: ReadonlyMap<string, string> = new Map(
  KNOWN_TOOLS.map((tool): [string, string] => [toolAttribute(tool), tool]).sort(([a], [b]) =>
    a < b ? -1 : 1,
  ),
);

/** What the catalog says of an attribute besides its answer type. */
interface AttributeDetails {
  description: string;
  multi?: boolean;
  unit?: 'points' | 'employees' | 'USD' | 'percent';
  /** Known values of a list attribute (an object may hold others). */
  choices?: () => readonly string[];
  /** Whether its value moves with the company's intent (re-read by the daily refresh). */
  intent?: boolean;
}

/** How departments are read from titles, first match wins. */
const DEPARTMENTS: readonly [department: string, title: RegExp][] = [
  ['Revenue Operations', /revenue operations|revops|sales operations|crm/i],
  ['Data', /\bdata\b|analytics/i],
  ['Growth', /growth/i],
  ['Marketing', /marketing|demand generation|\babm\b/i],
  ['Sales', /sales|account executive|revenue officer|go-to-market/i],
];
const OTHER_DEPARTMENT = 'Other';

/** The department a job title belongs to: `VP of Revenue Operations` -> `Revenue Operations`. */
export function departmentOf(title: string): string {
  return DEPARTMENTS.find(([, pattern]) => pattern.test(title))?.[0] ?? OTHER_DEPARTMENT;
}

const SENIORITIES = ['c_level', 'vp', 'director', 'manager', 'ic'] as const;
const DECISION_MAKERS: ReadonlySet<string> = new Set(['c_level', 'vp', 'director']);

// Known values, computed once from the fixtures and the synthetic vocabulary (data that never changes).
let known: { industries: string[]; countries: string[]; tools: string[] } | undefined;
function knownValues(): NonNullable<typeof known> {
  known ??= {
    industries: [...new Set([...companies.map((c) => c.industry), ...INDUSTRIES])].sort(),
    countries: [
      ...new Set([...companies.map((c) => c.headquarters), ...CITIES].map(countryOf)),
    ].sort(),
    tools: [...KNOWN_TOOLS].sort(),
  };
  return known;
}

const signal = (name: string): AttributeDetails => ({
  description: `The ${name} signal of the company's current intent score, 0 to 100.`,
  unit: 'points',
  intent: true,
});

const toolDetails = (id: string): AttributeDetails => ({
  description: `Whether ${TOOL_ATTRIBUTES.get(id) ?? id} is in the company's tech stack.`,
});

const DETAILS: {
  company: Record<Exclude<CompanyAttribute, ToolAttribute>, AttributeDetails>;
  contact: Record<ContactAttribute, AttributeDetails>;
} = {
  company: {
    intent_score: {
      description: "The company's current intent score, 0 to 100 (the `score` of its Score).",
      unit: 'points',
      intent: true,
    },
    funding: signal('funding'),
    hiring: signal('hiring'),
    news: signal('news'),
    tech: signal('tech'),
    web: signal('web'),
    delta_30d: {
      description: 'How far the intent score moved in 30 days, -100 to 100.',
      unit: 'points',
      intent: true,
    },
    band: {
      description: 'The band of the current intent score: HOT (80+), WARM (60-79) or COLD.',
      choices: () => ['HOT', 'WARM', 'COLD'],
      intent: true,
    },
    employee_count: { description: 'Employees, rounded.', unit: 'employees' },
    annual_revenue: { description: 'Annual revenue, in US dollars.', unit: 'USD' },
    total_funding: { description: 'Outside funding raised in all, in US dollars.', unit: 'USD' },
    headcount_growth_90d: {
      description: 'Headcount change over the last 90 days, in percent.',
      unit: 'percent',
    },
    industry: { description: 'The industry.', choices: () => knownValues().industries },
    hq_country: {
      description: 'The country of the headquarters (ISO 3166-1 alpha-2).',
      choices: () => knownValues().countries,
    },
    tech_stack: {
      description: 'The tools the company is known to use.',
      multi: true,
      choices: () => knownValues().tools,
    },
    is_public: { description: 'Whether the company is listed on a stock exchange.' },
    has_recent_funding: {
      description: 'Whether the company raised a funding round in the last 180 days.',
    },
  },
  contact: {
    seniority: { description: 'The seniority of the role.', choices: () => SENIORITIES },
    department: {
      description: 'The department of the role, read from the title.',
      choices: () => [...DEPARTMENTS.map(([department]) => department), OTHER_DEPARTMENT],
    },
    is_decision_maker: { description: 'Director level or above (director, vp, c_level).' },
    company_intent_score: {
      description: "The current intent score of the contact's company, 0 to 100.",
      unit: 'points',
      intent: true,
    },
    company_employee_count: {
      description: "Employees of the contact's company.",
      unit: 'employees',
    },
    company_industry: {
      description: "The industry of the contact's company.",
      choices: () => knownValues().industries,
    },
  },
};

/** An attribute as the engine knows it. */
export interface AttributeInfo {
  readonly id: string;
  readonly objectType: ObjectType;
  readonly answerType: Schemas['ScoringAnswerType'];
  readonly multi: boolean;
  readonly intent: boolean;
}

function detailsOf(objectType: ObjectType, id: string): AttributeDetails {
  return (DETAILS[objectType] as Record<string, AttributeDetails>)[id] ?? toolDetails(id);
}

const INFO = new Map<string, AttributeInfo>();
for (const objectType of ['company', 'contact'] as const) {
  for (const [id, answerType] of Object.entries(SCORING_ATTRIBUTES[objectType])) {
    const details = detailsOf(objectType, id);
    INFO.set(id, {
      id,
      objectType,
      answerType,
      multi: details.multi ?? false,
      intent: details.intent ?? false,
    });
  }
}

/** The attribute with this ID, of either object type. */
export function attributeInfo(id: string): AttributeInfo | undefined {
  return INFO.get(id);
}

/** The catalog, in its documented order: companies' attributes, then contacts'. */
export function catalog(objectType?: ObjectType): WireAttribute[] {
  const out: WireAttribute[] = [];
  for (const type of ['company', 'contact'] as const) {
    if (objectType !== undefined && type !== objectType) continue;
    for (const [id, answerType] of Object.entries(SCORING_ATTRIBUTES[type])) {
      const details = detailsOf(type, id);
      out.push({
        id,
        object_type: type,
        answer_type: answerType,
        multi: details.multi ?? false,
        description: details.description,
        choices: details.choices === undefined ? null : [...details.choices()],
        unit: details.unit ?? null,
      });
    }
  }
  return out;
}

function noValues(objectType: ObjectType): Record<string, null> {
  return Object.fromEntries(Object.keys(SCORING_ATTRIBUTES[objectType]).map((id) => [id, null]));
}

/** The company's intent as `POST /score` would answer now: a fresh score, else one of this moment. */
function currentIntent(ctx: MockContext, space: Space, domain: string): Snapshot {
  return freshScore(ctx, space, domain)?.snapshot ?? snapshotNow(ctx, space, domain);
}

/** A company's values now, by attribute. */
export function companyValues(ctx: MockContext, space: Space, domain: string): AttributeValues {
  if (!isScorable(domain)) return noValues('company');
  const intent = currentIntent(ctx, space, domain);
  const firmographics = firmographicsOf(domain);
  const stack = new Set(firmographics.tech_stack);
  const values: Record<string, AttributeValues[string]> = {
    intent_score: intent.score,
    funding: intent.signals.funding.score,
    hiring: intent.signals.hiring.score,
    news: intent.signals.news.score,
    tech: intent.signals.tech.score,
    web: intent.signals.web.score,
    delta_30d: intent.delta30d,
    band: intent.band,
    employee_count: firmographics.employee_count,
    annual_revenue: firmographics.annual_revenue,
    total_funding: firmographics.total_funding,
    headcount_growth_90d: firmographics.headcount_growth_90d,
    industry: firmographics.industry,
    hq_country: firmographics.hq_country,
    tech_stack: firmographics.tech_stack,
    is_public: firmographics.is_public,
    has_recent_funding: firmographics.has_recent_funding,
  } satisfies Record<Exclude<CompanyAttribute, ToolAttribute>, AttributeValues[string]>;
  for (const [id, tool] of TOOL_ATTRIBUTES) values[id] = stack.has(tool);
  return values;
}

/** A contact's values now, by attribute (`object_id` is a normalised LinkedIn profile URL). */
export function contactValues(ctx: MockContext, space: Space, profileUrl: string): AttributeValues {
  const { domain, person } = personByLinkedin(profileUrl);
  const company = companyValues(ctx, space, domain);
  const values: Record<ContactAttribute, AttributeValues[string]> = {
    seniority: person.seniority,
    department: departmentOf(person.title),
    is_decision_maker: DECISION_MAKERS.has(person.seniority),
    company_intent_score: company.intent_score ?? null,
    company_employee_count: company.employee_count ?? null,
    company_industry: company.industry ?? null,
  };
  return values;
}

/** An object's values now, by attribute. */
export function valuesOf(
  ctx: MockContext,
  space: Space,
  objectType: ObjectType,
  objectId: string,
): AttributeValues {
  return objectType === 'company'
    ? companyValues(ctx, space, objectId)
    : contactValues(ctx, space, objectId);
}
