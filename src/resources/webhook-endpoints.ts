import type { APIPromise } from '../core/api-promise.ts';
import type { RequestOptions } from '../core/options.ts';
import type { PagePromise } from '../core/pagination.ts';
import { path } from '../core/path.ts';
import { APIResource, type ListParams, type WithMode } from '../core/resource.ts';
import { parseParams, withoutRepeats } from '../core/validate.ts';
import type { components } from '../generated/openapi.ts';
import { ListParamsSchema, WebhookEndpointCreateParamsSchema } from '../schemas/params.ts';
import type { Deleted } from './watchlists.ts';

type Schemas = components['schemas'];

/** Where events are delivered. */
export type WebhookEndpoint = Schemas['WebhookEndpoint'];
/** A new endpoint with its signing `secret`: shown once, in this response only. */
export type WebhookEndpointCreated = Schemas['WebhookEndpointCreated'];
/** Parameters of `webhookEndpoints.create`. */
export type WebhookEndpointCreateParams = Schemas['WebhookEndpointCreateParams'];

/** Webhook endpoints: where events are delivered, signed. */
export class WebhookEndpointsResource extends APIResource {
  /**
   * Registers a URL for the listed event types. Store the returned `secret` in your secret
   * manager: it is never shown again.
   * @example const { secret } = await iiq.webhookEndpoints.create({ url, events: ['account.band_changed'] });
   */
  create(
    params: WebhookEndpointCreateParams,
    options?: RequestOptions,
  ): APIPromise<WithMode<WebhookEndpointCreated>> {
    return this.call(async () => {
      const body = parseParams(WebhookEndpointCreateParamsSchema, withoutRepeats(params, 'events'));
      await this.checkWebhookUrl('url', body.url);
      return {
        operation: 'webhookEndpoints.create',
        method: 'POST',
        path: '/webhook_endpoints',
        body,
      };
    }, options);
  }

  /** The workspace's endpoints, newest first. Secrets are never included. */
  list(params: ListParams = {}, options?: RequestOptions): PagePromise<WebhookEndpoint> {
    return this.paginate(
      () => ({
        operation: 'webhookEndpoints.list',
        path: '/webhook_endpoints',
        query: parseParams(ListParamsSchema, params),
      }),
      options,
    );
  }

  /** Stops all deliveries to the endpoint, pending retries included. */
  delete(id: string, options?: RequestOptions): APIPromise<WithMode<Deleted>> {
    return this.call(
      () => ({
        operation: 'webhookEndpoints.delete',
        method: 'DELETE',
        path: path`/webhook_endpoints/${id}`,
      }),
      options,
    );
  }
}
