/**
 * What an API area brings to the mock: its rows of the route table, its test controls under
 * `/__mock/`, the recurring work it schedules, and what it reports in `mock.inspect()`. Each area
 * exports one of these from `areas/<area>/index.ts`, and `engine.ts` lists them.
 */
import type { MockContext } from '../context.ts';
import type { Space } from '../tenancy/workspace.ts';
import type { Control } from './admin.ts';
import type { Route } from './route.ts';

export interface Area<Summary extends object = object> {
  /** The area's name, as its folder is named. */
  readonly name: string;
  readonly routes: readonly Route[];
  /** Test controls of the area, served under `/__mock/`. */
  controls?(ctx: MockContext): readonly Control[];
  /** Called when the mock is made and after every reset: schedule recurring work here. */
  start?(ctx: MockContext): void;
  /** What one space holds of this area, by count, for `mock.inspect()`. */
  summarise?(space: Space): Summary;
}

/** Declares an area, keeping the type of its summary. */
export function defineArea<Summary extends object = object>(area: Area<Summary>): Area<Summary> {
  return area;
}
