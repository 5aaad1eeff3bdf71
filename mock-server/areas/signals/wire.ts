/** How aggregate signals look on the wire: every figure, or none at all below the threshold. */
import type { components } from '../../../src/generated/openapi.ts';
import { type AggregateResult, PRIVACY_THRESHOLD } from './model.ts';

export type WireAggregateSignals = components['schemas']['AggregateSignals'];

export function renderAggregate(result: AggregateResult): WireAggregateSignals {
  if (!result.available) {
    return { segment: result.segment, available: false, threshold: PRIVACY_THRESHOLD };
  }
  return {
    segment: result.segment,
    available: true,
    sample_size: result.sampleSize,
    hot_rate: result.hotRate,
    meeting_rate: result.meetingRate,
    win_rate: result.winRate,
    median_days_to_meeting: result.medianDaysToMeeting,
    top_triggers: result.topTriggers,
  };
}
