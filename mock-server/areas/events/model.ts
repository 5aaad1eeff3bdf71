/** Events across both modes of a workspace, as the test controls list them. */

import type { MockContext } from '../../context.ts';
import { type EventType, renderEvent, type WireEvent } from '../../events/log.ts';
import { ControlError } from '../../kernel/errors.ts';
import { isMode } from '../../tenancy/keys.ts';
import type { Mode } from '../../tenancy/workspace.ts';

/** An event as `mock.events.list()` and `mock.events.trigger()` return it: with its mode. */
export type MockEvent = WireEvent & { mode: Mode };

/** Filters of `mock.events.list()`. */
export interface EventQuery {
  workspace?: string;
  mode?: Mode;
  type?: EventType;
}

/** Events of one workspace (default: the default one), newest first, both modes unless one is given. */
export function eventsOf(ctx: MockContext, query: EventQuery = {}): MockEvent[] {
  const workspace = ctx.tenants.find(query.workspace);
  if (workspace === undefined) {
    throw new ControlError(`no workspace with ID ${query.workspace} exists in this mock`);
  }
  if (query.mode !== undefined && !isMode(query.mode)) {
    throw new ControlError('mode must be "test" or "live"');
  }
  const modes: Mode[] = query.mode === undefined ? ['test', 'live'] : [query.mode];
  return modes
    .flatMap((mode) =>
      ctx.events.list(workspace.spaces[mode], query.type).map((event) => ({ event, mode })),
    )
    .sort((a, b) => b.event.created - a.event.created)
    .map(({ event, mode }) => ({ ...renderEvent(event), mode }));
}
