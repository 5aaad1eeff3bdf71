/**
 * The delivery log: webhook deliveries as the mock records them, the retry schedule, and the shape
 * `mock.deliveries.list()` shows. The dispatcher (`dispatcher.ts`) makes and retries them; this file
 * holds no behaviour over time.
 */
import { isoSeconds } from '../kernel/clock.ts';
import type { Space } from '../tenancy/workspace.ts';
import type { EventRecord, EventType } from './log.ts';

/** One delivery is tried at most this many times: the first attempt and 8 retries. */
export const MAX_DELIVERY_ATTEMPTS = 9;

/**
 * Seconds from a failed attempt to the next one: 24 h / 255 doubling each time (5m39s, 11m18s, …,
 * 12h2m49s), rounded to the second so that the 8 retries span exactly 24 hours.
 */
export const DELIVERY_RETRY_DELAYS_SECONDS = [
  339, 678, 1355, 2711, 5421, 10842, 21685, 43369,
] as const;

/** How long a receiver has to answer an attempt, in real time, before it counts as failed. */
export const DEFAULT_DELIVERY_TIMEOUT_MS = 5_000;

/** `pending` while attempts remain, `succeeded` after a `2xx`, `failed` after the last attempt. */
export type DeliveryStatus = 'pending' | 'succeeded' | 'failed';

export interface AttemptRecord {
  readonly attempt: number;
  /** Mock time of the attempt (unix ms): also the signature's `t`. */
  readonly at: number;
  readonly statusCode: number | null;
  /** `'timeout'`, `'network'`, or what an in-process receiver threw. */
  readonly error: string | null;
  /** Real time the receiver took to answer. */
  readonly durationMs: number;
}

export interface DeliveryRecord {
  readonly id: string;
  readonly event: EventRecord;
  /** The live space the event belongs to: its endpoint is looked up there at each attempt. */
  readonly space: Space;
  readonly endpointId: string | null;
  readonly url: string;
  status: DeliveryStatus;
  readonly attempts: AttemptRecord[];
  /** When the next attempt is due (or the one in flight was), unix ms; null once finished. */
  nextAttemptAt: number | null;
  inFlight: boolean;
}

/** A delivery in the log, as `mock.deliveries.list()` and `GET /__mock/deliveries` show it. */
export interface WireDelivery {
  id: string;
  event_id: string;
  event_type: EventType;
  endpoint_id: string | null;
  url: string;
  status: DeliveryStatus;
  attempts: {
    attempt: number;
    at: string;
    status_code: number | null;
    error: string | null;
    duration_ms: number;
  }[];
  next_attempt_at: string | null;
}

/** Filters of the delivery log. */
export interface DeliveryQuery {
  /** A `we_` ID. */
  endpoint?: string;
  /** An `evt_` ID. */
  event?: string;
  status?: DeliveryStatus;
}

/** The delay before attempt `attempt + 1`, in ms, or undefined when `attempt` was the last. */
export function retryDelayMs(attempt: number): number | undefined {
  const seconds = DELIVERY_RETRY_DELAYS_SECONDS[attempt - 1];
  return seconds === undefined ? undefined : seconds * 1_000;
}

/**
 * Where an event goes: the endpoint whose secrets sign it (null when no endpoint is registered at a
 * request's `webhook_url`: nothing can sign it) and the URL.
 */
export interface DeliveryTarget {
  endpointId: string | null;
  url: string;
}

/**
 * Who is subscribed to what: the webhook endpoints area answers these for the dispatcher, which
 * knows no area.
 */
export interface Subscriptions {
  /** Every target of an event recorded in `space`, each once. */
  targets(space: Space, event: EventRecord): DeliveryTarget[];
  /** The secrets that sign a delivery made at `at` (unix ms), newest first; undefined once the endpoint is deleted. */
  secrets(space: Space, endpointId: string, at: number): string[] | undefined;
}

export function matchesQuery(delivery: DeliveryRecord, query: DeliveryQuery): boolean {
  return (
    (query.endpoint === undefined || delivery.endpointId === query.endpoint) &&
    (query.event === undefined || delivery.event.id === query.event) &&
    (query.status === undefined || delivery.status === query.status)
  );
}

export function renderDelivery(delivery: DeliveryRecord): WireDelivery {
  return {
    id: delivery.id,
    event_id: delivery.event.id,
    event_type: delivery.event.type,
    endpoint_id: delivery.endpointId,
    url: delivery.url,
    status: delivery.status,
    attempts: delivery.attempts.map((attempt) => ({
      attempt: attempt.attempt,
      at: isoSeconds(attempt.at),
      status_code: attempt.statusCode,
      error: attempt.error,
      duration_ms: attempt.durationMs,
    })),
    next_attempt_at: delivery.nextAttemptAt === null ? null : isoSeconds(delivery.nextAttemptAt),
  };
}
