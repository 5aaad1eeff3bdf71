/**
 * Scores and the 7-day cache. A fresh computation takes a snapshot of the company and keeps it,
 * under a new `scr_` ID, as the domain's latest score; a cache hit returns that score as it is, for
 * free. `GET /score/{id}` answers with the latest score of the ID's domain.
 */
import type { components } from '../../src/generated/openapi.ts';
import { isoDate, isoSeconds } from './clock.ts';
import { charge } from './credits.ts';
import type { Engine } from './engine.ts';
import { MockApiError, notFound } from './errors.ts';
import { recordEvent } from './events.ts';
import { stableId } from './ids.ts';
import { magicBehaviour, RATE_LIMITED_RETRY_AFTER, SLOW_SCORE_MS } from './magic.ts';
import {
  DAY_MS,
  isTimeDependent,
  type PersonProfile,
  type Snapshot,
  snapshotOf,
} from './profiles.ts';
import type { Space } from './space.ts';
import { SIGNAL_NAMES } from './texts.ts';

type Schemas = components['schemas'];
export type WireScore = Schemas['Score'];
export type WirePendingScore = Schemas['PendingScore'];
export type WirePerson = Schemas['Person'];
export type ScoreInclude = Schemas['ScoreInclude'];
export type ScoreTrigger = Schemas['ScoreTrigger'];
export type CacheStatus = 'hit' | 'miss' | 'refresh';

export const CACHE_TTL_MS = 7 * DAY_MS;

export interface ScoreRecord {
  readonly id: string;
  readonly domain: string;
  readonly snapshot: Snapshot;
  readonly computedAt: number;
}

export interface PendingRecord {
  readonly id: string;
  readonly domain: string;
  readonly createdAt: number;
  readonly webhookUrl: string;
}

export interface ScoreBook {
  /** Every score ID ever handed out, including superseded ones. */
  readonly byId: Map<string, ScoreRecord>;
  /** The latest score of each domain. */
  readonly latest: Map<string, ScoreRecord>;
  /** Scores accepted with `202`, until they are computed. */
  readonly pending: Map<string, PendingRecord>;
}

export type ScoreOutcome =
  | { kind: 'score'; record: ScoreRecord; cache: CacheStatus }
  | { kind: 'pending'; pending: PendingRecord };

/** Throws the errors a magic domain stands for in a request that scores it. */
export function applyRequestMagic(space: Space, domain: string, key = domain): void {
  switch (magicBehaviour(domain)) {
    case 'restricted':
      throw new MockApiError(
        'restricted_use',
        `Scoring ${domain} is refused by the acceptable use policy (special-category data or a prohibited vertical).`,
      );
    case 'rate_limited':
      throw new MockApiError(
        'rate_limited',
        `Too many requests for ${domain}. Retry after ${RATE_LIMITED_RETRY_AFTER} second.`,
        { retryAfter: RATE_LIMITED_RETRY_AFTER },
      );
    case 'flaky':
      if (!space.flakyTripped.has(key)) {
        space.flakyTripped.add(key);
        throw new MockApiError(
          'internal_error',
          'Something went wrong on our side. Retry with backoff; quote the request ID if it persists.',
        );
      }
      return;
    default:
      return;
  }
}

export function unscorable(domain: string): MockApiError {
  return new MockApiError(
    'unscorable_domain',
    `${domain} has no usable signal surface (parked, defunct or no public presence).`,
    { domain },
  );
}

/** Computes a fresh score now, makes it the domain's latest and records `score.computed`. */
export function computeScore(
  engine: Engine,
  space: Space,
  domain: string,
  trigger: ScoreTrigger,
  id = engine.ids.next('scr'),
  webhookUrl?: string,
): ScoreRecord {
  const now = engine.clock.now();
  let anchor = space.anchors.get(domain);
  if (anchor === undefined && isTimeDependent(domain)) {
    anchor = now;
    space.anchors.set(domain, now);
  }
  const record: ScoreRecord = {
    id,
    domain,
    snapshot: snapshotOf(domain, now, anchor),
    computedAt: now,
  };
  space.scores.byId.set(id, record);
  space.scores.latest.set(domain, record);
  recordEvent(engine, space, 'score.computed', { score: renderScore(record), trigger }, webhookUrl);
  return record;
}

/** The domain's latest score if it is younger than 7 days. */
export function freshScore(engine: Engine, space: Space, domain: string): ScoreRecord | undefined {
  const latest = space.scores.latest.get(domain);
  return latest !== undefined && engine.clock.now() - latest.computedAt < CACHE_TTL_MS
    ? latest
    : undefined;
}

export interface CreateScoreInput {
  domain: string;
  forceRefresh?: boolean;
  webhookUrl?: string;
}

/** `POST /score`: a cache hit, a fresh (or forced) computation, or a pending slow one. */
export function createScore(engine: Engine, space: Space, input: CreateScoreInput): ScoreOutcome {
  const { domain } = input;
  applyRequestMagic(space, domain);
  if (magicBehaviour(domain) === 'unscorable') throw unscorable(domain);
  const cached = input.forceRefresh ? undefined : freshScore(engine, space, domain);
  if (cached !== undefined) return { kind: 'score', record: cached, cache: 'hit' };

  const trigger: ScoreTrigger = input.forceRefresh ? 'force_refresh' : 'api';
  if (magicBehaviour(domain) === 'slow' && input.webhookUrl !== undefined) {
    charge(engine, space, 1);
    const pending: PendingRecord = {
      id: engine.ids.next('scr'),
      domain,
      createdAt: engine.clock.now(),
      webhookUrl: input.webhookUrl,
    };
    space.scores.pending.set(pending.id, pending);
    engine.scheduler.after(SLOW_SCORE_MS, () => {
      space.scores.pending.delete(pending.id);
      computeScore(engine, space, domain, trigger, pending.id, pending.webhookUrl);
    });
    return { kind: 'pending', pending };
  }
  charge(engine, space, 1);
  const record = computeScore(engine, space, domain, trigger);
  return { kind: 'score', record, cache: input.forceRefresh ? 'refresh' : 'miss' };
}

/** `GET /score/{id}`: the latest score of the ID's domain, or the pending score. */
export function retrieveScore(space: Space, id: string): ScoreOutcome {
  const pending = space.scores.pending.get(id);
  if (pending !== undefined) return { kind: 'pending', pending };
  const record = space.scores.byId.get(id);
  if (record === undefined) throw notFound('score', id);
  return { kind: 'score', record: space.scores.latest.get(record.domain) ?? record, cache: 'hit' };
}

export function renderPending(pending: PendingRecord): WirePendingScore {
  return {
    id: pending.id,
    domain: pending.domain,
    status: 'pending',
    created_at: isoSeconds(pending.createdAt),
  };
}

/** A person of a snapshot, as the API shows them. */
export function renderPerson(
  person: PersonProfile,
  company: string,
  intentScore: number,
  resolvedAt: number,
): WirePerson {
  return {
    id: stableId('prs', person.email.toLowerCase()),
    name: person.name,
    email: person.email,
    title: person.title,
    company,
    intent_score: intentScore,
    seniority: person.seniority,
    linkedin_url: person.linkedin_url,
    resolved_at: isoSeconds(resolvedAt),
  };
}

function renderSignals(snapshot: Snapshot, evidence: boolean): WireScore['signals'] {
  const signals = {} as WireScore['signals'];
  for (const name of SIGNAL_NAMES) {
    const signal = snapshot.signals[name];
    signals[name] = evidence
      ? {
          score: signal.score,
          evidence: signal.evidence.map((item) => ({
            kind: item.kind,
            title: item.title,
            url: item.url,
            observed_at: isoSeconds(item.observedAt),
          })),
          source: signal.source,
          fetched_at: isoSeconds(signal.fetchedAt),
        }
      : signal.score;
  }
  return signals;
}

/** A score as the API shows it, with the requested expansions. */
export function renderScore(
  record: ScoreRecord,
  options: { cached?: boolean; include?: readonly ScoreInclude[] } = {},
): WireScore {
  const { snapshot, computedAt } = record;
  const include = options.include ?? [];
  const score: WireScore = {
    id: record.id,
    domain: record.domain,
    score: snapshot.score,
    band: snapshot.band,
    delta_30d: snapshot.delta30d,
    signals: renderSignals(snapshot, include.includes('signals.evidence')),
    action: snapshot.action,
    summary: snapshot.summary,
    cached: options.cached ?? false,
    computed_at: isoSeconds(computedAt),
  };
  if (include.includes('history')) {
    score.history = snapshot.history.map((value, i) => ({
      date: isoDate(computedAt - (29 - i) * DAY_MS),
      score: value,
    }));
  }
  if (include.includes('people')) {
    score.people = snapshot.people.map((person) =>
      renderPerson(person, record.domain, snapshot.score, computedAt),
    );
  }
  return score;
}
