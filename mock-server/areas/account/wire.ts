/** How the account looks on the wire. */
import type { components } from '../../../src/generated/openapi.ts';
import { renderCredits } from '../../tenancy/credits.ts';
import type { Space } from '../../tenancy/workspace.ts';

export type WireAccount = components['schemas']['Account'];

export function renderAccount(space: Space, now: number): WireAccount {
  const { workspace } = space;
  return {
    id: workspace.id,
    name: workspace.name,
    plan: workspace.plan.name,
    credits: renderCredits(workspace, now),
    rate_limits: {
      score_per_minute: workspace.plan.scorePerMinute,
      reads_per_minute: workspace.plan.readsPerMinute,
      concurrent_bulk_jobs: workspace.plan.concurrentBulkJobs,
    },
  };
}
