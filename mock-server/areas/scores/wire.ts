/**
 * How scores look on the wire: the Score object with its expansions, a pending score, and the
 * Person object (also part of the `people` expansion).
 */
import type { components } from '../../../src/generated/openapi.ts';
import { DAY_MS, isoDate, isoSeconds } from '../../kernel/clock.ts';
import { stableId } from '../../kernel/ids.ts';
import {
  emailSubjectOf,
  type Intelligence,
  intelligenceOf,
  talkTrackOf,
} from '../../world/intelligence.ts';
import { SIGNAL_NAMES } from '../../world/scoring-model.ts';
import type { PersonProfile, Snapshot } from '../../world/snapshots.ts';
import type { PendingRecord, ScoreRecord } from './records.ts';

type Schemas = components['schemas'];
export type WireScore = Schemas['Score'];
export type WirePendingScore = Schemas['PendingScore'];
export type WirePerson = Schemas['Person'];
export type ScoreInclude = Schemas['ScoreInclude'];

/** The account intelligence fields a Score and a watchlist account share. */
export type WireIntelligence = Pick<
  WireScore,
  'company' | 'buying_stage' | 'urgency' | 'why_now' | 'key_triggers' | 'decay_date'
>;

/** The account intelligence fields of a score, or their empty form when there is no score. */
export function renderIntelligence(intelligence: Intelligence | null): WireIntelligence {
  if (intelligence === null) {
    return {
      company: null,
      buying_stage: null,
      urgency: null,
      why_now: null,
      key_triggers: [],
      decay_date: null,
    };
  }
  return {
    company: intelligence.company,
    buying_stage: intelligence.buyingStage,
    urgency: intelligence.urgency,
    why_now: intelligence.whyNow,
    key_triggers: intelligence.triggers.map((trigger) => trigger.label),
    decay_date: intelligence.decayDate === null ? null : isoSeconds(intelligence.decayDate),
  };
}

/** The intelligence of a stored score (derived from its snapshot at the time it was computed). */
export function intelligenceOfRecord(record: ScoreRecord): Intelligence {
  // A record's snapshot is derived for its own computedAt, so one snapshot has one intelligence:
  // kept beside it, and forgotten with it (snapshots are reused from a small cache).
  const snapshot = record.snapshot;
  let intelligence = derivedIntelligence.get(snapshot);
  if (intelligence === undefined) {
    intelligence = intelligenceOf(snapshot, record.computedAt);
    derivedIntelligence.set(snapshot, intelligence);
  }
  return intelligence;
}

const derivedIntelligence = new WeakMap<Snapshot, Intelligence>();

export function renderPending(pending: PendingRecord): WirePendingScore {
  return {
    id: pending.id,
    domain: pending.domain,
    status: 'pending',
    created_at: isoSeconds(pending.createdAt),
  };
}

/** A person of a snapshot, as the API shows them. */
export function renderPerson(
  person: PersonProfile,
  company: string,
  intentScore: number,
  resolvedAt: number,
): WirePerson {
  return {
    id: stableId('prs', person.email.toLowerCase()),
    name: person.name,
    email: person.email,
    title: person.title,
    company,
    intent_score: intentScore,
    seniority: person.seniority,
    linkedin_url: person.linkedin_url,
    resolved_at: isoSeconds(resolvedAt),
  };
}

function renderSignals(snapshot: Snapshot, evidence: boolean): WireScore['signals'] {
  const signals = {} as WireScore['signals'];
  for (const name of SIGNAL_NAMES) {
    const signal = snapshot.signals[name];
    signals[name] = evidence
      ? {
          score: signal.score,
          evidence: signal.evidence.map((item) => ({
            kind: item.kind,
            title: item.title,
            url: item.url,
            observed_at: isoSeconds(item.observedAt),
          })),
          source: signal.source,
          fetched_at: isoSeconds(signal.fetchedAt),
        }
      : signal.score;
  }
  return signals;
}

/** A score as the API shows it, with the requested expansions. */
export function renderScore(
  record: ScoreRecord,
  options: { cached?: boolean; include?: readonly ScoreInclude[] } = {},
): WireScore {
  const { snapshot, computedAt } = record;
  const include = options.include ?? [];
  const intelligence = intelligenceOfRecord(record);
  const score: WireScore = {
    id: record.id,
    domain: record.domain,
    score: snapshot.score,
    band: snapshot.band,
    delta_30d: snapshot.delta30d,
    signals: renderSignals(snapshot, include.includes('signals.evidence')),
    action: snapshot.action,
    summary: snapshot.summary,
    cached: options.cached ?? false,
    computed_at: isoSeconds(computedAt),
    ...renderIntelligence(intelligence),
  };
  if (include.includes('talk_track')) score.talk_track = talkTrackOf(snapshot, intelligence);
  if (include.includes('email_subject')) {
    score.email_subject = emailSubjectOf(snapshot, intelligence);
  }
  if (include.includes('history')) {
    score.history = snapshot.history.map((value, i) => ({
      date: isoDate(computedAt - (29 - i) * DAY_MS),
      score: value,
    }));
  }
  if (include.includes('people')) {
    score.people = snapshot.people.map((person) =>
      renderPerson(person, record.domain, snapshot.score, computedAt),
    );
  }
  return score;
}
