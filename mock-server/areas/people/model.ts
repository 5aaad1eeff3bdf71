/**
 * `POST /people/score`: a person from a work email or a LinkedIn profile URL, with their company's
 * intent score. Emails of fixture people resolve to them; any other address at a real-looking
 * domain resolves to a deterministic synthetic person there. Free-mail addresses, LinkedIn URLs
 * that are not profiles, and the magic unresolvable domains are `422 unresolvable_person`.
 */
import { checkDomain } from '../../../src/domain.ts';
import type { MockContext } from '../../context.ts';
import { keepNewestValues } from '../../kernel/bounds.ts';
import { MockApiError } from '../../kernel/errors.ts';
import { hash32 } from '../../kernel/random.ts';
import { defineStore, type Space } from '../../tenancy/workspace.ts';
import { companies } from '../../world/companies.ts';
import { FREE_MAIL_DOMAINS, UNRESOLVABLE_PERSON_DOMAINS } from '../../world/magic.ts';
import { companyFor, type PersonProfile } from '../../world/snapshots.ts';
import { ROLES } from '../../world/vocabulary.ts';
import {
  applyRequestMagic,
  freshScore,
  renderPerson,
  snapshotNow,
  type WirePerson,
} from '../scores/index.ts';
import { linkedinSlug, prospectByEmail, prospectBySlug } from './prospects.ts';

/** The most resolved people a space remembers (a forgotten one fires `person.scored` again). */
export const MAX_PEOPLE_REMEMBERED = 100_000;

/** IDs of the people resolved so far in a space (`person.scored` fires for new ones only). */
const resolvedPeople = defineStore('people', () => new Set<string>());

export interface PersonInput {
  email?: string;
  linkedinUrl?: string;
  roleHint?: string;
}

function unresolvable(field: 'email' | 'linkedin_url', message: string): MockApiError {
  return new MockApiError('unresolvable_person', message, { field });
}

/** `jane.doe` -> `Jane Doe`. */
function nameFromSlug(slug: string): string {
  return slug
    .split(/[._-]+/)
    .filter((part) => /^[a-z]+$/i.test(part))
    .slice(0, 3)
    .map((part) => part[0]?.toUpperCase() + part.slice(1).toLowerCase())
    .join(' ');
}

const HINT_ALIASES: Readonly<Record<string, string>> = {
  revops: 'revenue operations',
  salesops: 'sales operations',
  cro: 'chief revenue officer',
  marketing: 'marketing',
  growth: 'growth',
  data: 'data',
  founder: 'chief revenue officer',
};

function roleFor(key: string, roleHint: string | undefined): (typeof ROLES)[number] {
  const hint = roleHint?.trim().toLowerCase().replace(/\s+/g, ' ');
  const wanted = hint === undefined ? undefined : (HINT_ALIASES[hint.replace(/ /g, '')] ?? hint);
  const matching =
    wanted === undefined ? [] : ROLES.filter((role) => role.title.toLowerCase().includes(wanted));
  const pool = matching.length > 0 ? matching : ROLES;
  return pool[hash32(key) % pool.length] as (typeof ROLES)[number];
}

function syntheticPerson(
  email: string,
  slug: string,
  linkedinUrl: string | null,
  roleHint?: string,
): PersonProfile {
  const role = roleFor(email, roleHint);
  return {
    name: nameFromSlug(slug) || 'Alex Morgan',
    title: role.title,
    seniority: role.seniority,
    email,
    linkedin_url: linkedinUrl,
  };
}

function byEmail(input: string, roleHint?: string): { domain: string; person: PersonProfile } {
  const email = input.trim().toLowerCase();
  const [local = '', host = ''] = email.split('@');
  if (FREE_MAIL_DOMAINS.has(host)) {
    throw unresolvable(
      'email',
      'Free-mail addresses cannot be resolved to a company. Use a work email or a LinkedIn profile URL.',
    );
  }
  const checked = checkDomain(host);
  if (!checked.ok)
    throw unresolvable('email', `No company could be found for the email domain "${host}".`);
  const domain = checked.domain;
  const known =
    companyFor(domain).people.find((person) => person.email.toLowerCase() === email) ??
    prospectByEmail(email)?.profile;
  return { domain, person: known ?? syntheticPerson(email, local, null, roleHint) };
}

/** A person of the prospect pool (fixture people included) by LinkedIn profile slug. */
function knownByLinkedin(slug: string): { domain: string; person: PersonProfile } | undefined {
  const found = prospectBySlug(slug);
  return found === undefined ? undefined : { domain: found.company.domain, person: found.profile };
}

function byLinkedin(input: string, roleHint?: string): { domain: string; person: PersonProfile } {
  let url: URL | undefined;
  try {
    url = new URL(input);
  } catch {
    url = undefined;
  }
  const slug =
    url && /(^|\.)linkedin\.com$/i.test(url.hostname)
      ? /^\/in\/([^/]+)\/?$/.exec(url.pathname)?.[1]
      : undefined;
  if (slug === undefined) {
    throw unresolvable(
      'linkedin_url',
      'linkedin_url must be a LinkedIn profile URL with an /in/ segment, such as https://www.linkedin.com/in/jane-doe.',
    );
  }
  const key = linkedinSlug(`/in/${slug}`) ?? slug.toLowerCase();
  const known = knownByLinkedin(key);
  if (known !== undefined) return known;
  // An unknown profile works at a well-known company chosen by its URL, so it has a real score.
  const company = companies[hash32(key) % Math.max(1, companies.length)];
  const domain = company?.domain ?? 'example.com';
  const name = nameFromSlug(key.replace(/-[0-9a-f]{4,}$/, '')) || 'Alex Morgan';
  const email = `${name.toLowerCase().replace(/ /g, '.')}@${domain}`;
  // The same address as a person of the pool is that person (one address, one person).
  const pooled = prospectByEmail(email);
  if (pooled !== undefined) return { domain, person: pooled.profile };
  const profileUrl = `https://www.linkedin.com/in/${key}`;
  return {
    domain,
    person: syntheticPerson(email, name.toLowerCase().replace(/ /g, '.'), profileUrl, roleHint),
  };
}

/**
 * The person behind a LinkedIn profile URL and their company's domain, as `POST /people/score`
 * resolves them (a fixture person, or a synthetic one at a well-known company), without scoring or
 * recording anything. Throws `422 unresolvable_person` for a URL that is not a profile.
 */
export function personByLinkedin(url: string): { domain: string; person: PersonProfile } {
  return byLinkedin(url);
}

/** Resolves and scores a person (one credit in live mode); records `person.scored` the first time. */
export function scorePerson(ctx: MockContext, space: Space, input: PersonInput): WirePerson {
  const resolved =
    input.email !== undefined
      ? byEmail(input.email, input.roleHint)
      : byLinkedin(input.linkedinUrl ?? '', input.roleHint);
  const { domain, person } = resolved;
  applyRequestMagic(space, domain, `person:${person.email}`);
  if (UNRESOLVABLE_PERSON_DOMAINS.has(domain)) {
    throw unresolvable(
      input.email !== undefined ? 'email' : 'linkedin_url',
      `No person could be resolved at ${domain}.`,
    );
  }
  ctx.charge(space, 1);
  const intentScore =
    freshScore(ctx, space, domain)?.score ?? snapshotNow(ctx, space, domain).score;
  const wire = renderPerson(person, domain, intentScore, ctx.now());
  const known = space.get(resolvedPeople);
  if (!known.has(wire.id)) {
    known.add(wire.id);
    keepNewestValues(known, MAX_PEOPLE_REMEMBERED);
    ctx.events.record(space, 'person.scored', { person: wire });
  }
  return wire;
}
