/** How a fit analysis looks on the wire. */
import type { components } from '../../../src/generated/openapi.ts';
import { isoSeconds } from '../../kernel/clock.ts';
import type { FitResult } from './model.ts';

export type WireFitAnalysis = components['schemas']['FitAnalysis'];

export function renderFit(fit: FitResult): WireFitAnalysis {
  return {
    domain: fit.domain,
    company: fit.company,
    overall_fit: fit.overallFit,
    fit_score: fit.fitScore,
    matched_areas: fit.matchedAreas,
    gaps: fit.gaps,
    talking_points: fit.talkingPoints,
    one_line_pitch: fit.oneLinePitch,
    computed_at: isoSeconds(fit.computedAt),
  };
}
