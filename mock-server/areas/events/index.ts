/**
 * The events area: `GET /events` and `GET /events/{id}` (the last 30 days of a workspace's events),
 * and the controls that list events of both modes and trigger one on demand.
 */

import type { MockContext } from '../../context.ts';
import { type EventType, eventCount, renderEvent } from '../../events/log.ts';
import { ControlError } from '../../kernel/errors.ts';
import type { Control } from '../../pipeline/admin.ts';
import { defineArea } from '../../pipeline/area.ts';
import type { Mode } from '../../tenancy/workspace.ts';
import { eventsOf } from './model.ts';
import { eventRoutes } from './routes.ts';
import { triggerEvent } from './trigger.ts';

export { type EventQuery, eventsOf, type MockEvent } from './model.ts';
export { type DeepPartial, type TriggerOptions, triggerEvent } from './trigger.ts';

function optionalText(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new ControlError(`${name} must be a string`);
  return value;
}

function controls(ctx: MockContext): Control[] {
  return [
    {
      method: 'GET',
      path: '/__mock/events',
      run: ({ query }) => {
        const workspace = query.get('workspace') ?? undefined;
        const mode = query.get('mode') ?? undefined;
        const type = query.get('type') ?? undefined;
        return {
          data: eventsOf(ctx, {
            ...(workspace === undefined ? {} : { workspace }),
            ...(mode === undefined ? {} : { mode: mode as Mode }),
            ...(type === undefined ? {} : { type: type as EventType }),
          }),
        };
      },
    },
    {
      method: 'POST',
      path: '/__mock/events/trigger',
      run: ({ body }) => {
        const type = optionalText(body.type, 'type');
        if (type === undefined)
          throw new ControlError('type is required, e.g. "account.band_changed"');
        const mode = optionalText(body.mode, 'mode');
        const workspace = optionalText(body.workspace, 'workspace');
        const { event, mode: eventMode } = triggerEvent(
          ctx,
          type as EventType,
          body.data as never,
          {
            ...(mode === undefined ? {} : { mode: mode as Mode }),
            ...(workspace === undefined ? {} : { workspace }),
          },
        );
        return { ...renderEvent(event), mode: eventMode };
      },
    },
  ];
}

export const eventsArea = defineArea({
  name: 'events',
  routes: eventRoutes,
  controls,
  summarise: (space) => ({ events: eventCount(space) }),
});
