/** The reports area: the pipeline report of a quarter, cached per quarter (Team and Scale plans). */
import { defineArea } from '../../pipeline/area.ts';
import { cachedReportCount } from './model.ts';
import { reportRoutes } from './routes.ts';

export { topTriggers } from './figures.ts';
export { MAX_CACHED_REPORTS } from './model.ts';
export { priorQuarter, quarterAt, quarterNamed } from './period.ts';
export { percentChange, share } from './rounding.ts';
export { REPORT_PLANS } from './routes.ts';

export const reportsArea = defineArea({
  name: 'reports',
  routes: reportRoutes,
  summarise: (space) => ({ pipeline_reports: cachedReportCount(space) }),
});
