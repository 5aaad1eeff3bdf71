import type { components } from '../generated/openapi.ts';
import { EVENT_TYPES } from '../schemas/event-types.ts';

type Schemas = components['schemas'];

/** Flattens an intersection so editors show one object type. */
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/**
 * An event as a webhook delivers it: the API's event object, with `delivery_attempt` always present
 * (1 on the first try, up to 9 after eight retries; de-duplicate on `id`).
 */
type Delivered<E> = Simplify<
  Omit<E, 'delivery_attempt'> & { delivery_attempt: Schemas['DeliveryAttempt'] }
>;

/** `score.computed`: a score was computed, fresh or forced. `data` is `{ score, trigger }`. */
export type ScoreComputedEvent = Delivered<Schemas['ScoreComputedEvent']>;
/** `score.bulk.completed`: a bulk job finished. `data` is `{ job, results, unscorable }`. */
export type ScoreBulkCompletedEvent = Delivered<Schemas['ScoreBulkCompletedEvent']>;
/** `account.band_changed`: a watchlist account crossed its alert threshold, e.g. WARM to HOT. */
export type AccountBandChangedEvent = Delivered<Schemas['AccountBandChangedEvent']>;
/** `signal.spike`: one signal of a watchlist account rose more than 25 points in a week. */
export type SignalSpikeEvent = Delivered<Schemas['SignalSpikeEvent']>;
/** `person.scored`: a previously unknown person was resolved and scored. `data` is `{ person }`. */
export type PersonScoredEvent = Delivered<Schemas['PersonScoredEvent']>;
/** `credits.low`: the workspace dropped below 10% of the cycle's credits (once per cycle). */
export type CreditsLowEvent = Delivered<Schemas['CreditsLowEvent']>;

/** `scoring.score_changed`: an object's score on a scoring profile changed. */
export type ScoringScoreChangedEvent = Delivered<Schemas['ScoringScoreChangedEvent']>;

/** One of the event types this version of the SDK knows, with its `data` typed. */
export type KnownWebhookEvent =
  | ScoreComputedEvent
  | ScoreBulkCompletedEvent
  | AccountBandChangedEvent
  | SignalSpikeEvent
  | PersonScoredEvent
  | CreditsLowEvent
  | ScoringScoreChangedEvent;

/** The name of an event type this version of the SDK knows, e.g. `'account.band_changed'`. */
export type WebhookEventType = Schemas['EventType'];

/**
 * An event of a type added to the API after this version of the SDK. It verified like any other;
 * only its `data` is not typed. Acknowledge it with a 2xx (or handle it by `type`) rather than
 * failing, so new event types never cause retries.
 */
export interface UnknownWebhookEvent {
  id: string;
  type: string;
  created: string;
  data: unknown;
  delivery_attempt: number;
}

/**
 * What `verifyWebhook` returns: a known event or one of a newer type. TypeScript cannot subtract the
 * known names from `string`, so rule out the unknown case first with {@link isKnownWebhookEvent};
 * `event.type` then narrows `event.data` in a `switch`.
 */
export type WebhookEvent = KnownWebhookEvent | UnknownWebhookEvent;

/** The known event of type `T`, e.g. `WebhookEventOfType<'signal.spike'>`. */
export type WebhookEventOfType<T extends WebhookEventType> = Extract<
  KnownWebhookEvent,
  { type: T }
>;

/** Every event type this version of the SDK knows, in the order the API reference lists them. */
export const WEBHOOK_EVENT_TYPES = EVENT_TYPES satisfies readonly WebhookEventType[];

const knownTypes: ReadonlySet<string> = new Set(WEBHOOK_EVENT_TYPES);

/** Whether `type` names an event type this version of the SDK knows. */
export function isKnownWebhookEventType(type: string): type is WebhookEventType {
  return knownTypes.has(type);
}

/**
 * Whether `event` is of a type this version of the SDK knows; narrows it to {@link KnownWebhookEvent}.
 *
 * @example
 * if (!isKnownWebhookEvent(event)) return new Response(null, { status: 204 }); // newer than this SDK
 * switch (event.type) {
 *   case 'account.band_changed':
 *     notifySales(event.data.domain, event.data.band);
 * }
 */
export function isKnownWebhookEvent(event: WebhookEvent): event is KnownWebhookEvent {
  return knownTypes.has(event.type);
}
