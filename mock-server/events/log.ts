/**
 * The event log. Every event the API names is recorded here, in both modes, and listed by
 * `GET /events` for 30 days. Webhook delivery subscribes to it (`dispatcher.ts`).
 */
import type { components } from '../../src/generated/openapi.ts';
import { DAY_MS, isoSeconds } from '../kernel/clock.ts';
import { notFound } from '../kernel/errors.ts';
import type { Kernel } from '../kernel/kernel.ts';
import { defineStore, type Space } from '../tenancy/workspace.ts';

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

/** Told about every event as it is recorded. */
export type EventListener = (space: Space, event: EventRecord) => void;

export const EVENT_RETENTION_MS = 30 * DAY_MS;

/** The events of one space, oldest first. */
const eventStore = defineStore('events', (): EventRecord[] => []);

/** Drops the events past the retention window (they are at the front: time only moves forward). */
function forgetExpired(events: EventRecord[], now: number): void {
  const first = events[0];
  if (first === undefined || first.created > now - EVENT_RETENTION_MS) return;
  const keep = events.findIndex((event) => event.created > now - EVENT_RETENTION_MS);
  events.splice(0, keep < 0 ? events.length : keep);
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

/** The events of a mock: recorded per space, told to listeners, forgotten after 30 days. */
export class EventLog {
  readonly #kernel: Kernel;
  readonly #listeners = new Set<EventListener>();

  constructor(kernel: Kernel) {
    this.#kernel = kernel;
  }

  /** Records an event now in `space` and tells the listeners. */
  record<T extends EventType>(
    space: Space,
    type: T,
    data: EventData[T],
    webhookUrl?: string,
  ): EventRecord {
    const event: EventRecord = {
      id: this.#kernel.ids.next('evt'),
      type,
      created: this.#kernel.clock.now(),
      data,
      ...(webhookUrl === undefined ? {} : { webhookUrl }),
    };
    const events = space.get(eventStore);
    forgetExpired(events, event.created);
    events.push(event);
    for (const listener of this.#listeners) listener(space, event);
    return event;
  }

  /** Calls `listener` for every event recorded from now on. Returns a function that unsubscribes. */
  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The space's events still kept, newest first, optionally of one type. */
  list(space: Space, type?: EventType): EventRecord[] {
    const now = this.#kernel.clock.now();
    const events = space.get(eventStore);
    const out: EventRecord[] = [];
    for (let i = events.length - 1; i >= 0; i--) {
      const event = events[i] as EventRecord;
      if (event.created <= now - EVENT_RETENTION_MS) break;
      if (type === undefined || event.type === type) out.push(event);
    }
    return out;
  }

  /** One event of the space by ID; `404` when it is unknown or past the window. */
  retrieve(space: Space, id: string): EventRecord {
    const now = this.#kernel.clock.now();
    const event = space.get(eventStore).find((candidate) => candidate.id === id);
    if (event === undefined || event.created <= now - EVENT_RETENTION_MS) {
      throw notFound('event', id);
    }
    return event;
  }
}

/** How many events a space holds (expired ones included until the next is recorded). */
export function eventCount(space: Space): number {
  return space.get(eventStore).length;
}
