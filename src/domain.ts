/**
 * Domain normalisation with the Public Suffix List (ICANN section, via tldts): the apex domain is
 * the canonical form of a company. `https://www.shop.example.co.uk:8443/path` -> `example.co.uk`.
 *
 * Kept in its own module because the PSL data is most of its weight: the client's resources load
 * it with a dynamic import the first time a domain is checked. The `normalizeDomain` export puts
 * it in the static graph too, so the build (`tsup.config.ts`) has tldts initialised on the first
 * check rather than at import: `normalizeDomain` stays synchronous and `import` stays cheap.
 */
import { parse } from 'tldts';

/** The result of checking a domain: the apex domain, or why the input is not one. */
export type DomainCheck = { ok: true; domain: string } | { ok: false; reason: string };

// RFC 2606 / RFC 6761 names reserved for tests and documentation. They are never registered, so
// they are safe for the mock server's magic domains; the live API answers them 422 unscorable.
const RESERVED_FOR_TESTING = new Set(['test', 'example']);

function hostnameOf(input: string): string | undefined {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(input) ? input : `http://${input}`;
  try {
    return new URL(withScheme).hostname;
  } catch {
    return undefined;
  }
}

/** A hostname as quoted in a reason: a long one is cut, so an error never echoes kilobytes back. */
function quoted(hostname: string): string {
  return hostname.length > 100
    ? `"${hostname.slice(0, 80)}…" (${hostname.length} characters)`
    : `"${hostname}"`;
}

// The answers for the inputs checked last: the same few domains come back again and again (a
// client scoring its accounts, a mock answering its tests), and the list lookup is most of a
// check's cost. Bounded; cleared when full. Answers are frozen, so a caller cannot change them.
const recentChecks = new Map<string, DomainCheck>();

/** Checks a domain or URL and returns its apex domain, or a reason it has none. Never throws. */
export function checkDomain(input: unknown): DomainCheck {
  if (typeof input !== 'string') return { ok: false, reason: 'must be a string' };
  let check = recentChecks.get(input);
  if (check === undefined) {
    check = Object.freeze(checkDomainText(input));
    if (input.length <= 256) {
      if (recentChecks.size >= 1_024) recentChecks.clear();
      recentChecks.set(input, check);
    }
  }
  return check;
}

function checkDomainText(input: string): DomainCheck {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, reason: 'must not be empty' };
  if (trimmed.length > 2048) return { ok: false, reason: 'must be at most 2048 characters' };
  const hostname = hostnameOf(trimmed)?.replace(/\.$/, '');
  if (!hostname?.includes('.')) {
    return { ok: false, reason: 'must be a domain name such as "stripe.com"' };
  }
  const parsed = parse(hostname);
  if (parsed.isIp) return { ok: false, reason: `must be a domain name, not an IP address` };
  if (parsed.publicSuffix && RESERVED_FOR_TESTING.has(parsed.publicSuffix) && parsed.domain) {
    return { ok: true, domain: parsed.domain };
  }
  if (!parsed.isIcann) {
    return { ok: false, reason: `${quoted(hostname)} does not end in a public top-level domain` };
  }
  if (!parsed.domain) {
    return { ok: false, reason: `${quoted(hostname)} is a public suffix, not a company's domain` };
  }
  return { ok: true, domain: parsed.domain };
}

/** The result of checking a list of domains: their apexes, or why each bad one has none. */
export type DomainsCheck =
  | { ok: true; domains: string[] }
  | { ok: false; issues: { field: string; message: string }[] };

/**
 * Checks a list of domains (`field` names the list, e.g. `domains`): the apex of each, in order,
 * de-duplicated by first occurrence unless `repeats` is `'keep'`, or every bad one by index
 * (`domains[3]`). Never throws.
 */
export function checkDomains(
  field: string,
  inputs: readonly unknown[],
  repeats: 'drop' | 'keep' = 'drop',
): DomainsCheck {
  const domains: string[] = [];
  const issues: { field: string; message: string }[] = [];
  inputs.forEach((input, index) => {
    const result = checkDomain(input);
    if (result.ok) domains.push(result.domain);
    else issues.push({ field: `${field}[${index}]`, message: result.reason });
  });
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, domains: repeats === 'keep' ? domains : [...new Set(domains)] };
}

/**
 * Returns the apex domain of a domain or URL, using the Public Suffix List.
 *
 * @example
 * normalizeDomain('https://www.stripe.com/atlas') // 'stripe.com'
 * normalizeDomain('shop.example.co.uk')           // 'example.co.uk'
 * @throws {TypeError} when the input has no apex domain (an IP address, `localhost`, `co.uk`, ...).
 */
export function normalizeDomain(input: string): string {
  const result = checkDomain(input);
  if (!result.ok) throw new TypeError(`domain ${result.reason}`);
  return result.domain;
}
