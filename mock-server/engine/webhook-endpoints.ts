/**
 * Webhook endpoints. The signing secret (`whsec_` and 32 letters and digits) is returned once, on
 * create; the engine keeps the raw secrets, as a list so that a rotation can sign with several:
 * after `rotateSecret` the new secret comes first and the old ones stay active until they expire on
 * the mock's clock.
 */
import type { components } from '../../src/generated/openapi.ts';
import { isoSeconds } from './clock.ts';
import type { Engine } from './engine.ts';
import { MockApiError, notFound } from './errors.ts';
import type { EventType } from './events.ts';
import { ALPHANUMERIC } from './ids.ts';
import type { Space } from './space.ts';

type Schemas = components['schemas'];
export type WireWebhookEndpoint = Schemas['WebhookEndpoint'];
export type WireWebhookEndpointCreated = Schemas['WebhookEndpointCreated'];

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

function newSecret(engine: Engine): string {
  return `whsec_${engine.secrets.string(32, ALPHANUMERIC)}`;
}

export function createWebhookEndpoint(
  engine: Engine,
  space: Space,
  input: CreateWebhookEndpointInput,
): WebhookEndpointRecord {
  const endpoint: WebhookEndpointRecord = {
    id: engine.ids.next('we'),
    url: input.url,
    events: [...input.events],
    description: input.description ?? null,
    createdAt: engine.clock.now(),
    secrets: [newSecret(engine)],
    expiries: new Map(),
  };
  space.endpoints.set(endpoint.id, endpoint);
  return endpoint;
}

/** Newest first. */
export function listWebhookEndpoints(space: Space): WebhookEndpointRecord[] {
  return [...space.endpoints.values()].reverse();
}

export function deleteWebhookEndpoint(space: Space, id: string): void {
  if (!space.endpoints.delete(id)) throw notFound('webhook endpoint', id);
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
  engine: Engine,
  id: string,
): { space: Space; endpoint: WebhookEndpointRecord } {
  for (const workspace of engine.workspaces.values()) {
    for (const space of [workspace.spaces.live, workspace.spaces.test]) {
      const endpoint = space.endpoints.get(id);
      if (endpoint !== undefined) return { space, endpoint };
    }
  }
  throw new TypeError(`no webhook endpoint with ID ${id} exists in this mock`);
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
  engine: Engine,
  endpoint: WebhookEndpointRecord,
  expiresInMs: number,
): RotatedSecret {
  const now = engine.clock.now();
  const expiresAt = now + expiresInMs;
  const kept = activeSecrets(endpoint, now);
  for (const secret of kept) {
    const current = endpoint.expiries.get(secret);
    if (current === undefined || current > expiresAt) endpoint.expiries.set(secret, expiresAt);
  }
  const secret = newSecret(engine);
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

export function renderWebhookEndpoint(endpoint: WebhookEndpointRecord): WireWebhookEndpoint {
  return {
    id: endpoint.id,
    url: endpoint.url,
    events: [...endpoint.events],
    description: endpoint.description,
    created_at: isoSeconds(endpoint.createdAt),
  };
}

/** The one response that shows the secret. */
export function renderCreatedWebhookEndpoint(
  endpoint: WebhookEndpointRecord,
): WireWebhookEndpointCreated {
  return { ...renderWebhookEndpoint(endpoint), secret: endpoint.secrets[0] as string };
}
