/**
 * The URL guard: whether a URL the API will call (a webhook endpoint, a `webhook_url`) is a public
 * http(s) URL, so that nobody can make the API send requests into a private network or to a cloud
 * metadata service (SSRF). Shared by the client, which refuses a bad URL before sending anything,
 * and by the reference mock, which answers `400` on the field.
 *
 * Addresses are classified with ipaddr.js, never with regular expressions, after the WHATWG URL
 * parser has put the host in its canonical form: `http://2130706433`, `http://0x7f.1` and
 * `http://0177.0.0.1` all reach this module as `127.0.0.1`, `[::ffff:127.0.0.1]` as an IPv6 address
 * whose embedded IPv4 address is checked in turn. Only host names are judged here: the API also
 * checks the address a name resolves to when it delivers; this module resolves nothing.
 *
 * Kept in its own module (with ipaddr.js) because the client loads it only when a call has a URL
 * to check, never at `import` time.
 */
import ipaddr from 'ipaddr.js';

/** Why a URL was refused. */
export type UrlRefusal =
  | 'malformed'
  | 'scheme'
  | 'credentials'
  | 'loopback'
  | 'unspecified'
  | 'private'
  | 'link_local'
  | 'metadata'
  | 'shared'
  | 'unique_local'
  | 'multicast'
  | 'broadcast'
  | 'reserved'
  | 'private_name';

/** The verdict on a URL: public, or why not, in words to read after the field's name. */
export type UrlCheck = { ok: true } | { ok: false; refusal: UrlRefusal; reason: string };

/** What the guard lets through besides public hosts. */
export interface UrlGuardOptions {
  /**
   * Accept loopback hosts (127.0.0.0/8, `::1`, `localhost`, `*.localhost`): only the reference mock
   * does, when asked to. Never `0.0.0.0`, never a private range.
   */
  allowLoopback?: boolean;
}

const REASONS: Readonly<Record<UrlRefusal, string>> = {
  malformed: 'must be an http or https URL',
  scheme: 'must be an http or https URL: the API delivers webhooks over HTTP(S) only',
  credentials:
    'must not contain a user name or password (user:pass@): deliveries are signed with the endpoint secret instead',
  loopback:
    'must not point at a loopback address (127.0.0.0/8, ::1, localhost): the API delivers only to public hosts',
  unspecified:
    'must not point at the unspecified address (0.0.0.0 or ::): the API delivers only to public hosts',
  private:
    'must not point at a private network address (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16): the API delivers only to public hosts',
  link_local:
    'must not point at a link-local address (169.254.0.0/16, fe80::/10), where cloud metadata services answer',
  metadata: 'must not point at a cloud metadata service',
  shared:
    'must not point at a shared address space (100.64.0.0/10, carrier-grade NAT): the API delivers only to public hosts',
  unique_local:
    'must not point at a unique local IPv6 address (fc00::/7): the API delivers only to public hosts',
  multicast: 'must not point at a multicast address (224.0.0.0/4, ff00::/8)',
  broadcast: 'must not point at the broadcast address (255.255.255.255)',
  reserved:
    'must not point at a reserved or special-purpose address: the API delivers only to public hosts',
  private_name:
    'must name a public host: a single-label name or a name under .local, .internal, .localdomain or .home.arpa only resolves inside a private network',
};

// ipaddr.js range names for IPv4 and IPv6, as refusals. Anything else that is not `unicast` (6to4,
// Teredo, NAT64, benchmarking, documentation, ...) is a reserved or special-purpose range.
const RANGES: Readonly<Record<string, UrlRefusal>> = {
  loopback: 'loopback',
  unspecified: 'unspecified',
  private: 'private',
  linkLocal: 'link_local',
  carrierGradeNat: 'shared',
  uniqueLocal: 'unique_local',
  multicast: 'multicast',
  broadcast: 'broadcast',
};

/** Host names of cloud metadata services that are not IP addresses. */
const METADATA_HOSTS = new Set(['metadata.google.internal', 'metadata.goog', 'instance-data']);
/** Suffixes that only resolve inside a private network (RFC 6762, RFC 8375, ICANN's `.internal`). */
const PRIVATE_SUFFIXES = ['.local', '.internal', '.localdomain', '.home.arpa'];

function refused(refusal: UrlRefusal): UrlCheck {
  return { ok: false, refusal, reason: REASONS[refusal] };
}

function classifyAddress(address: ipaddr.IPv4 | ipaddr.IPv6): UrlRefusal | undefined {
  if (address.kind() === 'ipv6') {
    const v6 = address as ipaddr.IPv6;
    // An IPv4-mapped address (::ffff:127.0.0.1) reaches the IPv4 address it embeds.
    if (v6.isIPv4MappedAddress()) return classifyAddress(v6.toIPv4Address());
    // ::/96 (IPv4-compatible, deprecated) embeds an IPv4 address too; ipaddr.js calls it unicast.
    if (v6.range() === 'unicast' && v6.parts.slice(0, 6).every((part) => part === 0)) {
      return 'reserved';
    }
  }
  const range = address.range();
  if (range === 'unicast') return undefined;
  if (address.kind() === 'ipv4' && (address as ipaddr.IPv4).octets.join('.') === '169.254.169.254')
    return 'metadata';
  return RANGES[range] ?? 'reserved';
}

function classifyName(host: string): UrlRefusal | undefined {
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback';
  if (METADATA_HOSTS.has(host)) return 'metadata';
  if (!host.includes('.')) return 'private_name';
  if (PRIVATE_SUFFIXES.some((suffix) => host.endsWith(suffix))) return 'private_name';
  return undefined;
}

/**
 * Checks a URL the API will call. Never throws; the reason never repeats the URL (it may hold
 * credentials).
 *
 * @example
 * checkCallbackUrl('https://example.com/webhooks'); // { ok: true }
 * checkCallbackUrl('http://169.254.169.254/latest/meta-data/'); // { ok: false, refusal: 'metadata', ... }
 */
export function checkCallbackUrl(input: unknown, options: UrlGuardOptions = {}): UrlCheck {
  if (typeof input !== 'string') return refused('malformed');
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return refused('malformed');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return refused('scheme');
  if (url.username !== '' || url.password !== '') return refused('credentials');
  // A trailing dot names the same host (`localhost.`, `metadata.google.internal.`); so do more of
  // them to a resolver that drops empty labels (`localhost..`).
  const host = url.hostname.replace(/\.+$/, '').toLowerCase();
  if (host === '') return refused('malformed');
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  const refusal = ipaddr.isValid(bare) ? classifyAddress(ipaddr.parse(bare)) : classifyName(host);
  if (refusal === undefined || (refusal === 'loopback' && options.allowLoopback === true)) {
    return { ok: true };
  }
  return refused(refusal);
}
