/**
 * Scores and the 7-day cache. A fresh computation takes a snapshot of the company and keeps it,
 * under a new `scr_` ID, as the domain's latest score; a cache hit returns that score as it is, for
 * free. `GET /score/{id}` answers with the latest score of the ID's domain.
 */
import type { components } from '../../../src/generated/openapi.ts';
import type { MockContext } from '../../context.ts';
import { keepNewest, keepNewestValues } from '../../kernel/bounds.ts';
import { DAY_MS } from '../../kernel/clock.ts';
import { MockApiError, notFound } from '../../kernel/errors.ts';
import { defineStore, type Space } from '../../tenancy/workspace.ts';
import { magicBehaviour, RATE_LIMITED_RETRY_AFTER, SLOW_SCORE_MS } from '../../world/magic.ts';
import { isTimeDependent, type Snapshot, snapshotOf } from '../../world/snapshots.ts';
import { type PendingRecord, type ScoreRecord, scoreRecord } from './records.ts';
import { renderScore } from './wire.ts';

export type { PendingRecord, ScoreRecord } from './records.ts';

export type ScoreTrigger = components['schemas']['ScoreTrigger'];
export type CacheStatus = 'hit' | 'miss' | 'refresh';

export const CACHE_TTL_MS = 7 * DAY_MS;

/** The most scores a space keeps (every ID handed out); past it, the oldest are forgotten. */
export const MAX_SCORES_PER_SPACE = 20_000;
/** The most slow scores a space has pending at once; past it, `429` until one is computed. */
export const MAX_PENDING_SCORES = 1_000;
/** The most `flaky.test` inputs a space remembers as having failed once. */
const MAX_FLAKY_REMEMBERED = 10_000;

export interface ScoreBook {
  /** Every score ID ever handed out, including superseded ones. */
  readonly byId: Map<string, ScoreRecord>;
  /** The latest score of each domain. */
  readonly latest: Map<string, ScoreRecord>;
  /** Every kept score of each domain, oldest first (an index over `byId`). */
  readonly byDomain: Map<string, ScoreRecord[]>;
  /** Scores accepted with `202`, until they are computed. */
  readonly pending: Map<string, PendingRecord>;
  /** When each time-dependent magic domain was first scored here. */
  readonly anchors: Map<string, number>;
  /** Magic `flaky.test` inputs that have already failed once. */
  readonly flakyTripped: Set<string>;
}

const scoreBook = defineStore(
  'scores',
  (): ScoreBook => ({
    byId: new Map(),
    latest: new Map(),
    byDomain: new Map(),
    pending: new Map(),
    anchors: new Map(),
    flakyTripped: new Set(),
  }),
);

/** The scores of a space. */
export function scoresOf(space: Space): ScoreBook {
  return space.get(scoreBook);
}

/** A score by ID (superseded ones included), for areas that keep score IDs. */
export function scoreById(space: Space, id: string): ScoreRecord | undefined {
  return space.get(scoreBook).byId.get(id);
}

/**
 * Every score the space keeps, oldest computed first: each computation (cache misses, forced
 * refreshes, bulk jobs, watchlist refreshes), never a cache hit. At most `MAX_SCORES_PER_SPACE`:
 * past that the oldest are forgotten, so this is the newest 20,000.
 */
export function scoreHistory(space: Space): IterableIterator<ScoreRecord> {
  return space.get(scoreBook).byId.values();
}

/** Every score of a domain the space keeps, oldest computed first. */
export function domainScores(space: Space, domain: string): readonly ScoreRecord[] {
  return space.get(scoreBook).byDomain.get(domain) ?? [];
}

/** The latest score of a domain in the space, whatever its age. */
export function latestScore(space: Space, domain: string): ScoreRecord | undefined {
  return space.get(scoreBook).latest.get(domain);
}

/** The company behind `domain` as the space would score it now (time-dependent domains included). */
export function snapshotNow(ctx: MockContext, space: Space, domain: string): Snapshot {
  return snapshotOf(domain, ctx.now(), space.get(scoreBook).anchors.get(domain));
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
      if (!scoresOf(space).flakyTripped.has(key)) {
        scoresOf(space).flakyTripped.add(key);
        keepNewestValues(scoresOf(space).flakyTripped, MAX_FLAKY_REMEMBERED);
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
  ctx: MockContext,
  space: Space,
  domain: string,
  trigger: ScoreTrigger,
  id = ctx.ids.next('scr'),
  webhookUrl?: string,
): ScoreRecord {
  const now = ctx.now();
  const book = scoresOf(space);
  let anchor = book.anchors.get(domain);
  if (anchor === undefined && isTimeDependent(domain)) {
    anchor = now;
    book.anchors.set(domain, now);
  }
  const record = scoreRecord(id, domain, now, anchor);
  book.byId.set(id, record);
  book.latest.set(domain, record);
  const ofDomain = book.byDomain.get(domain);
  if (ofDomain === undefined) book.byDomain.set(domain, [record]);
  else ofDomain.push(record);
  keepNewest(book.byId, MAX_SCORES_PER_SPACE, (old) => {
    if (book.latest.get(old.domain) === old) book.latest.delete(old.domain);
    // The oldest score kept is the oldest of its domain too.
    const list = book.byDomain.get(old.domain);
    list?.shift();
    if (list?.length === 0) book.byDomain.delete(old.domain);
  });
  // Rendered when read: the event keeps the record, not a copy of the Score.
  ctx.events.record(
    space,
    'score.computed',
    () => ({ score: renderScore(record), trigger }),
    webhookUrl,
  );
  return record;
}

/** The domain's latest score if it is younger than 7 days. */
export function freshScore(
  ctx: MockContext,
  space: Space,
  domain: string,
): ScoreRecord | undefined {
  const latest = scoresOf(space).latest.get(domain);
  return latest !== undefined && ctx.now() - latest.computedAt < CACHE_TTL_MS ? latest : undefined;
}

export interface CreateScoreInput {
  domain: string;
  forceRefresh?: boolean;
  webhookUrl?: string;
}

/** `POST /score`: a cache hit, a fresh (or forced) computation, or a pending slow one. */
export function createScore(ctx: MockContext, space: Space, input: CreateScoreInput): ScoreOutcome {
  const { domain } = input;
  applyRequestMagic(space, domain);
  if (magicBehaviour(domain) === 'unscorable') throw unscorable(domain);
  const cached = input.forceRefresh ? undefined : freshScore(ctx, space, domain);
  if (cached !== undefined) return { kind: 'score', record: cached, cache: 'hit' };

  const trigger: ScoreTrigger = input.forceRefresh ? 'force_refresh' : 'api';
  if (magicBehaviour(domain) === 'slow' && input.webhookUrl !== undefined) {
    const book = scoresOf(space);
    if (book.pending.size >= MAX_PENDING_SCORES) {
      throw new MockApiError(
        'rate_limited',
        `This workspace has ${MAX_PENDING_SCORES} slow scores pending, the most the mock holds. Retry after ${SLOW_SCORE_MS / 1_000} seconds, when one is computed.`,
        { retryAfter: SLOW_SCORE_MS / 1_000 },
      );
    }
    ctx.charge(space, 1);
    const pending: PendingRecord = {
      id: ctx.ids.next('scr'),
      domain,
      createdAt: ctx.now(),
      webhookUrl: input.webhookUrl,
    };
    book.pending.set(pending.id, pending);
    ctx.scheduler.after(SLOW_SCORE_MS, () => {
      book.pending.delete(pending.id);
      computeScore(ctx, space, domain, trigger, pending.id, pending.webhookUrl);
    });
    return { kind: 'pending', pending };
  }
  ctx.charge(space, 1);
  const record = computeScore(ctx, space, domain, trigger);
  return { kind: 'score', record, cache: input.forceRefresh ? 'refresh' : 'miss' };
}

/** `GET /score/{id}`: the latest score of the ID's domain, or the pending score. */
export function retrieveScore(space: Space, id: string): ScoreOutcome {
  const book = scoresOf(space);
  const pending = book.pending.get(id);
  if (pending !== undefined) return { kind: 'pending', pending };
  const record = book.byId.get(id);
  if (record === undefined) throw notFound('score', id);
  return { kind: 'score', record: book.latest.get(record.domain) ?? record, cache: 'hit' };
}
