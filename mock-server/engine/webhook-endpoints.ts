/**
 * Webhook endpoints. The signing secret (`whsec_` and 32 letters and digits) is returned once, on
 * create; the engine keeps the raw secrets, as a list so that a rotation can sign with several.
 */
import type { components } from '../../src/generated/openapi.ts';
import { isoSeconds } from './clock.ts';
import type { Engine } from './engine.ts';
import { notFound } from './errors.ts';
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
  /** Active signing secrets, newest first. */
  readonly secrets: string[];
}

export interface CreateWebhookEndpointInput {
  url: string;
  events: readonly EventType[];
  description?: string;
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
    secrets: [`whsec_${engine.secrets.string(32, ALPHANUMERIC)}`],
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
