/**
 * Company snapshots: what the mock knows about a company at a given moment: a fixture for the well-known companies, a
 * synthetic profile for any other domain, and a scripted timeline for the time-dependent magic
 * domains (`rising.test`, `cooling.test`, `spike.test`). A snapshot is a plain value: scoring takes
 * one and stores it, so a score never changes after it was computed.
 */
import { DAY_MS } from '../kernel/clock.ts';
import {
  type CompanyFixture,
  findCompany,
  type PersonFixture,
  type SignalName,
} from './companies.ts';
import { type MagicBehaviour, magicBehaviour } from './magic.ts';
import {
  actionFor,
  type Band,
  bandOf,
  blend,
  clampScore,
  SIGNAL_NAMES,
  summaryFor,
} from './scoring-model.ts';
import { syntheticCompany } from './synthetic.ts';

export interface EvidenceSnapshot {
  kind: CompanyFixture['signals'][SignalName]['evidence'][number]['kind'];
  title: string;
  url: string | null;
  observedAt: number;
}

export interface SignalSnapshot {
  score: number;
  /** The signal 7 days earlier, for week-over-week spikes. */
  weekAgo: number;
  source: string;
  fetchedAt: number;
  evidence: EvidenceSnapshot[];
}

/** A person as the mock knows them: a fixture person, or a synthetic one (maybe without LinkedIn). */
export type PersonProfile = Pick<PersonFixture, 'name' | 'title' | 'seniority' | 'email'> & {
  linkedin_url: string | null;
};

export interface Snapshot {
  domain: string;
  name: string;
  /** The display name on a Score (`Stripe, Inc.`). */
  company: string;
  score: number;
  band: Band;
  delta30d: number;
  /** 30 daily scores, oldest first; the last one is `score`. */
  history: number[];
  signals: Record<SignalName, SignalSnapshot>;
  action: string;
  summary: string;
  people: readonly PersonProfile[];
}

const companyCache = new Map<string, CompanyFixture>();

/** The fixture or synthetic company behind a domain (memoised: synthesis is deterministic). */
export function companyFor(domain: string): CompanyFixture {
  let company = companyCache.get(domain);
  if (company === undefined) {
    company = findCompany(domain) ?? syntheticCompany(domain);
    if (companyCache.size >= 1_000) companyCache.clear();
    companyCache.set(domain, company);
  }
  return company;
}

function staticSnapshot(company: CompanyFixture, at: number): Snapshot {
  const signals = {} as Record<SignalName, SignalSnapshot>;
  for (const name of SIGNAL_NAMES) {
    const signal = company.signals[name];
    signals[name] = {
      score: signal.score,
      weekAgo: signal.score_7d_ago,
      source: signal.source,
      fetchedAt: at - signal.fetched_days_ago * DAY_MS,
      evidence: signal.evidence.map((evidence) => ({
        kind: evidence.kind,
        title: evidence.title,
        url: evidence.url,
        observedAt: at - evidence.days_ago * DAY_MS,
      })),
    };
  }
  return {
    domain: company.domain,
    name: company.name,
    company: company.company,
    score: company.score,
    band: bandOf(company.score),
    delta30d: company.score - (company.history[0] ?? company.score),
    history: company.history,
    signals,
    action: company.action,
    summary: company.summary,
    people: company.people,
  };
}

type Timeline = (day: number) => Record<SignalName, number>;

const shifted =
  (base: Record<SignalName, number>, perDay: number, limit: number): Timeline =>
  (day) => {
    const shift = Math.sign(perDay) * Math.min(Math.abs(perDay) * day, limit);
    const out = {} as Record<SignalName, number>;
    for (const name of SIGNAL_NAMES) out[name] = clampScore(base[name] + shift);
    return out;
  };

/** Signal values by whole days since the domain was first scored; before that, day 0. */
const TIMELINES: Partial<Record<MagicBehaviour, Timeline>> = {
  // Blend 70 (WARM) on day 0, HOT (82) from day 4, 88 from day 6.
  rising: shifted({ funding: 72, hiring: 70, news: 68, tech: 70, web: 70 }, 3, 18),
  // Blend 88 (HOT) on day 0, WARM (79) from day 3, 64 from day 8.
  cooling: shifted({ funding: 90, hiring: 88, news: 86, tech: 88, web: 88 }, -3, 24),
  // Hiring jumps from 40 to 85 on day 2: the blend stays COLD (47 -> 58), the spike is the news.
  spike: (day) => ({ funding: 50, hiring: day >= 2 ? 85 : 40, news: 45, tech: 55, web: 50 }),
};

/** Whether the domain's score moves with the clock (and so needs an anchor time). */
export function isTimeDependent(domain: string): boolean {
  const behaviour = magicBehaviour(domain);
  return behaviour !== undefined && TIMELINES[behaviour] !== undefined;
}

function timelineSnapshot(
  company: CompanyFixture,
  timeline: Timeline,
  at: number,
  anchor: number,
): Snapshot {
  const dayAt = (t: number) => Math.max(0, Math.floor((t - anchor) / DAY_MS));
  const scoreAt = (t: number) => clampScore(blend(timeline(dayAt(t))));
  const now = timeline(dayAt(at));
  const weekAgo = timeline(dayAt(at - 7 * DAY_MS));
  const history = Array.from({ length: 30 }, (_, i) => scoreAt(at - (29 - i) * DAY_MS));
  const snapshot = staticSnapshot(company, at);
  for (const name of SIGNAL_NAMES) {
    snapshot.signals[name].score = now[name];
    snapshot.signals[name].weekAgo = weekAgo[name];
  }
  const score = history[29] as number;
  const text = { name: company.name, score, delta: score - (history[0] as number), signals: now };
  return {
    ...snapshot,
    score,
    band: bandOf(score),
    delta30d: text.delta,
    history,
    action: actionFor(text),
    summary: summaryFor(text),
  };
}

/**
 * The company behind `domain` as it is at `at` (unix ms). `anchor` is when this domain was first
 * scored in the workspace; only the time-dependent magic domains use it.
 */
export function snapshotOf(domain: string, at: number, anchor = at): Snapshot {
  const key = `${domain} ${at} ${anchor}`;
  let snapshot = recent.get(key);
  if (snapshot === undefined) {
    const company = companyFor(domain);
    const behaviour = magicBehaviour(domain);
    const timeline = behaviour === undefined ? undefined : TIMELINES[behaviour];
    snapshot =
      timeline === undefined
        ? staticSnapshot(company, at)
        : timelineSnapshot(company, timeline, at, anchor);
    if (recent.size >= 1_024) recent.delete(recent.keys().next().value as string);
    recent.set(key, snapshot);
  }
  return snapshot;
}

// Snapshots are a pure function of (domain, time, anchor), and never changed once made: the most
// recent few thousand are kept for reuse. A score keeps its inputs, not its snapshot, so stores of
// many scores stay small.
const recent = new Map<string, Snapshot>();
