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
  'scoring.score_changed': Schemas['ScoringScoreChangedData'];
}

export interface EventRecord {
  readonly id: string;
  readonly type: EventType;
  readonly created: number;
  readonly data: EventData[EventType];
  /** A `webhook_url` given with the request that caused the event, to deliver it to as well. */
  readonly webhookUrl?: string;
}

/**
 * An event whose `data` is rendered when read (a `score.computed` carries a whole Score, which the
 * scores area can render again from what it keeps): a log of 20,000 events stays small.
 */
class LazyEvent implements EventRecord {
  readonly id: string;
  readonly type: EventType;
  readonly created: number;
  readonly webhookUrl?: string;
  readonly #render: () => EventData[EventType];

  constructor(
    id: string,
    type: EventType,
    created: number,
    render: () => EventData[EventType],
    webhookUrl: string | undefined,
  ) {
    this.id = id;
    this.type = type;
    this.created = created;
    this.#render = render;
    if (webhookUrl !== undefined) this.webhookUrl = webhookUrl;
  }

  get data(): EventData[EventType] {
    return this.#render();
  }
}

/** Told about every event as it is recorded. */
export type EventListener = (space: Space, event: EventRecord) => void;

export const EVENT_RETENTION_MS = 30 * DAY_MS;
/** The most events a space keeps, whatever their age; past it, the oldest are forgotten. */
export const MAX_EVENTS_PER_SPACE = 20_000;

/**
 * The events of one space, oldest first. Dropping from the front moves a head index instead of
 * shifting the array (compacted now and then), so recording stays O(1) at the cap.
 */
class SpaceEvents {
  #items: EventRecord[] = [];
  #head = 0;

  get size(): number {
    return this.#items.length - this.#head;
  }

  /** Adds an event and forgets what is past the retention window or over the cap. */
  push(event: EventRecord, now: number): void {
    this.#items.push(event);
    while (this.#head < this.#items.length) {
      const oldest = this.#items[this.#head] as EventRecord;
      if (this.size <= MAX_EVENTS_PER_SPACE && oldest.created > now - EVENT_RETENTION_MS) break;
      this.#head++;
    }
    if (this.#head > 1_024 && this.#head * 2 > this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
  }

  /** The events kept, newest first. */
  *newestFirst(): Generator<EventRecord> {
    for (let i = this.#items.length - 1; i >= this.#head; i--) yield this.#items[i] as EventRecord;
  }
}

const eventStore = defineStore('events', () => new SpaceEvents());

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
    data: EventData[T] | (() => EventData[T]),
    webhookUrl?: string,
  ): EventRecord {
    const id = this.#kernel.ids.next('evt');
    const created = this.#kernel.clock.now();
    const event: EventRecord =
      typeof data === 'function'
        ? new LazyEvent(id, type, created, data, webhookUrl)
        : { id, type, created, data, ...(webhookUrl === undefined ? {} : { webhookUrl }) };
    space.get(eventStore).push(event, event.created);
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
    const out: EventRecord[] = [];
    for (const event of space.get(eventStore).newestFirst()) {
      if (event.created <= now - EVENT_RETENTION_MS) break;
      if (type === undefined || event.type === type) out.push(event);
    }
    return out;
  }

  /** One event of the space by ID; `404` when it is unknown or past the window. */
  retrieve(space: Space, id: string): EventRecord {
    const now = this.#kernel.clock.now();
    for (const event of space.get(eventStore).newestFirst()) {
      if (event.created <= now - EVENT_RETENTION_MS) break;
      if (event.id === id) return event;
    }
    throw notFound('event', id);
  }
}

/** How many events a space holds (expired ones included until the next is recorded). */
export function eventCount(space: Space): number {
  return space.get(eventStore).size;
}
