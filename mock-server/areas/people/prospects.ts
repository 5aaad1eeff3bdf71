/**
 * The prospect pool: the people the mock knows by name at the well-known companies of the
 * fixtures, beyond the five each fixture lists. Intent searches draw the people they find from
 * here, and `POST /people/score` resolves them, by work email or LinkedIn profile, to the same
 * person (`prs_` ID, name, title, seniority) a search returned.
 *
 * Each fixture company has its five fixture people and 19 more, drawn from a generator seeded by
 * the domain, with titles spread over every buyer team (revenue, marketing, data, engineering,
 * security, finance, people, product). The pool is a pure function of the fixtures, built once
 * when first needed: a lookup table, not state.
 */
import { stableId } from '../../kernel/ids.ts';
import { Random } from '../../kernel/random.ts';
import { type CompanyFixture, companies } from '../../world/companies.ts';
import {
  familyOfTitle,
  PERSONA_FAMILIES,
  PERSONA_TITLES,
  type PersonaFamily,
} from '../../world/personas.ts';
import type { PersonProfile } from '../../world/snapshots.ts';
import { CITIES, FIRST_NAMES, LAST_NAMES } from '../../world/vocabulary.ts';

/** People a fixture company has in the pool, its five fixture people included. */
export const PROSPECTS_PER_COMPANY = 24;

/** A person of the pool, at a fixture company. */
export interface Prospect {
  /** The person as `POST /people/score` resolves them. */
  readonly profile: PersonProfile & { linkedin_url: string };
  /** The `prs_` ID `POST /people/score` answers with (derived from the work email). */
  readonly personId: string;
  readonly company: CompanyFixture;
  readonly family: PersonaFamily;
  readonly location: string;
}

const HEX = '0123456789abcdef';

/** The LinkedIn profile slug of a URL (`/in/<slug>`), lower-cased, if it is a profile. */
export function linkedinSlug(url: string): string | undefined {
  const at = url.indexOf('/in/');
  if (at < 0) return undefined;
  const slug = url.slice(at + 4).split(/[/?#]/)[0];
  if (slug === undefined || slug === '') return undefined;
  try {
    return decodeURIComponent(slug).toLowerCase();
  } catch {
    return slug.toLowerCase(); // a stray `%` is part of the slug, not an escape
  }
}

function prospect(company: CompanyFixture, profile: Prospect['profile'], location: string) {
  return {
    profile,
    // The same derivation as the Person object's ID (scores/wire.ts): the work email, lower-cased.
    personId: stableId('prs', profile.email.toLowerCase()),
    company,
    family: familyOfTitle(profile.title),
    location,
  };
}

function companyProspects(company: CompanyFixture, slugs: Set<string>): Prospect[] {
  const out: Prospect[] = company.people.map((person) =>
    prospect(company, { ...person }, company.headquarters),
  );
  const names = new Set(company.people.map((person) => person.name));
  const random = new Random(`prospects:${company.domain}`);
  const offset = random.int(0, PERSONA_FAMILIES.length - 1);
  for (let i = 0; out.length < PROSPECTS_PER_COMPANY; i++) {
    const name = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
    if (names.has(name)) continue;
    const family = PERSONA_FAMILIES[(offset + i) % PERSONA_FAMILIES.length] as PersonaFamily;
    const role = random.pick(PERSONA_TITLES[family]);
    const base = name.toLowerCase().replace(' ', '-');
    const slug = `${base}-${random.string(4, HEX)}`;
    if (slugs.has(slug)) continue;
    names.add(name);
    slugs.add(slug);
    const remote = random.next() < 0.3;
    out.push(
      prospect(
        company,
        {
          name,
          title: role.title,
          seniority: role.seniority,
          email: `${name.toLowerCase().replace(' ', '.')}@${company.domain}`,
          linkedin_url: `https://www.linkedin.com/in/${slug}`,
        },
        remote ? random.pick(CITIES) : company.headquarters,
      ),
    );
  }
  return out;
}

interface Pool {
  all: readonly Prospect[];
  byEmail: ReadonlyMap<string, Prospect>;
  bySlug: ReadonlyMap<string, Prospect>;
}

let pool: Pool | undefined;

function build(): Pool {
  const slugs = new Set<string>();
  for (const company of companies) {
    for (const person of company.people) {
      const slug = linkedinSlug(person.linkedin_url);
      if (slug !== undefined) slugs.add(slug);
    }
  }
  const all = companies.flatMap((company) => companyProspects(company, slugs));
  const byEmail = new Map(all.map((p) => [p.profile.email.toLowerCase(), p] as const));
  const bySlug = new Map<string, Prospect>();
  for (const p of all) {
    const slug = linkedinSlug(p.profile.linkedin_url);
    if (slug !== undefined) bySlug.set(slug, p);
  }
  return { all, byEmail, bySlug };
}

/** Every person of the pool, company by company (in the fixtures' order). */
export function prospects(): readonly Prospect[] {
  pool ??= build();
  return pool.all;
}

/** The person of the pool with this work email, if any. */
export function prospectByEmail(email: string): Prospect | undefined {
  pool ??= build();
  return pool.byEmail.get(email.trim().toLowerCase());
}

/** The person of the pool with this LinkedIn profile slug (`jane-doe` of `/in/jane-doe`), if any. */
export function prospectBySlug(slug: string): Prospect | undefined {
  pool ??= build();
  return pool.bySlug.get(slug.toLowerCase());
}
