/**
 * The outcomes area: what happened with an account, against the score it had at the time. Reports
 * and aggregate signals read outcomes and count their stages through the functions exported here.
 */
import { defineArea } from '../../pipeline/area.ts';
import { outcomeCount } from './model.ts';
import { outcomeRoutes } from './routes.ts';

export { allOutcomes, MAX_OUTCOMES_PER_SPACE } from './model.ts';
export type { OutcomeKind, OutcomeRecord } from './records.ts';
export { latestByDomain, newestFirst, reaches, STAGES, type Stage } from './stages.ts';

export const outcomesArea = defineArea({
  name: 'outcomes',
  routes: outcomeRoutes,
  summarise: (space) => ({ outcomes: outcomeCount(space) }),
});
