/**
 * `mock.events.trigger(type, overrides)`: an event of any type on demand, built from the mock's own
 * profiles at the current mock time (stripe.com unless the overrides name another domain), recorded
 * like any other event, so it is listed by `GET /events` and delivered to subscribed endpoints.
 * Nothing else changes: no score is stored, no credit is spent.
 */

import { EVENT_TYPES } from '../../../src/schemas/event-types.ts';
import type { MockContext } from '../../context.ts';
import type { EventData, EventRecord, EventType } from '../../events/log.ts';
import { isoSeconds } from '../../kernel/clock.ts';
import { ControlError } from '../../kernel/errors.ts';
import { MAX_JSON_DEPTH, tooDeep } from '../../pipeline/json-depth.ts';
import { isJsonObject, utf8Bytes } from '../../pipeline/validation.ts';
import { creditsView } from '../../tenancy/credits.ts';
import { isMode } from '../../tenancy/keys.ts';
import type { Mode, Space } from '../../tenancy/workspace.ts';
import { SIGNAL_NAMES } from '../../world/scoring-model.ts';
import { snapshotOf } from '../../world/snapshots.ts';
import { sampleSearch } from '../intent-searches/index.ts';
import { renderPerson, renderScore, scoreRecord } from '../scores/index.ts';

/** Fields to change in the event's `data`: objects are merged key by key, anything else replaced. */
export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/** Options of `mock.events.trigger()`. */
export interface TriggerOptions {
  /** Default `'live'`, so that the event is delivered (test mode never delivers). */
  mode?: Mode;
  /** A workspace ID (default: the default workspace). */
  workspace?: string;
}

const DEFAULT_DOMAIN = 'stripe.com';

/**
 * The most JSON a trigger's `data` may hold, in UTF-8 bytes. A triggered event keeps its data as
 * long as the event is kept (20,000 a space), so it is bounded; the largest sample is under 2 KB.
 */
export const MAX_TRIGGER_DATA_BYTES = 16_384;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** `base` with `overrides` merged in (plain objects recursively; arrays and values replaced). */
export function deepMerge<T>(base: T, overrides: unknown): T {
  if (!isJsonObject(base) || !isJsonObject(overrides)) return (overrides ?? base) as T;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (FORBIDDEN_KEYS.has(key) || value === undefined) continue;
    out[key] = deepMerge(out[key], value);
  }
  return out as T;
}

/**
 * The overrides as a copy in plain JSON, checked the way a JSON body would be: the event is
 * rendered and sent as JSON whenever it is read, so what cannot be (a cycle, a BigInt, a value
 * nested deeper than 32 levels) is refused here, before anything is recorded.
 */
function plainOverrides(overrides: unknown): Record<string, unknown> | undefined {
  if (overrides === undefined) return undefined;
  let text: string | undefined;
  try {
    text = isJsonObject(overrides) ? JSON.stringify(overrides) : undefined;
  } catch (error) {
    throw new ControlError(
      error instanceof RangeError
        ? `data is nested too deeply: event data may nest objects and arrays at most ${MAX_JSON_DEPTH} levels deep`
        : 'data must be plain JSON (no cycles, BigInt values or throwing toJSON): the event is sent as JSON',
    );
  }
  if (text === undefined) {
    throw new ControlError(
      'data overrides must be an object of fields to change in the event data',
    );
  }
  const bytes = utf8Bytes(text);
  if (bytes > MAX_TRIGGER_DATA_BYTES) {
    throw new ControlError(
      `data is ${bytes} bytes of JSON; a triggered event's data is at most ${MAX_TRIGGER_DATA_BYTES} bytes`,
    );
  }
  const deep = tooDeep(text);
  if (deep !== undefined) {
    throw new ControlError(
      `data.${deep} is nested too deeply: event data may nest objects and arrays at most ${MAX_JSON_DEPTH} levels deep`,
    );
  }
  const copy: unknown = JSON.parse(text);
  if (!isJsonObject(copy)) {
    throw new ControlError(
      'data overrides must be an object of fields to change in the event data',
    );
  }
  return copy;
}

/** The domain the overrides are about, so that the rest of the event is consistent with it. */
function domainOf(overrides: unknown): string {
  if (!isJsonObject(overrides)) return DEFAULT_DOMAIN;
  const candidates = [
    overrides.domain,
    isJsonObject(overrides.score) ? overrides.score.domain : undefined,
    isJsonObject(overrides.person) ? overrides.person.company : undefined,
    isJsonObject(overrides.intent_search) ? overrides.intent_search.icp_domain : undefined,
    overrides.object_id,
  ];
  return (candidates.find((value) => typeof value === 'string') as string) ?? DEFAULT_DOMAIN;
}

const BUILDERS: {
  [T in EventType]: (ctx: MockContext, space: Space, domain: string) => EventData[T];
} = {
  'score.computed': (ctx, _space, domain) => ({
    score: renderScore(scoreRecord(ctx.ids.next('scr'), domain, ctx.now())),
    trigger: 'api',
  }),
  'score.bulk.completed': (ctx, space, domain) => {
    const now = ctx.now();
    const unscorable = {
      domain: 'unscorable.test',
      code: 'unscorable_domain' as const,
      message:
        'unscorable.test has no usable signal surface (parked, defunct or no public presence).',
    };
    return {
      job: {
        id: ctx.ids.next('job'),
        source: 'json',
        rejected_rows: [],
        status: 'completed',
        deferred: false,
        tag: null,
        webhook_url: null,
        domains_submitted: 2,
        progress: { total: 2, processed: 2, scored: 1, unscorable: 1 },
        credits_charged: space.mode === 'test' ? 0 : 2,
        unscorable: [unscorable],
        created_at: isoSeconds(now - 3_000),
        started_at: isoSeconds(now - 1_000),
        completed_at: isoSeconds(now),
      },
      results: [renderScore(scoreRecord(ctx.ids.next('scr'), domain, now))],
      unscorable: [unscorable],
    };
  },
  'account.band_changed': (ctx, _space, domain) => {
    const { snapshot } = scoreRecord(ctx.ids.next('scr'), domain, ctx.now());
    const band = snapshot.band;
    const before = { HOT: ['WARM', 78], WARM: ['COLD', 55], COLD: ['WARM', 64] } as const;
    const [previousBand, previousScore] = before[band];
    return {
      watchlist_id: ctx.ids.next('wl'),
      domain,
      score_id: ctx.ids.next('scr'),
      previous_band: previousBand,
      band,
      previous_score: previousScore,
      score: snapshot.score,
      alert_threshold: band === 'HOT' ? 'hot_entry' : 'any_band_change',
    };
  },
  'signal.spike': (ctx, _space, domain) => {
    const { snapshot } = scoreRecord(ctx.ids.next('scr'), domain, ctx.now());
    const signal = [...SIGNAL_NAMES].sort(
      (a, b) => snapshot.signals[b].score - snapshot.signals[a].score,
    )[0] as (typeof SIGNAL_NAMES)[number];
    const current = Math.max(snapshot.signals[signal].score, 35);
    return {
      watchlist_id: ctx.ids.next('wl'),
      domain,
      score_id: ctx.ids.next('scr'),
      signal,
      previous: current - 35,
      current,
      change: 35,
    };
  },
  'person.scored': (ctx, _space, domain) => {
    const now = ctx.now();
    const snapshot = snapshotOf(domain, now);
    const person = snapshot.people[0] ?? {
      name: 'Avery Quinn',
      title: 'VP Revenue Operations',
      seniority: 'vp' as const,
      email: `avery.quinn@${domain}`,
      linkedin_url: null,
    };
    return { person: renderPerson(person, domain, snapshot.score, now) };
  },
  'credits.low': (ctx, space) => {
    const view = creditsView(space.workspace, ctx.now());
    return {
      remaining: Math.min(view.remaining, Math.floor(view.limit * 0.09)),
      limit: view.limit,
      threshold_percent: 10,
      resets_at: isoSeconds(view.resetsAt),
    };
  },
  'intent_search.completed': (ctx, space, domain) => ({
    intent_search: sampleSearch(ctx, space, domain, 'completed'),
  }),
  'intent_search.failed': (ctx, space, domain) => ({
    intent_search: sampleSearch(ctx, space, domain, 'failed'),
  }),
  'scoring.score_changed': (ctx, _space, domain) => {
    const { snapshot } = scoreRecord(ctx.ids.next('scr'), domain, ctx.now());
    return {
      profile_id: ctx.ids.next('prf'),
      object_type: 'company',
      object_id: domain,
      dimension: 'urgency',
      score: snapshot.score,
      previous_score: Math.max(0, snapshot.score - 16),
      version: 2,
    };
  },
};

/** Records an event of `type` in the workspace's space of `mode` and returns it. */
export function triggerEvent<T extends EventType>(
  ctx: MockContext,
  type: T,
  overrides: DeepPartial<EventData[T]> | undefined,
  options: TriggerOptions = {},
): { event: EventRecord; mode: Mode } {
  if (!(EVENT_TYPES as readonly string[]).includes(type)) {
    throw new ControlError(
      `type must be one of ${EVENT_TYPES.join(', ')}; got ${JSON.stringify(String(type))}`,
    );
  }
  const data = plainOverrides(overrides);
  const mode = options.mode ?? 'live';
  if (!isMode(mode)) throw new ControlError('mode must be "test" or "live"');
  const workspace = ctx.tenants.find(options.workspace);
  if (workspace === undefined) {
    throw new ControlError(`no workspace with ID ${options.workspace} exists in this mock`);
  }
  const space = workspace.spaces[mode];
  const sample = BUILDERS[type](ctx, space, domainOf(data));
  return { event: ctx.events.record(space, type, deepMerge(sample, data)), mode };
}
