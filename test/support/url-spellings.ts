/**
 * The URLs an attacker would try to make the API call into a private network or a cloud metadata
 * service, in every spelling the URL guard must see through, with the refusal each one gets. Shared
 * by the tests of the guard itself, of the mock (400 on the field, nothing stored) and of the SDK
 * (ValidationError, nothing sent).
 */
import type { UrlRefusal } from '../../src/url-guard.ts';

export interface Spelling {
  /** What the spelling is, for the test's name. */
  what: string;
  url: string;
  refusal: UrlRefusal;
}

export const REFUSED: readonly Spelling[] = [
  // Loopback, however it is written.
  { what: 'IPv4 loopback', url: 'http://127.0.0.1:8080/hooks', refusal: 'loopback' },
  { what: 'IPv4 in decimal', url: 'http://2130706433/hooks', refusal: 'loopback' },
  { what: 'IPv4 in hex, dotted', url: 'http://0x7f.1/hooks', refusal: 'loopback' },
  { what: 'IPv4 in hex, one number', url: 'http://0x7f000001/hooks', refusal: 'loopback' },
  { what: 'IPv4 in octal', url: 'http://0177.0.0.1/hooks', refusal: 'loopback' },
  { what: 'IPv4 shortened', url: 'http://127.1/hooks', refusal: 'loopback' },
  { what: 'the rest of 127.0.0.0/8', url: 'http://127.200.3.4/hooks', refusal: 'loopback' },
  { what: 'IPv6 loopback', url: 'http://[::1]:3000/hooks', refusal: 'loopback' },
  { what: 'IPv4-mapped IPv6', url: 'http://[::ffff:127.0.0.1]/hooks', refusal: 'loopback' },
  { what: 'localhost', url: 'http://localhost:3000/hooks', refusal: 'loopback' },
  { what: 'localhost in capitals', url: 'http://LOCALHOST/hooks', refusal: 'loopback' },
  { what: '*.localhost', url: 'http://hooks.localhost/hooks', refusal: 'loopback' },
  { what: 'localhost with a trailing dot', url: 'http://localhost./hooks', refusal: 'loopback' },
  { what: 'an IPv4 address with a trailing dot', url: 'http://127.0.0.1./x', refusal: 'loopback' },
  {
    what: 'localhost with two trailing dots',
    url: 'http://localhost../hooks',
    refusal: 'loopback',
  },
  {
    what: 'an IPv4 address with two trailing dots',
    url: 'http://127.0.0.1../x',
    refusal: 'loopback',
  },
  // Cloud metadata services.
  {
    what: 'the metadata address 169.254.169.254',
    url: 'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
    refusal: 'metadata',
  },
  { what: '169.254.169.254 in decimal', url: 'http://2852039166/latest/', refusal: 'metadata' },
  {
    what: '169.254.169.254 as IPv4-mapped IPv6',
    url: 'http://[::ffff:169.254.169.254]/latest/',
    refusal: 'metadata',
  },
  {
    what: 'metadata.google.internal',
    url: 'http://metadata.google.internal/computeMetadata/v1/',
    refusal: 'metadata',
  },
  {
    what: 'metadata.google.internal with a trailing dot',
    url: 'http://metadata.google.internal./computeMetadata/v1/',
    refusal: 'metadata',
  },
  {
    what: 'metadata.google.internal with two trailing dots',
    url: 'http://metadata.google.internal../computeMetadata/v1/',
    refusal: 'metadata',
  },
  // Private, shared and local ranges.
  { what: '10.0.0.0/8', url: 'http://10.0.0.1/hooks', refusal: 'private' },
  { what: '172.16.0.0/12', url: 'http://172.16.5.4/hooks', refusal: 'private' },
  { what: 'the top of 172.16.0.0/12', url: 'http://172.31.255.255/hooks', refusal: 'private' },
  { what: '192.168.0.0/16', url: 'http://192.168.1.1/hooks', refusal: 'private' },
  {
    what: 'a private address as IPv4-mapped IPv6',
    url: 'http://[::ffff:a00:1]/',
    refusal: 'private',
  },
  { what: 'CGNAT 100.64.0.0/10', url: 'http://100.64.0.1/hooks', refusal: 'shared' },
  { what: 'IPv4 link-local', url: 'http://169.254.1.1/hooks', refusal: 'link_local' },
  { what: 'IPv6 link-local fe80::1', url: 'http://[fe80::1]/hooks', refusal: 'link_local' },
  { what: 'IPv6 unique-local fd00::/8', url: 'http://[fd00::1]/hooks', refusal: 'unique_local' },
  { what: 'IPv6 unique-local fc00::/8', url: 'http://[fc00::1]/hooks', refusal: 'unique_local' },
  { what: 'IPv4 multicast', url: 'http://224.0.0.1/hooks', refusal: 'multicast' },
  { what: 'IPv6 multicast', url: 'http://[ff02::1]/hooks', refusal: 'multicast' },
  {
    what: 'the unspecified address 0.0.0.0',
    url: 'http://0.0.0.0:8080/hooks',
    refusal: 'unspecified',
  },
  { what: '0.0.0.0 written as 0', url: 'http://0/hooks', refusal: 'unspecified' },
  { what: 'the IPv6 unspecified address', url: 'http://[::]/hooks', refusal: 'unspecified' },
  { what: 'the broadcast address', url: 'http://255.255.255.255/hooks', refusal: 'broadcast' },
  { what: 'reserved 240.0.0.0/4', url: 'http://240.0.0.1/hooks', refusal: 'reserved' },
  { what: 'NAT64 of a loopback address', url: 'http://[64:ff9b::7f00:1]/', refusal: 'reserved' },
  { what: 'IPv4-compatible IPv6', url: 'http://[::127.0.0.1]/hooks', refusal: 'reserved' },
  // Names that only resolve inside a private network.
  { what: 'a single-label host', url: 'http://intranet/hooks', refusal: 'private_name' },
  { what: 'a .internal host', url: 'https://billing.internal/hooks', refusal: 'private_name' },
  { what: 'a .local host', url: 'http://printer.local/hooks', refusal: 'private_name' },
  // Credentials and schemes.
  {
    what: 'credentials in the URL',
    url: 'https://user:secret@example.com/hooks',
    refusal: 'credentials',
  },
  { what: 'a user name in the URL', url: 'https://user@example.com/hooks', refusal: 'credentials' },
  { what: 'an ftp URL', url: 'ftp://example.com/hooks', refusal: 'scheme' },
  { what: 'a file URL', url: 'file:///etc/passwd', refusal: 'scheme' },
  { what: 'a gopher URL', url: 'gopher://example.com:70/_hooks', refusal: 'scheme' },
];

/** Public URLs, which the guard lets through. */
export const ACCEPTED: readonly string[] = [
  'https://example.com/webhooks/intentiq',
  'http://hooks.example.com:8080/intentiq?source=iiq',
  'https://8.8.8.8/hooks',
  'https://[2606:4700:4700::1111]/hooks',
  'https://xn--bcher-kva.example/hooks',
  'https://example.com./hooks',
];

/** The loopback spellings: the only ones `allowLoopbackWebhooks` lets through. */
export const LOOPBACK = REFUSED.filter((spelling) => spelling.refusal === 'loopback');
