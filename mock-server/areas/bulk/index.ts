/** The bulk jobs area: jobs of up to 1,000 domains scored on the mock clock, results in JSON or CSV. */
import { defineArea } from '../../pipeline/area.ts';
import { listJobs } from './model.ts';
import { statusOf } from './records.ts';
import { bulkRoutes } from './routes.ts';

export const bulkArea = defineArea({
  name: 'bulk',
  routes: bulkRoutes,
  summarise: (space) => {
    const bulk_jobs = { queued: 0, running: 0, completed: 0 };
    for (const job of listJobs(space)) bulk_jobs[statusOf(job)]++;
    return { bulk_jobs };
  },
});
