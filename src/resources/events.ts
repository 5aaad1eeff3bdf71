import type { APIPromise } from '../core/api-promise.ts';
import type { RequestOptions } from '../core/options.ts';
import type { PagePromise } from '../core/pagination.ts';
import { path } from '../core/path.ts';
import { APIResource, type ListParams, type WithMode } from '../core/resource.ts';
import { parseParams } from '../core/validate.ts';
import type { components } from '../generated/openapi.ts';
import { EventListParamsSchema } from '../schemas/params.ts';

type Schemas = components['schemas'];

/** An event, as webhooks deliver it; narrow it on `type`. */
export type Event = Schemas['Event'];
/** `score.computed`, `score.bulk.completed`, `account.band_changed`, `signal.spike`, ... */
export type EventType = Schemas['EventType'];
/** Parameters of `events.list`: paging, and `type` to keep one kind of event. */
export interface EventListParams extends ListParams {
  type?: EventType;
}

/** The events of the last 30 days, for polling and replay. */
export class EventsResource extends APIResource {
  /**
   * Every event of the workspace, newest first.
   * @example for await (const event of iiq.events.list({ type: 'account.band_changed' })) handle(event);
   */
  list(params: EventListParams = {}, options?: RequestOptions): PagePromise<Event> {
    return this.paginate(
      () => ({
        operation: 'events.list',
        path: '/events',
        query: parseParams(EventListParamsSchema, params),
      }),
      options,
    );
  }

  /** One event by its `evt_` ID. */
  retrieve(id: string, options?: RequestOptions): APIPromise<WithMode<Event>> {
    return this.call(
      () => ({ operation: 'events.retrieve', method: 'GET', path: path`/events/${id}` }),
      options,
    );
  }
}
