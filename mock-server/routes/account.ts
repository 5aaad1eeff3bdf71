/** `GET /account`: plan, credits and rate limits of the workspace behind the key. */
import { isoSeconds } from '../engine/clock.ts';
import { creditsView } from '../engine/workspaces.ts';
import { route } from './types.ts';

export const accountRoutes = [
  route({
    method: 'GET',
    path: '/account',
    operation: 'retrieveAccount',
    bucket: 'read',
    handler: (_request, { engine, space, json }) => {
      const { workspace } = space;
      const credits = creditsView(workspace, engine.clock.now());
      return json(200, {
        id: workspace.id,
        name: workspace.name,
        plan: workspace.plan.name,
        credits: {
          limit: credits.limit,
          used: credits.used,
          remaining: credits.remaining,
          resets_at: isoSeconds(credits.resetsAt),
        },
        rate_limits: {
          score_per_minute: workspace.plan.scorePerMinute,
          reads_per_minute: workspace.plan.readsPerMinute,
          concurrent_bulk_jobs: workspace.plan.concurrentBulkJobs,
        },
      });
    },
  }),
];
