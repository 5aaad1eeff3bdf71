/**
 * The key triggers of a score: short labels of the evidence behind it, strongest signal first.
 * Pipeline reports count them (`top_triggers`), aggregate signals count them per sample, and fit
 * analysis meets an offering against them. The rule, as `docs/mock-server.md` writes it:
 *
 * 1. the five signals from the highest sub-score to the lowest (ties in the order funding, hiring,
 *    news, tech, web);
 * 2. within a signal, its evidence in the order the API lists it;
 * 3. each evidence title, except those that report nothing happening (they start with "No ", as
 *    in "No new priced round in the last 12 months"), once, cut to 60 characters;
 * 4. at most five.
 */

import { SIGNAL_NAMES } from './scoring-model.ts';
import type { Snapshot } from './snapshots.ts';

/** How many triggers a score has at most. */
export const MAX_KEY_TRIGGERS = 5;
/** The longest a trigger is; a longer title is cut to 59 characters and `…`. */
export const MAX_TRIGGER_LENGTH = 60;

function label(title: string): string {
  const text = title.trim().replace(/\s+/g, ' ');
  return text.length <= MAX_TRIGGER_LENGTH ? text : `${text.slice(0, MAX_TRIGGER_LENGTH - 1)}…`;
}

/** The key triggers of a snapshot (what a score of it shows), strongest signal first. */
export function keyTriggersOf(snapshot: Snapshot): string[] {
  const order = [...SIGNAL_NAMES].sort(
    (a, b) => snapshot.signals[b].score - snapshot.signals[a].score,
  );
  const triggers: string[] = [];
  for (const name of order) {
    for (const evidence of snapshot.signals[name].evidence) {
      const trigger = label(evidence.title);
      if (trigger.startsWith('No ') || trigger === '' || triggers.includes(trigger)) continue;
      triggers.push(trigger);
      if (triggers.length === MAX_KEY_TRIGGERS) return triggers;
    }
  }
  return triggers;
}
