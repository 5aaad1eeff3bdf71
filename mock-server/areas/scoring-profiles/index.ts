/**
 * The scoring-profiles area: a workspace's own fit and urgency rules over firmographics and
 * intent, the objects assigned to them, and scores explained rule by rule. Recomputes on every
 * rule change, assignment and `POST /scoring/compute`, and every day at 00:00 UTC for rules that
 * read intent.
 */
import { defineArea } from '../../pipeline/area.ts';
import { scheduleDailyRefresh } from './compute.ts';
import { scoringRoutes } from './routes.ts';
import { scoringOf } from './store.ts';

export {
  COMPUTE_DELAY_MS,
  MAX_ASSIGNMENTS_PER_SPACE,
  MAX_PROFILES_PER_SPACE,
  MAX_RULES_PER_PROFILE,
} from './store.ts';

export const scoringProfilesArea = defineArea({
  name: 'scoring-profiles',
  routes: scoringRoutes,
  start: scheduleDailyRefresh,
  summarise: (space) => {
    const book = scoringOf(space);
    let scoring_rules = 0;
    for (const profile of book.profiles.values()) scoring_rules += profile.rules.size;
    return {
      scoring_profiles: book.profiles.size,
      scoring_rules,
      scoring_assignments: book.assignments.size,
    };
  },
});
