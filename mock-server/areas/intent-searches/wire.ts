/** How intent searches and the people they found look on the wire. */
import { DAY_MS, isoDate, isoSeconds } from '../../kernel/clock.ts';
import type { JobFailure } from '../../kernel/jobs.ts';
import { type RankedPerson, scoreReason } from './ranking.ts';
import type { IntentSearchRecord, WireIntentPerson, WireIntentSearch } from './records.ts';

type WireError = NonNullable<WireIntentSearch['error']>;
const ERROR_CODES: readonly string[] = ['no_interest_signal', 'insufficient_credits'];

function renderError(failure: JobFailure | null): WireIntentSearch['error'] {
  if (failure === null) return null;
  // Searches fail only with the codes openapi.yaml lists; anything else is the mock's own bug.
  const code = ERROR_CODES.includes(failure.code) ? failure.code : 'no_interest_signal';
  return { code: code as WireError['code'], message: failure.message };
}

export function renderSearch(search: IntentSearchRecord): WireIntentSearch {
  const { job } = search;
  const completed = job.status === 'completed';
  return {
    id: search.id,
    status: job.status,
    interest_domain: search.interestDomain,
    icp_domain: search.icpDomain,
    max_results: search.maxResults,
    lite: search.lite,
    tag: search.tag,
    webhook_url: search.webhookUrl,
    created_at: isoSeconds(job.createdAt),
    started_at: job.startedAt === null ? null : isoSeconds(job.startedAt),
    completed_at: job.completedAt === null ? null : isoSeconds(job.completedAt),
    total_results: completed ? search.found : null,
    credits_charged: completed ? search.creditsCharged : 0,
    error: renderError(job.failure),
  };
}

/** A person the search found; their latest interest signal is dated from the search's completion. */
export function renderPerson(search: IntentSearchRecord, person: RankedPerson): WireIntentPerson {
  const { prospect } = person;
  const completedAt = search.job.completedAt ?? search.job.createdAt;
  return {
    rank: person.rank,
    score: person.score,
    score_reason: scoreReason(person, search.icpDomain),
    name: prospect.profile.name,
    title: prospect.profile.title,
    seniority: prospect.profile.seniority,
    company: prospect.company.domain,
    company_name: prospect.company.name,
    location: prospect.location,
    linkedin_url: prospect.profile.linkedin_url,
    latest_interest_date: isoDate(completedAt - person.daysAgo * DAY_MS),
    signal_count: person.signalCount,
    person_id: prospect.personId,
  };
}
