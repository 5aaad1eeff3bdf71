/**
 * Intent searches on virtual time. A search waits `queued` for 2 seconds, then finds 50 people a
 * virtual second (200 with `lite`; `search-slow.test` takes 10 minutes whatever it finds), then
 * completes and records `intent_search.completed`, or fails and records `intent_search.failed`.
 *
 * Billing is per person found: 10 credits each (5 with `lite`), charged on completion, in live
 * mode only. On submission a live key must hold enough for `max_results` people at the search's
 * price (`402` otherwise). Should the workspace have spent its credits meanwhile, the search fails
 * with `insufficient_credits` when it completes, and nothing is charged. At most 10 searches per
 * workspace (both modes) are queued or processing at once.
 */
import type { MockContext } from '../../context.ts';
import { keepNewestForgettable } from '../../kernel/bounds.ts';
import { isoSeconds } from '../../kernel/clock.ts';
import { invalidRequest, MockApiError, notFound } from '../../kernel/errors.ts';
import { type JobFailure, secondsUntilEnd, startJob } from '../../kernel/jobs.ts';
import { creditsView } from '../../tenancy/credits.ts';
import { defineStore, type Space } from '../../tenancy/workspace.ts';
import { MAGIC_INTEREST_DOMAINS, SLOW_SEARCH_MS } from '../../world/magic.ts';
import { type RankedPerson, rankPeople } from './ranking.ts';
import type { IntentSearchRecord, WireIntentSearch } from './records.ts';
import { renderSearch } from './wire.ts';

export type { IntentSearchRecord } from './records.ts';

/** How long a search waits `queued`, in virtual milliseconds. */
export const SEARCH_QUEUED_MS = 2_000;
/** People found per virtual second (four times as many with `lite`). */
export const PEOPLE_PER_SECOND = 50;
export const LITE_SPEEDUP = 4;
/** Credits per person found, and with `lite`. */
export const CREDITS_PER_PERSON = 10;
export const LITE_CREDITS_PER_PERSON = 5;
/** Searches a workspace may have queued or processing at once, in both modes together. */
export const MAX_ACTIVE_SEARCHES = 10;
/** The most finished searches a space keeps; past it, the oldest finished ones are forgotten. */
export const MAX_FINISHED_SEARCHES_PER_SPACE = 1_000;

export interface CreateSearchInput {
  /** Apex domains. */
  interestDomain: string;
  icpDomain: string;
  maxResults: number;
  lite: boolean;
  webhookUrl?: string;
  tag?: string;
}

const searchStore = defineStore('intent-searches', () => new Map<string, IntentSearchRecord>());

/** Every search of the space, oldest first. */
export function listSearches(space: Space): IterableIterator<IntentSearchRecord> {
  return space.get(searchStore).values();
}

/** The space's searches, newest first. */
export function searchesNewestFirst(space: Space): IntentSearchRecord[] {
  return [...space.get(searchStore).values()].reverse();
}

function activeSearches(space: Space): IntentSearchRecord[] {
  const [test, live] = space.inWorkspace(searchStore);
  return [...test.values(), ...live.values()].filter((search) => search.job.active);
}

/** Forgets the oldest finished searches past the cap (active ones are always kept). */
function forgetOldSearches(space: Space): void {
  keepNewestForgettable(
    space.get(searchStore),
    MAX_FINISHED_SEARCHES_PER_SPACE,
    (search) => !search.job.active,
  );
}

/** What a search costs per person found. */
export function pricePerPerson(lite: boolean): number {
  return lite ? LITE_CREDITS_PER_PERSON : CREDITS_PER_PERSON;
}

/** Why `search-fails.test` fails. */
export function noInterestSignal(interestDomain: string): {
  code: 'no_interest_signal';
  message: string;
} {
  return {
    code: 'no_interest_signal',
    message: `Nobody showed interest in products like ${interestDomain}'s, so there is no one to rank. Nothing was charged; try another interest domain.`,
  };
}

/** The last step of a search: fail it, or charge what its people cost. */
function finish(
  ctx: MockContext,
  space: Space,
  search: IntentSearchRecord,
): JobFailure | undefined {
  if (search.interestDomain === MAGIC_INTEREST_DOMAINS.fails) {
    return noInterestSignal(search.interestDomain);
  }
  const cost = search.found * pricePerPerson(search.lite);
  if (space.mode === 'live' && cost > 0) {
    const view = creditsView(space.workspace, ctx.now());
    if (view.remaining < cost) {
      return {
        code: 'insufficient_credits',
        message: `The ${search.found} people found cost ${cost} credits, and the workspace had ${view.remaining} left when the search completed. Nothing was charged; credits reset at ${isoSeconds(view.resetsAt)}.`,
      };
    }
  }
  search.creditsCharged = ctx.charge(space, cost);
  return undefined;
}

/** `POST /intent/searches`. Throws 429 past the cap of active searches, 402 without credits. */
export function createSearch(
  ctx: MockContext,
  space: Space,
  input: CreateSearchInput,
): IntentSearchRecord {
  const now = ctx.now();
  const active = activeSearches(space);
  if (active.length >= MAX_ACTIVE_SEARCHES) {
    const retryAfter = secondsUntilEnd(
      active.map((search) => search.job),
      now,
    );
    throw new MockApiError(
      'rate_limited',
      `This workspace already has ${MAX_ACTIVE_SEARCHES} intent searches queued or processing. Retry after ${retryAfter} seconds, when one has finished.`,
      { retryAfter },
    );
  }
  ctx.ensureCredits(space, input.maxResults * pricePerPerson(input.lite));
  const found = rankPeople(input.interestDomain, input.icpDomain, input.maxResults).length;
  const slow = input.interestDomain === MAGIC_INTEREST_DOMAINS.slow;
  let search: IntentSearchRecord | undefined;
  const job = startJob(
    ctx.scheduler,
    ctx.clock,
    {
      queuedMs: SEARCH_QUEUED_MS,
      total: found,
      rate: PEOPLE_PER_SECOND * (input.lite ? LITE_SPEEDUP : 1),
      ...(slow ? { processingMs: SLOW_SEARCH_MS } : {}),
    },
    {
      finish: () => (search === undefined ? undefined : finish(ctx, space, search)),
      onSettled: (done) => {
        if (search === undefined || !space.get(searchStore).has(search.id)) return;
        forgetOldSearches(space);
        const type =
          done.status === 'completed' ? 'intent_search.completed' : 'intent_search.failed';
        ctx.events.record(
          space,
          type,
          { intent_search: renderSearch(search) },
          search.webhookUrl ?? undefined,
        );
      },
    },
  );
  search = {
    id: ctx.ids.next('isr'),
    interestDomain: input.interestDomain,
    icpDomain: input.icpDomain,
    maxResults: input.maxResults,
    lite: input.lite,
    tag: input.tag ?? null,
    webhookUrl: input.webhookUrl ?? null,
    job,
    found,
    creditsCharged: 0,
  };
  space.get(searchStore).set(search.id, search);
  return search;
}

export function retrieveSearch(space: Space, id: string): IntentSearchRecord {
  const search = space.get(searchStore).get(id);
  if (search === undefined) throw notFound('intent search', id);
  return search;
}

/** The people of a completed search, in rank order; a 400 on `id` before it completed. */
export function searchResults(ctx: MockContext, space: Space, id: string): RankedPerson[] {
  const search = retrieveSearch(space, id);
  const { job } = search;
  if (job.status === 'failed') {
    throw invalidRequest(
      'id',
      `This intent search failed (${job.failure?.code}), so it has no results: ${job.failure?.message}`,
    );
  }
  if (job.status !== 'completed') {
    const left = secondsUntilEnd([job], ctx.now());
    throw invalidRequest(
      'id',
      `This intent search is still ${job.status}: its results are ready once it completes, in about ${left} seconds. Wait for status "completed" (iiq.intent.searches.wait) or for the intent_search.completed event.`,
    );
  }
  return rankPeople(search.interestDomain, search.icpDomain, search.maxResults);
}

/**
 * A realistic search that completed (or failed) just now, for `mock.events.trigger`: found, priced
 * and rendered like a real one, but not stored and not charged.
 */
export function sampleSearch(
  ctx: MockContext,
  space: Space,
  icpDomain: string,
  status: 'completed' | 'failed',
): WireIntentSearch {
  const now = ctx.now();
  const interest = status === 'failed' ? MAGIC_INTEREST_DOMAINS.fails : 'gong.io';
  const found = rankPeople(interest, icpDomain, 25).length;
  const failure = status === 'failed' ? noInterestSignal(interest) : null;
  return {
    id: ctx.ids.next('isr'),
    status,
    interest_domain: interest,
    icp_domain: icpDomain,
    max_results: 25,
    lite: false,
    tag: null,
    webhook_url: null,
    created_at: isoSeconds(now - SEARCH_QUEUED_MS - 1_000),
    started_at: isoSeconds(now - 1_000),
    completed_at: isoSeconds(now),
    total_results: status === 'completed' ? found : null,
    credits_charged:
      status === 'completed' && space.mode === 'live' ? found * CREDITS_PER_PERSON : 0,
    error: failure,
  };
}
