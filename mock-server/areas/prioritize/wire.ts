/** How a prioritised account looks on the wire. */
import type { components } from '../../../src/generated/openapi.ts';
import { isoSeconds } from '../../kernel/clock.ts';
import type { PriorityRow } from './model.ts';

export type WirePriorityAccount = components['schemas']['PriorityAccount'];

export function renderPriorityAccount(row: PriorityRow): WirePriorityAccount {
  const { snapshot } = row.score;
  const { intelligence } = row;
  return {
    domain: row.domain,
    company: intelligence.company,
    score: row.score.score,
    band: row.score.band,
    delta_30d: row.score.delta30d,
    urgency: intelligence.urgency,
    buying_stage: intelligence.buyingStage,
    why_now: intelligence.whyNow,
    key_triggers: intelligence.triggers.map((trigger) => trigger.label),
    action: snapshot.action,
    priority: row.priority,
    reasons: row.reasons,
    watchlist_ids: row.watchlistIds,
    score_id: row.score.id,
    computed_at: isoSeconds(row.score.computedAt),
  };
}
