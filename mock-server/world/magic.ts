/**
 * Magic values: domains and emails that drive every error and timing path of the API, so that a
 * test can reach each one on purpose. They use the reserved `.test` top-level domain (RFC 2606),
 * which no real company can own. `docs/mock-server.md` has the table users read.
 */

/** Domains with a scripted behaviour in `POST /score`, bulk jobs, watchlists and people emails. */
export const MAGIC_DOMAINS = {
  /** `422 unscorable_domain` (`score: null`, `band: null`); listed in a bulk job's `unscorable`. */
  unscorable: 'unscorable.test',
  /** `403 restricted_use`; `restricted_use` in a bulk job's `unscorable`. */
  restricted: 'restricted.test',
  /** A cold miss takes 5 virtual seconds: `202` with a pending score when `webhook_url` is given. */
  slow: 'slow.test',
  /** Always `429 rate_limited` with `Retry-After: 1`. */
  rateLimited: 'rate-limited.test',
  /** `500 internal_error` on the first request, then succeeds (once per mode; `reset()` re-arms it). */
  flaky: 'flaky.test',
  /** WARM (70) when first scored, 3 points a day higher: HOT (82) from day 4, 88 from day 6. */
  rising: 'rising.test',
  /** HOT (88) when first scored, 3 points a day lower: WARM (79) from day 3, 64 from day 8. */
  cooling: 'cooling.test',
  /** Its `hiring` signal jumps 45 points 2 days after it is first scored: `signal.spike`. */
  spike: 'spike.test',
} as const;

/** Emails and LinkedIn URLs with a scripted behaviour in `POST /people/score`. */
export const MAGIC_EMAILS = {
  /** Any address at a free-mail provider: `422 unresolvable_person` (field `email`). */
  freeMail: 'someone@gmail.com',
  /** Any address at `restricted.test`: `403 restricted_use`. */
  restricted: 'restricted@restricted.test',
  /** Any address at `unresolvable.test` (or at an unscorable domain): `422 unresolvable_person`. */
  unresolvable: 'nobody@unresolvable.test',
  /** A LinkedIn URL without `/in/`: `422 unresolvable_person` (field `linkedin_url`). */
  notAProfile: 'https://www.linkedin.com/company/example',
} as const;

/** Interest domains with a scripted behaviour in `POST /intent/searches`. */
export const MAGIC_INTEREST_DOMAINS = {
  /** The search fails with `error.code` `no_interest_signal` once processed; nothing is charged. */
  fails: 'search-fails.test',
  /** The search completes with nobody found (`total_results: 0`); nothing is charged. */
  empty: 'search-empty.test',
  /** Processing takes 10 virtual minutes (`SLOW_SEARCH_MS`) instead of seconds. */
  slow: 'search-slow.test',
} as const;

/** How long `search-slow.test` processes, in virtual milliseconds. */
export const SLOW_SEARCH_MS = 10 * 60_000;

/** How long a slow cold miss takes, in virtual milliseconds. */
export const SLOW_SCORE_MS = 5_000;

/** The seconds `rate-limited.test` asks a client to wait. */
export const RATE_LIMITED_RETRY_AFTER = 1;

/** Domains that resolve but have nothing to score (the last one is `openapi.yaml`'s example). */
export const UNSCORABLE_DOMAINS: ReadonlySet<string> = new Set([
  MAGIC_DOMAINS.unscorable,
  'parked-domain.example',
]);

/** People at these domains cannot be resolved. */
export const UNRESOLVABLE_PERSON_DOMAINS: ReadonlySet<string> = new Set([
  'unresolvable.test',
  ...UNSCORABLE_DOMAINS,
]);

/** Free-mail providers: an address there says nothing about a company. */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'ymail.com',
  'hotmail.com',
  'outlook.com',
  'live.com',
  'msn.com',
  'aol.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  'mail.com',
  'zoho.com',
  'yandex.com',
  'yandex.ru',
  'mail.ru',
  'qq.com',
  '163.com',
  'fastmail.com',
  'hey.com',
  'tutanota.com',
]);

export type MagicBehaviour =
  | 'unscorable'
  | 'restricted'
  | 'slow'
  | 'rate_limited'
  | 'flaky'
  | 'rising'
  | 'cooling'
  | 'spike';

const BEHAVIOURS: ReadonlyMap<string, MagicBehaviour> = new Map([
  ...[...UNSCORABLE_DOMAINS].map((domain) => [domain, 'unscorable'] as const),
  [MAGIC_DOMAINS.restricted, 'restricted'],
  [MAGIC_DOMAINS.slow, 'slow'],
  [MAGIC_DOMAINS.rateLimited, 'rate_limited'],
  [MAGIC_DOMAINS.flaky, 'flaky'],
  [MAGIC_DOMAINS.rising, 'rising'],
  [MAGIC_DOMAINS.cooling, 'cooling'],
  [MAGIC_DOMAINS.spike, 'spike'],
]);

/** The scripted behaviour of an apex domain, if it has one. */
export function magicBehaviour(domain: string): MagicBehaviour | undefined {
  return BEHAVIOURS.get(domain);
}

/** Whether a domain has anything to score: the unscorable and restricted magic domains have not. */
export function isScorable(domain: string): boolean {
  const behaviour = magicBehaviour(domain);
  return behaviour !== 'unscorable' && behaviour !== 'restricted';
}
