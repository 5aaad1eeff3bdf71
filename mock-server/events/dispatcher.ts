/**
 * The webhook dispatcher: turns live-mode events into signed deliveries, retries them on the mock's
 * clock, and keeps the delivery log. It never touches the network: a door hands it a transport that
 * does the sending (`doors/webhook-transport.ts`), and the webhook endpoints area tells it who is
 * subscribed (`Subscriptions`).
 *
 * Attempt 1 starts as soon as the event is recorded. Sending is asynchronous while the clock is
 * not, so a retry can fall due while the previous answer is still on its way (say the test moved
 * the clock a day ahead in one step). It is then sent as soon as that answer is in, with the time it
 * was due as its `at` and its signature's `t`: the log shows the schedule exactly as it would have
 * unfolded, however the test drives the clock.
 */
import { signWebhook } from '../../src/webhooks/sign.ts';
import type { Kernel } from '../kernel/kernel.ts';
import type { Space } from '../tenancy/workspace.ts';
import {
  type AttemptRecord,
  type DeliveryQuery,
  type DeliveryRecord,
  matchesQuery,
  renderDelivery,
  retryDelayMs,
  type Subscriptions,
  type WireDelivery,
} from './delivery-log.ts';
import { type EventLog, type EventRecord, renderEvent } from './log.ts';

/** One signed delivery, ready to send. */
export interface OutgoingWebhook {
  url: string;
  /** Lower-case names, as `signWebhook` makes them: `x-iiq-signature`, the `webhook-*` trio, … */
  headers: Record<string, string>;
  body: string;
}

/** How a receiver answered: an HTTP status, or why there was none (`'timeout'`, `'network'`, …). */
export type DeliveryAnswer = { status: number } | { error: string; detail?: string };

/** Sends one delivery and reports the answer; never rejects. Provided by a door. */
export type WebhookTransport = (webhook: OutgoingWebhook) => Promise<DeliveryAnswer>;

/** The log keeps this many deliveries; the oldest finished ones are forgotten first. */
const MAX_LOGGED = 10_000;
/**
 * Attempts on their way at once; more wait their turn. A workspace with 100 endpoints and a fast
 * writer cannot open thousands of connections (or hold thousands of answers) at a time.
 */
export const MAX_IN_FLIGHT = 64;
const DEFAULT_SETTLE_TIMEOUT_MS = 30_000;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class Dispatcher {
  readonly #kernel: Kernel;
  #deliveries: DeliveryRecord[] = [];
  #inFlight = new Set<Promise<void>>();
  /** Attempts due while `MAX_IN_FLIGHT` were already on their way, oldest first. */
  #waiting = new Set<DeliveryRecord>();
  /** Bumped by `reset()`: answers to attempts made before it are dropped. */
  #generation = 0;
  /** Sends the deliveries; set by the door that owns the engine. */
  transport: WebhookTransport | undefined;
  /** Who gets what; set by the webhook endpoints area. */
  subscriptions: Subscriptions | undefined;

  constructor(kernel: Kernel, events: EventLog) {
    this.#kernel = kernel;
    events.subscribe((space, event) => this.#enqueue(space, event));
  }

  /** Forgets every delivery; answers still on their way are ignored. */
  reset(): void {
    this.#generation++;
    this.#deliveries = [];
    this.#inFlight = new Set();
    this.#waiting = new Set();
  }

  /** The delivery log, newest first. */
  list(query: DeliveryQuery = {}): WireDelivery[] {
    const out: WireDelivery[] = [];
    for (let i = this.#deliveries.length - 1; i >= 0; i--) {
      const delivery = this.#deliveries[i] as DeliveryRecord;
      if (matchesQuery(delivery, query)) out.push(renderDelivery(delivery));
    }
    return out;
  }

  /** How many attempts are waiting for an answer. */
  get inFlight(): number {
    return this.#inFlight.size;
  }

  /**
   * Resolves once every attempt due now has been made and answered (including retries that fell due
   * meanwhile). Rejects after `timeoutMs` of real time if receivers keep it busy (a receiver that
   * triggers a new event on every delivery, say).
   */
  async settle(timeoutMs = DEFAULT_SETTLE_TIMEOUT_MS): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      this.#kernel.sync();
      if (this.#inFlight.size === 0) return;
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(
          `Webhook deliveries did not settle within ${timeoutMs} ms: ${this.#inFlight.size} still waiting for an answer. A receiver that records a new event for every delivery keeps the mock busy forever.`,
        );
      }
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        Promise.allSettled(this.#inFlight),
        new Promise((resolve) => {
          timer = setTimeout(resolve, left);
        }),
      ]);
      clearTimeout(timer);
    }
  }

  #enqueue(space: Space, event: EventRecord): void {
    // Test keys never fire webhooks (the event is still recorded and listed).
    if (space.mode !== 'live') return;
    for (const target of this.subscriptions?.targets(space, event) ?? []) {
      const delivery: DeliveryRecord = {
        id: this.#kernel.ids.next('dlv'),
        event,
        space,
        endpointId: target.endpointId,
        url: target.url,
        status: 'pending',
        attempts: [],
        nextAttemptAt: event.created,
        inFlight: false,
      };
      this.#log(delivery);
      // A webhook_url whose endpoint was deleted before the event: nothing could sign it.
      if (target.endpointId === null) this.#finish(delivery, 'failed');
      else this.#attempt(delivery);
    }
  }

  #log(delivery: DeliveryRecord): void {
    this.#deliveries.push(delivery);
    if (this.#deliveries.length <= MAX_LOGGED) return;
    const oldest = this.#deliveries.findIndex((candidate) => candidate.status !== 'pending');
    const [evicted] = this.#deliveries.splice(Math.max(oldest, 0), 1);
    // Only when every delivery in the log is still pending: the oldest gives up.
    if (evicted?.status === 'pending') this.#finish(evicted, 'failed');
  }

  #finish(delivery: DeliveryRecord, status: 'succeeded' | 'failed'): void {
    delivery.status = status;
    delivery.nextAttemptAt = null;
  }

  /** Signs and sends the next attempt of a delivery, now (its `at` is when it fell due). */
  #attempt(delivery: DeliveryRecord): void {
    if (delivery.status !== 'pending' || delivery.inFlight) return;
    if (this.#inFlight.size >= MAX_IN_FLIGHT) {
      // Sent when an earlier attempt is answered (with the time it fell due as its `at`).
      this.#waiting.add(delivery);
      return;
    }
    const at = delivery.nextAttemptAt ?? this.#kernel.clock.now();
    const secrets =
      delivery.endpointId === null
        ? undefined
        : this.subscriptions?.secrets(delivery.space, delivery.endpointId, at);
    if (secrets === undefined) {
      this.#finish(delivery, 'failed'); // the endpoint was deleted: retries stop
      return;
    }
    const attempt = delivery.attempts.length + 1;
    const body = JSON.stringify({ ...renderEvent(delivery.event), delivery_attempt: attempt });
    const generation = this.#generation;
    delivery.inFlight = true;
    const started = performance.now();
    const sending = (async () => {
      let answer: DeliveryAnswer;
      try {
        const signed = await signWebhook({
          payload: body,
          secrets,
          timestamp: Math.floor(at / 1_000),
          id: delivery.event.id,
        });
        // A reset while signing: the attempt belongs to a world that no longer exists.
        if (generation !== this.#generation) return;
        const send = this.transport;
        answer =
          send === undefined
            ? { error: 'no transport: this engine has no door to send deliveries through' }
            : await send({ url: delivery.url, headers: { ...signed.headers }, body });
      } catch (error) {
        answer = { error: errorText(error) };
      }
      if (generation !== this.#generation) return;
      const durationMs = Math.round(performance.now() - started);
      this.#answered(delivery, { attempt, at, durationMs, ...outcome(answer) });
    })();
    const inFlight = this.#inFlight;
    inFlight.add(sending);
    const done = () => {
      inFlight.delete(sending);
      if (inFlight !== this.#inFlight) return; // reset meanwhile
      // Fill the freed slot: an attempt that sends nothing (its endpoint was deleted) leaves it
      // free for the next one waiting.
      for (const next of this.#waiting) {
        if (inFlight.size >= MAX_IN_FLIGHT) break;
        this.#waiting.delete(next);
        this.#attempt(next);
      }
    };
    sending.then(done, done);
  }

  #answered(delivery: DeliveryRecord, attempt: AttemptRecord): void {
    delivery.inFlight = false;
    delivery.attempts.push(attempt);
    const code = attempt.statusCode;
    if (code !== null && code >= 200 && code < 300) {
      this.#finish(delivery, 'succeeded');
      return;
    }
    const delay = retryDelayMs(attempt.attempt);
    if (delay === undefined) {
      this.#finish(delivery, 'failed');
      return;
    }
    const due = attempt.at + delay;
    delivery.nextAttemptAt = due;
    this.#kernel.scheduler.at(due, () => this.#attempt(delivery));
    const now = this.#kernel.clock.now();
    // On a real-time clock the kernel wakes itself when the retry falls due.
    if (due <= now) this.#kernel.sync();
  }
}

function outcome(answer: DeliveryAnswer): Pick<AttemptRecord, 'statusCode' | 'error'> {
  return 'status' in answer
    ? { statusCode: answer.status, error: null }
    : { statusCode: null, error: answer.error };
}
