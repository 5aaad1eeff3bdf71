/**
 * The webhook endpoints area: where deliveries go, the signing secrets (and their rotation), and
 * the subscriptions the dispatcher asks about.
 */

import type { MockContext } from '../../context.ts';
import { parseDuration } from '../../kernel/clock.ts';
import { ControlError } from '../../kernel/errors.ts';
import type { Control } from '../../pipeline/admin.ts';
import { defineArea } from '../../pipeline/area.ts';
import { countWebhookEndpoints, findWebhookEndpoint, rotateSecret } from './model.ts';
import { webhookEndpointRoutes } from './routes.ts';

export {
  endpointAt,
  findWebhookEndpoint,
  type RotatedSecret,
  requireEndpointAt,
  rotateSecret,
  subscriptions,
  type WebhookEndpointRecord,
} from './model.ts';

function controls(ctx: MockContext): Control[] {
  return [
    {
      method: 'POST',
      path: '/__mock/webhook_endpoints/{id}/rotate_secret',
      run: ({ body, params }) => {
        const expiresIn = body.expires_in ?? '24h';
        if (typeof expiresIn !== 'string' && typeof expiresIn !== 'number') {
          throw new ControlError('expires_in must be a duration such as "24h", or milliseconds');
        }
        const { endpoint } = findWebhookEndpoint(ctx.tenants, params.id as string);
        return rotateSecret(ctx, endpoint, parseDuration(expiresIn));
      },
    },
  ];
}

export const webhookEndpointsArea = defineArea({
  name: 'webhook-endpoints',
  routes: webhookEndpointRoutes,
  controls,
  summarise: (space) => ({ webhook_endpoints: countWebhookEndpoints(space) }),
});
