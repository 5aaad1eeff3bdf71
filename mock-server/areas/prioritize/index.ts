/**
 * The prioritize area: `GET /prioritize`, which accounts of the watchlists to work today, and why.
 * It holds no state; it reads the watchlists and scores areas through their `index.ts`.
 */
import { defineArea } from '../../pipeline/area.ts';
import { prioritizeRoutes } from './routes.ts';

export { type PriorityRow, priorityOf } from './model.ts';

export const prioritizeArea = defineArea({ name: 'prioritize', routes: prioritizeRoutes });
