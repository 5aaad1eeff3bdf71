/** How webhook endpoints look on the wire; the secret is in the create response only. */
import type { components } from '../../../src/generated/openapi.ts';
import { isoSeconds } from '../../kernel/clock.ts';
import type { WebhookEndpointRecord } from './model.ts';

type Schemas = components['schemas'];
export type WireWebhookEndpoint = Schemas['WebhookEndpoint'];
export type WireWebhookEndpointCreated = Schemas['WebhookEndpointCreated'];

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
