/**
 * Webhook endpoints. The signing secret (`whsec_` and 32 letters and digits) is returned once, on
 * create; the mock keeps the raw secrets, as a list so that a rotation can sign with several:
 * after `rotateSecret` the new secret comes first and the old ones stay active until they expire on
 * the mock's clock.
 */
import type { MockContext } from '../../context.ts';
import type { DeliveryTarget, Subscriptions } from '../../events/delivery-log.ts';
import type { EventRecord, EventType } from '../../events/log.ts';
import { isoSeconds } from '../../kernel/clock.ts';
import { ControlError, MockApiError, notFound } from '../../kernel/errors.ts';
import { ALPHANUMERIC } from '../../kernel/ids.ts';
import type { Tenants } from '../../tenancy/tenants.ts';
import { defineStore, type Space } from '../../tenancy/workspace.ts';

export interface WebhookEndpointRecord {
  readonly id: string;
  readonly url: string;
  readonly events: readonly EventType[];
  readonly description: string | null;
  readonly createdAt: number;
  /** Signing secrets, newest first (expired ones are dropped at the next rotation). */
  readonly secrets: string[];
  /** When each rotated-out secret stops being used (unix ms); the newest secret never expires. */
  readonly expiries: Map<string, number>;
}

export interface CreateWebhookEndpointInput {
  url: string;
  events: readonly EventType[];
  description?: string;
}

/** The endpoints of a space, by ID, oldest first. */
const endpointStore = defineStore(
  'webhook-endpoints',
  () => new Map<string, WebhookEndpointRecord>(),
);

function newSecret(ctx: MockContext): string {
  return `whsec_${ctx.secrets.string(32, ALPHANUMERIC)}`;
}

/** The most webhook endpoints a space holds; creating one more is refused. */
export const MAX_ENDPOINTS_PER_SPACE = 100;

export function createWebhookEndpoint(
  ctx: MockContext,
  space: Space,
  input: CreateWebhookEndpointInput,
): WebhookEndpointRecord {
  if (space.get(endpointStore).size >= MAX_ENDPOINTS_PER_SPACE) {
    throw new MockApiError(
      'invalid_request',
      `A workspace holds at most ${MAX_ENDPOINTS_PER_SPACE} webhook endpoints in each mode. Delete one before creating another.`,
      { field: 'body' },
    );
  }
  const endpoint: WebhookEndpointRecord = {
    id: ctx.ids.next('we'),
    url: input.url,
    events: [...input.events],
    description: input.description ?? null,
    createdAt: ctx.now(),
    secrets: [newSecret(ctx)],
    expiries: new Map(),
  };
  space.get(endpointStore).set(endpoint.id, endpoint);
  return endpoint;
}

/** Newest first. */
export function listWebhookEndpoints(space: Space): WebhookEndpointRecord[] {
  return [...space.get(endpointStore).values()].reverse();
}

/** How many endpoints the space has. */
export function countWebhookEndpoints(space: Space): number {
  return space.get(endpointStore).size;
}

export function deleteWebhookEndpoint(space: Space, id: string): void {
  if (!space.get(endpointStore).delete(id)) throw notFound('webhook endpoint', id);
}

/** The secrets a delivery made at `at` (unix ms) is signed with, newest first. */
export function activeSecrets(endpoint: WebhookEndpointRecord, at: number): string[] {
  return endpoint.secrets.filter((secret) => (endpoint.expiries.get(secret) ?? Infinity) > at);
}

/** A URL as the endpoint list compares them (`HTTPS://Example.com` is `https://example.com/`). */
function sameUrl(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

/** The newest endpoint of the space registered at `url`, if any. */
export function endpointAt(space: Space, url: string): WebhookEndpointRecord | undefined {
  const wanted = sameUrl(url);
  return listWebhookEndpoints(space).find((endpoint) => sameUrl(endpoint.url) === wanted);
}

/**
 * Checks a `webhook_url` given to `POST /score` or `POST /score/bulk`: deliveries to it are signed
 * with the secret of the endpoint registered at that URL, so one must exist. Throws a 400.
 */
export function requireEndpointAt(space: Space, url: string): WebhookEndpointRecord {
  const endpoint = endpointAt(space, url);
  if (endpoint !== undefined) return endpoint;
  // The URL is not quoted back: error messages never echo request bodies.
  throw new MockApiError(
    'invalid_request',
    'No webhook endpoint of this workspace is registered at webhook_url. Deliveries are signed with the secret of the endpoint at that URL, so create the endpoint first with POST /v1/webhook_endpoints (same url, with the same key), then pass its url here.',
    { field: 'webhook_url' },
  );
}

/** Finds an endpoint by ID in any workspace and mode (IDs are unique across the mock). */
export function findWebhookEndpoint(
  tenants: Tenants,
  id: string,
): { space: Space; endpoint: WebhookEndpointRecord } {
  for (const space of tenants.spaces()) {
    const endpoint = space.get(endpointStore).get(id);
    if (endpoint !== undefined) return { space, endpoint };
  }
  throw new ControlError(`no webhook endpoint with ID ${id} exists in this mock`);
}

/** What a rotation returns: the new secret, shown this once, and when the previous ones stop. */
export interface RotatedSecret {
  endpoint_id: string;
  secret: string;
  previous_secrets_expire_at: string;
}

/**
 * Gives the endpoint a new signing secret. The previous ones keep signing deliveries (one `v1` per
 * active secret) for `expiresInMs` of mock time, so receivers can switch without losing any.
 */
export function rotateSecret(
  ctx: MockContext,
  endpoint: WebhookEndpointRecord,
  expiresInMs: number,
): RotatedSecret {
  const now = ctx.now();
  const expiresAt = now + expiresInMs;
  const kept = activeSecrets(endpoint, now);
  for (const secret of kept) {
    const current = endpoint.expiries.get(secret);
    if (current === undefined || current > expiresAt) endpoint.expiries.set(secret, expiresAt);
  }
  const secret = newSecret(ctx);
  endpoint.secrets.splice(0, endpoint.secrets.length, secret, ...kept);
  for (const old of endpoint.expiries.keys()) {
    if (!endpoint.secrets.includes(old)) endpoint.expiries.delete(old);
  }
  return {
    endpoint_id: endpoint.id,
    secret,
    previous_secrets_expire_at: isoSeconds(expiresAt),
  };
}

/**
 * Who gets an event: every endpoint of the space subscribed to its type, plus the `webhook_url`
 * given with the request that caused it, signed with the secrets of the endpoint registered there.
 * An endpoint that is both gets the event once.
 */
function targetsOf(space: Space, event: EventRecord): DeliveryTarget[] {
  const targets: DeliveryTarget[] = [];
  for (const endpoint of space.get(endpointStore).values()) {
    if (endpoint.events.includes(event.type))
      targets.push({ endpointId: endpoint.id, url: endpoint.url });
  }
  if (event.webhookUrl !== undefined) {
    const endpoint = endpointAt(space, event.webhookUrl);
    if (endpoint === undefined || !targets.some((target) => target.endpointId === endpoint.id)) {
      targets.push({ endpointId: endpoint?.id ?? null, url: event.webhookUrl });
    }
  }
  return targets;
}

/** What the dispatcher asks about endpoints. */
export const subscriptions: Subscriptions = {
  targets: targetsOf,
  secrets: (space, endpointId, at) => {
    const endpoint = space.get(endpointStore).get(endpointId);
    return endpoint === undefined ? undefined : activeSecrets(endpoint, at);
  },
};
