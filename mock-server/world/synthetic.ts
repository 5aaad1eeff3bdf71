/**
 * Deterministic synthetic companies for every domain that is not in the fixtures. Everything is
 * drawn from a generator seeded by the domain alone: the same domain gets the same score, signals,
 * history, texts and people in every process, whatever the mock's seed.
 */
import { Random } from '../kernel/random.ts';
import type {
  CompanyFixture,
  EvidenceFixture,
  PersonFixture,
  SignalFixture,
  SignalName,
} from './companies.ts';
import { actionFor, blend, clampScore, SIGNAL_NAMES, summaryFor } from './scoring-model.ts';
import {
  CITIES,
  EVIDENCE_PATHS,
  EVIDENCE_TITLES,
  FIRST_NAMES,
  INDUSTRIES,
  LAST_NAMES,
  ROLES,
  SIGNAL_SOURCES,
} from './vocabulary.ts';

const EVIDENCE_KINDS: Readonly<Record<SignalName, EvidenceFixture['kind']>> = {
  funding: 'funding_round',
  hiring: 'job_posting',
  news: 'news_article',
  tech: 'technology_change',
  web: 'web_activity',
};

/** `acme-widgets.co.uk` -> `Acme Widgets`. */
export function nameFromDomain(domain: string): string {
  const label = domain.split('.')[0] ?? domain;
  return label
    .split(/[-_]+/)
    .filter(Boolean)
    .map((word) => word[0]?.toUpperCase() + word.slice(1))
    .join(' ');
}

function evidenceFor(random: Random, domain: string, name: SignalName): EvidenceFixture[] {
  const titles = random.sample(EVIDENCE_TITLES[name], random.int(1, 3));
  return titles
    .map((title) => ({
      kind: EVIDENCE_KINDS[name],
      title,
      url: random.next() < 0.6 ? `https://${domain}${EVIDENCE_PATHS[name]}` : null,
      days_ago: random.int(0, 45),
    }))
    .sort((a, b) => a.days_ago - b.days_ago);
}

/** A plausible 30-day series from `start` to `end`, oldest first, with small daily moves. */
export function historyBetween(random: Random, start: number, end: number): number[] {
  const history: number[] = [];
  for (let day = 0; day < 30; day++) {
    const trend = start + ((end - start) * day) / 29;
    const noise = day === 0 || day === 29 ? 0 : random.int(-2, 2);
    history.push(clampScore(trend + noise));
  }
  return history;
}

function peopleFor(random: Random, domain: string): PersonFixture[] {
  const firsts = random.sample(FIRST_NAMES, 5);
  const lasts = random.sample(LAST_NAMES, 5);
  const roles = random.sample(ROLES, 5);
  return firsts.map((first, i) => {
    const last = lasts[i] as string;
    const role = roles[i] as (typeof ROLES)[number];
    const slug = `${first}-${last}`.toLowerCase();
    return {
      name: `${first} ${last}`,
      title: role.title,
      seniority: role.seniority,
      email: `${first}.${last}@${domain}`.toLowerCase(),
      linkedin_url: `https://www.linkedin.com/in/${slug}-${random.string(4, '0123456789abcdef')}`,
      intent_rank: i + 1,
    };
  });
}

/** The synthetic company behind a domain that has no fixture. */
export function syntheticCompany(domain: string): CompanyFixture {
  const random = new Random(`profile:${domain}`);
  const values = {} as Record<SignalName, number>;
  const signals = {} as Record<SignalName, SignalFixture>;
  for (const name of SIGNAL_NAMES) {
    const score = random.int(12, 96);
    values[name] = score;
    signals[name] = {
      score,
      score_7d_ago: clampScore(score + random.int(-12, 12)),
      source: SIGNAL_SOURCES[name],
      fetched_days_ago: random.int(0, 6),
      evidence: evidenceFor(random, domain, name),
    };
  }
  const score = clampScore(blend(values) + random.int(-4, 4));
  const delta = random.int(-14, 14);
  const history = historyBetween(random, clampScore(score - delta), score);
  const company = {
    name: nameFromDomain(domain),
    score,
    delta: score - (history[0] as number),
    signals: values,
  };
  return {
    domain,
    name: company.name,
    company: company.name,
    industry: random.pick(INDUSTRIES),
    employees: random.pick([40, 120, 350, 800, 2_500, 7_000]),
    headquarters: random.pick(CITIES),
    score,
    history,
    signals,
    action: actionFor(company),
    summary: summaryFor(company),
    people: peopleFor(random, domain),
  };
}
