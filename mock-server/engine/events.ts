/**
 * The event log. Every event the API names is recorded here, in both modes, and listed by
 * `GET /events` for 30 days. Delivery to webhook endpoints subscribes to `Engine.onEvent`.
 */
import type { components } from '../../src/generated/openapi.ts';
import { isoSeconds } from './clock.ts';
import type { Engine } from './engine.ts';
import { notFound } from './errors.ts';
import { DAY_MS } from './profiles.ts';
import type { Space } from './space.ts';

type Schemas = components['schemas'];
export type EventType = Schemas['EventType'];
export type WireEvent = Schemas['Event'];

/** The `data` of each event type, as the API sends it. */
export interface EventData {
  'score.computed': Schemas['ScoreComputedData'];
  'score.bulk.completed': Schemas['ScoreBulkCompletedData'];
  'account.band_changed': Schemas['AccountBandChangedData'];
  'signal.spike': Schemas['SignalSpikeData'];
  'person.scored': Schemas['PersonScoredData'];
  'credits.low': Schemas['CreditsLowData'];
}

export interface EventRecord {
  readonly id: string;
  readonly type: EventType;
  readonly created: number;
  readonly data: EventData[EventType];
  /** A `webhook_url` given with the request that caused the event, to deliver it to as well. */
  readonly webhookUrl?: string;
}

export const EVENT_RETENTION_MS = 30 * DAY_MS;

/** Drops the events past the retention window (they are at the front: time only moves forward). */
function forgetExpired(events: EventRecord[], now: number): void {
  const first = events[0];
  if (first === undefined || first.created > now - EVENT_RETENTION_MS) return;
  const keep = events.findIndex((event) => event.created > now - EVENT_RETENTION_MS);
  events.splice(0, keep < 0 ? events.length : keep);
}

/** Records an event in the space and tells the engine's listeners. */
export function recordEvent<T extends EventType>(
  engine: Engine,
  space: Space,
  type: T,
  data: EventData[T],
  webhookUrl?: string,
): EventRecord {
  const event: EventRecord = {
    id: engine.ids.next('evt'),
    type,
    created: engine.clock.now(),
    data,
    ...(webhookUrl === undefined ? {} : { webhookUrl }),
  };
  forgetExpired(space.events, event.created);
  space.events.push(event);
  engine.notify(space, event);
  return event;
}

/** The envelope `GET /events` returns (without `delivery_attempt`, which only deliveries carry). */
export function renderEvent(event: EventRecord): WireEvent {
  return {
    id: event.id,
    type: event.type,
    created: isoSeconds(event.created),
    data: event.data,
  } as WireEvent;
}

/** The space's events still kept, newest first, optionally of one type. */
export function listEvents(space: Space, now: number, type?: EventType): EventRecord[] {
  const out: EventRecord[] = [];
  for (let i = space.events.length - 1; i >= 0; i--) {
    const event = space.events[i] as EventRecord;
    if (event.created <= now - EVENT_RETENTION_MS) break;
    if (type === undefined || event.type === type) out.push(event);
  }
  return out;
}

export function retrieveEvent(space: Space, id: string, now: number): EventRecord {
  const event = space.events.find((candidate) => candidate.id === id);
  if (event === undefined || event.created <= now - EVENT_RETENTION_MS) throw notFound('event', id);
  return event;
}
