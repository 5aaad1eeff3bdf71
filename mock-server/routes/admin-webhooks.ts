/**
 * The `/__mock/` controls of webhook deliveries (see `admin.ts` for the others):
 *
 * | method | path | body / query | does |
 * | --- | --- | --- | --- |
 * | GET | /__mock/deliveries | `?endpoint=we_…&event=evt_…&status=failed` | the delivery log, newest first |
 * | POST | /__mock/deliveries/settle | | over HTTP, waits until every delivery due now was answered; the log |
 * | POST | /__mock/events/trigger | `{"type": "signal.spike", "data": {…}, "mode": "live"}` | records an event now |
 * | POST | /__mock/webhook_endpoints/{id}/rotate_secret | `{"expires_in": "24h"}` | a new signing secret |
 * | GET | /__mock/keys | | the default workspace's test and live keys |
 */
import { parseDuration } from '../engine/clock.ts';
import type { DeliveryQuery, DeliveryStatus } from '../engine/deliveries.ts';
import type { Engine } from '../engine/engine.ts';
import { type EventType, renderEvent } from '../engine/events.ts';
import { triggerEvent } from '../engine/trigger.ts';
import { findWebhookEndpoint, rotateSecret } from '../engine/webhook-endpoints.ts';

/** A control: the engine, the JSON body, the query string and the path parameters. */
export type AdminAction = (
  engine: Engine,
  body: Record<string, unknown>,
  query: URLSearchParams,
  params: Readonly<Record<string, string>>,
) => unknown;

const STATUSES: readonly DeliveryStatus[] = ['pending', 'succeeded', 'failed'];

function deliveryQuery(query: URLSearchParams): DeliveryQuery {
  const endpoint = query.get('endpoint') ?? undefined;
  const event = query.get('event') ?? undefined;
  const status = query.get('status') ?? undefined;
  if (status !== undefined && !STATUSES.includes(status as DeliveryStatus)) {
    throw new TypeError('status must be "pending", "succeeded" or "failed"');
  }
  return {
    ...(endpoint === undefined ? {} : { endpoint }),
    ...(event === undefined ? {} : { event }),
    ...(status === undefined ? {} : { status: status as DeliveryStatus }),
  };
}

function optionalText(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new TypeError(`${name} must be a string`);
  return value;
}

export const WEBHOOK_ACTIONS: Record<string, AdminAction> = {
  'GET /__mock/deliveries': (engine, _body, query) => ({
    data: engine.outbox.list(deliveryQuery(query)),
  }),
  // The HTTP door waits for the deliveries before it gets here; in-process doors answer at once
  // (use `await mock.deliveries.settle()` there), and `in_flight` says what is still on its way.
  'POST /__mock/deliveries/settle': (engine) => {
    engine.sync();
    return { in_flight: engine.outbox.inFlight, data: engine.outbox.list() };
  },
  'POST /__mock/events/trigger': (engine, body) => {
    const type = optionalText(body.type, 'type');
    if (type === undefined) throw new TypeError('type is required, e.g. "account.band_changed"');
    const mode = optionalText(body.mode, 'mode');
    const workspace = optionalText(body.workspace, 'workspace');
    const { event, mode: eventMode } = triggerEvent(engine, type as EventType, body.data as never, {
      ...(mode === undefined ? {} : { mode: mode as 'test' | 'live' }),
      ...(workspace === undefined ? {} : { workspace }),
    });
    return { ...renderEvent(event), mode: eventMode };
  },
  'POST /__mock/webhook_endpoints/{id}/rotate_secret': (engine, body, _query, params) => {
    const expiresIn = body.expires_in ?? '24h';
    if (typeof expiresIn !== 'string' && typeof expiresIn !== 'number') {
      throw new TypeError('expires_in must be a duration such as "24h", or milliseconds');
    }
    const { endpoint } = findWebhookEndpoint(engine, params.id as string);
    return rotateSecret(engine, endpoint, parseDuration(expiresIn));
  },
  // What `iiq webhooks listen` uses to find the live key of a local `iiq mock` (which prints the
  // keys anyway; they are fake and valid on this mock only).
  'GET /__mock/keys': (engine) => ({
    workspace: engine.defaultWorkspace.id,
    ...engine.defaultKeys,
  }),
};
