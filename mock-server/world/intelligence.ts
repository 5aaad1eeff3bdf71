/**
 * Account intelligence: what a seller reads next to a score (who, where they are in a purchase, how
 * soon to call, why now, the evidence behind it, when it goes stale, what to say). Everything here
 * is derived, deterministically, from the snapshot the score was computed from, so it always
 * agrees with the score, its band, its 30-day change and its evidence. The rules are the ones
 * `docs/mock-server.md` ("Account intelligence") documents; `test/mock-server/world/intelligence.test.ts`
 * checks them.
 *
 * - A trigger is the newest piece of evidence, from the last 30 days, of a signal that scores 70
 *   or more: at most one per signal, strongest signal first, labelled with the evidence's title.
 * - `why_now` names the freshest trigger (the first of the strongest on a tie).
 * - `buying_stage` and `urgency` follow from the score, the band, `delta_30d` and the age of the
 *   freshest trigger.
 * - `decay_date`: intent halves every 30 days without a new signal, counted from the newest
 *   evidence; the score falls out of its band when it would drop below the band's floor (80 for
 *   HOT, 60 for WARM), and the date is the first 00:00 UTC (when watchlists re-score) after that,
 *   and after the score itself. COLD has nothing lower to fall to: null.
 */
import type { components } from '../../src/generated/openapi.ts';
import { DAY_MS, nextMidnight } from '../kernel/clock.ts';
import type { SignalName } from './companies.ts';
import { type Band, SIGNAL_NAMES } from './scoring-model.ts';
import type { Snapshot } from './snapshots.ts';

export type BuyingStage = components['schemas']['BuyingStage'];
export type Urgency = components['schemas']['Urgency'];

/** A signal counts as strong, and its evidence as a trigger, from this score. */
export const TRIGGER_MIN_SIGNAL = 70;
/** Evidence older than this is not a trigger. */
export const TRIGGER_WINDOW_DAYS = 30;
/** Intent halves every this many days without a new signal. */
export const DECAY_HALF_LIFE_DAYS = 30;
/** The longest trigger label; longer evidence titles are cut at a word, with an ellipsis. */
export const MAX_TRIGGER_LENGTH = 60;

export interface Trigger {
  signal: SignalName;
  /** The evidence's title (shortened to 60 characters when longer). */
  label: string;
  /** Whole days between the evidence and the score. */
  ageDays: number;
  observedAt: number;
}

/** What a score says beyond its number. */
export interface Intelligence {
  company: string;
  buyingStage: BuyingStage;
  urgency: Urgency;
  whyNow: string;
  triggers: Trigger[];
  /** Unix ms, or null for COLD. */
  decayDate: number | null;
}

const SIGNAL_LABELS: Readonly<Record<SignalName, string>> = {
  funding: 'Funding',
  hiring: 'Hiring',
  news: 'News',
  tech: 'Tech stack',
  web: 'Web activity',
};

function shorten(title: string): string {
  if (title.length <= MAX_TRIGGER_LENGTH) return title;
  const cut = title.slice(0, MAX_TRIGGER_LENGTH - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > 20 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The triggers of a snapshot computed at `at`: strongest signal first, one per signal. */
export function triggersOf(snapshot: Snapshot, at: number): Trigger[] {
  const strong = [...SIGNAL_NAMES]
    .filter((name) => snapshot.signals[name].score >= TRIGGER_MIN_SIGNAL)
    .sort((a, b) => snapshot.signals[b].score - snapshot.signals[a].score);
  const triggers: Trigger[] = [];
  for (const name of strong) {
    let newest: Snapshot['signals'][SignalName]['evidence'][number] | undefined;
    for (const evidence of snapshot.signals[name].evidence) {
      const recent = at - evidence.observedAt <= TRIGGER_WINDOW_DAYS * DAY_MS;
      if (recent && (newest === undefined || evidence.observedAt > newest.observedAt)) {
        newest = evidence;
      }
    }
    if (newest === undefined) continue;
    triggers.push({
      signal: name,
      label: shorten(newest.title),
      ageDays: Math.max(0, Math.floor((at - newest.observedAt) / DAY_MS)),
      observedAt: newest.observedAt,
    });
  }
  return triggers;
}

/** The freshest trigger (the strongest signal's on a tie), or undefined. */
function freshest(triggers: readonly Trigger[]): Trigger | undefined {
  let best: Trigger | undefined;
  for (const trigger of triggers)
    if (best === undefined || trigger.ageDays < best.ageDays) best = trigger;
  return best;
}

/** The age in days of the freshest trigger, or Infinity when there is none. */
export function freshestAge(triggers: readonly Trigger[]): number {
  return freshest(triggers)?.ageDays ?? Number.POSITIVE_INFINITY;
}

function when(days: number): string {
  if (days === 0) return 'Today';
  if (days === 1) return 'Yesterday';
  return `${days} days ago`;
}

function whyNowOf(snapshot: Snapshot, triggers: readonly Trigger[]): string {
  const first = freshest(triggers);
  if (first === undefined) {
    const [strongest] = [...SIGNAL_NAMES].sort(
      (a, b) => snapshot.signals[b].score - snapshot.signals[a].score,
    ) as [SignalName];
    return `No strong signal in the last ${TRIGGER_WINDOW_DAYS} days; the strongest, ${strongest}, is at ${snapshot.signals[strongest].score}.`;
  }
  const more = triggers.length - 1;
  const rest =
    more === 0 ? '' : `, with ${more} more strong signal${more === 1 ? '' : 's'} in 30 days`;
  return `${when(first.ageDays)}: ${first.label} (${first.signal})${rest}.`;
}

/**
 * Where the account is in a purchase. `fresh` is the age in days of the freshest trigger
 * (Infinity without one).
 */
export function buyingStageOf(score: number, delta: number, fresh: number): BuyingStage {
  if (score >= 90 && fresh <= 7) return 'decision';
  if ((score >= 80 && fresh <= 14) || (score >= 70 && delta >= 8 && fresh <= 14)) {
    return 'active_evaluation';
  }
  if (score >= 60 || delta >= 8) return 'research';
  return 'awareness';
}

/** How soon to reach out. */
export function urgencyOf(band: Band, delta: number, fresh: number): Urgency {
  if (band === 'HOT' && fresh <= 7 && delta >= 0) return 'act_now';
  if (band === 'HOT' || (band === 'WARM' && delta >= 8 && fresh <= 14)) return 'this_week';
  if (band === 'WARM' || delta >= 8) return 'this_month';
  return 'monitor';
}

const BAND_FLOOR: Readonly<Record<Band, number | null>> = { HOT: 80, WARM: 60, COLD: null };

/** When the score falls out of its band with no new signal (unix ms), or null for COLD. */
export function decayDateOf(snapshot: Snapshot, at: number): number | null {
  const floor = BAND_FLOOR[snapshot.band];
  if (floor === null) return null;
  let newest = Number.NEGATIVE_INFINITY;
  for (const name of SIGNAL_NAMES) {
    for (const evidence of snapshot.signals[name].evidence) {
      newest = Math.max(newest, evidence.observedAt);
    }
  }
  const from = Number.isFinite(newest) ? Math.min(newest, at) : at;
  const falls = from + DECAY_HALF_LIFE_DAYS * DAY_MS * Math.log2(snapshot.score / floor);
  return nextMidnight(Math.max(falls, at));
}

const ASKS: Readonly<Record<BuyingStage, string>> = {
  decision: 'Who signs off, and what would it take to decide this quarter?',
  active_evaluation: 'Which options are on the shortlist, and what will decide between them?',
  research: 'What prompted the look, and what would a good outcome be?',
  awareness: 'Share one relevant benchmark, and ask what is on the roadmap this year.',
};

/**
 * 3 to 5 Markdown bullets for a first call: why now, up to two more triggers, the score's action,
 * and a question that fits the buying stage.
 */
export function talkTrackOf(snapshot: Snapshot, intelligence: Intelligence): string {
  const { triggers, whyNow, buyingStage } = intelligence;
  const first = freshest(triggers);
  const others = triggers.filter((trigger) => trigger !== first).slice(0, 2);
  return [
    `- **Why now:** ${whyNow}`,
    ...others.map((trigger) => `- **${SIGNAL_LABELS[trigger.signal]}:** ${trigger.label}`),
    `- **Lead with:** ${snapshot.action}`,
    `- **Ask:** ${ASKS[buyingStage]}`,
  ].join('\n');
}

const SUBJECTS: Readonly<Record<SignalName | 'none', (name: string) => string>> = {
  funding: (name) => `${name}'s new funding: a plan for the first 90 days`,
  hiring: (name) => `Ramping ${name}'s new hires faster`,
  news: (name) => `${name}'s latest news, and what it changes`,
  tech: (name) => `A question about ${name}'s stack changes`,
  web: (name) => `Quick question about ${name}'s evaluation`,
  none: (name) => `An idea for ${name} when the timing is right`,
};

/** The longest email subject. */
export const MAX_EMAIL_SUBJECT_LENGTH = 78;

/** A subject line keyed to the freshest trigger's signal, with the company's short name. */
export function emailSubjectOf(snapshot: Snapshot, intelligence: Intelligence): string {
  const subject = SUBJECTS[freshest(intelligence.triggers)?.signal ?? 'none'];
  const named = subject(snapshot.name);
  return named.length <= MAX_EMAIL_SUBJECT_LENGTH ? named : subject('your team');
}

/** Everything a score says beyond its number, for a snapshot computed at `at`. */
export function intelligenceOf(snapshot: Snapshot, at: number): Intelligence {
  const triggers = triggersOf(snapshot, at);
  const fresh = freshestAge(triggers);
  return {
    company: snapshot.company,
    buyingStage: buyingStageOf(snapshot.score, snapshot.delta30d, fresh),
    urgency: urgencyOf(snapshot.band, snapshot.delta30d, fresh),
    whyNow: whyNowOf(snapshot, triggers),
    triggers,
    decayDate: decayDateOf(snapshot, at),
  };
}
