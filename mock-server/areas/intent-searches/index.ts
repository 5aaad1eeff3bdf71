/**
 * The intent searches area: people who showed interest in products like a domain's, ranked by fit
 * with an ICP company, found on the mock clock and billed per person.
 */
import { defineArea } from '../../pipeline/area.ts';
import { listSearches } from './model.ts';
import { intentSearchRoutes } from './routes.ts';

export { sampleSearch } from './model.ts';

export const intentSearchesArea = defineArea({
  name: 'intent-searches',
  routes: intentSearchRoutes,
  summarise: (space) => {
    const intent_searches = { queued: 0, processing: 0, completed: 0, failed: 0 };
    for (const search of listSearches(space)) intent_searches[search.job.status]++;
    return { intent_searches };
  },
});
