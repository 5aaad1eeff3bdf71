/** How the account looks on the wire. */
import type { components } from '../../../src/generated/openapi.ts';
import { renderCredits } from '../../tenancy/credits.ts';
import type { Space } from '../../tenancy/workspace.ts';

export type WireAccount = components['schemas']['Account'];

/** The workspace behind the key, and the calling key itself by mode, scope and last 4 characters. */
export function renderAccount(space: Space, now: number, key: WireAccount['key']): WireAccount {
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
    key: { mode: key.mode, scope: key.scope, last4: key.last4 },
  };
}
