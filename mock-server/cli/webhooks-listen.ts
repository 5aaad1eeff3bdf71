/**
 * `iiq webhooks listen --forward-to URL`: webhooks for local development, with no tunnel. It polls
 * `GET /v1/events` (of a running `iiq mock`, or of the API itself) and POSTs every new event to a
 * local receiver, signed like a real delivery with a secret made up at start, one line per delivery.
 */
import { IntentIQ } from '../../src/client.ts';
import { AuthenticationError } from '../../src/core/errors.ts';
import { sleep } from '../../src/core/sleep.ts';
import type { Event } from '../../src/resources/events.ts';
import { EVENT_TYPES } from '../../src/schemas/event-types.ts';
import { parseDuration } from '../kernel/clock.ts';
import { DEFAULT_BASE_URL } from '../mock-api.ts';
import { flagValue, type ParsedArgs, UsageError } from './args.ts';
import type { CliIO } from './io.ts';
import { createForwarder, signingSecret } from './webhooks-forward.ts';

export const LISTEN_FLAGS = {
  'forward-to': { value: true, short: 'f' },
  events: { value: true },
  'base-url': { value: true },
  'api-key': { value: true },
  interval: { value: true },
} as const;

/** Where `iiq mock` listens by default. */
const LOCAL_MOCK_URL = 'http://127.0.0.1:4010/v1';
/** Event IDs remembered to tell new events from old ones. */
const MAX_SEEN = 5_000;
/** At most this many events are forwarded per poll (the newest, should more arrive at once). */
const MAX_PER_POLL = 1_000;

/** A flag's value, trimmed; an empty one is as if it were not given. */
function text(value: string | true | undefined, name: string): string | undefined {
  const trimmed = flagValue(value, name)?.trim();
  return trimmed === '' ? undefined : trimmed;
}

function httpUrl(value: string, name: string): string {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new UsageError(`--${name} must be an http(s) URL, got ${value}`);
  }
  return url.href;
}

function forwardUrl(value: string | undefined): string {
  if (value === undefined) {
    throw new UsageError(
      'iiq webhooks listen needs --forward-to, e.g. --forward-to http://localhost:3000/webhooks',
    );
  }
  return httpUrl(value, 'forward-to');
}

function eventFilter(value: string | undefined): ReadonlySet<string> | undefined {
  if (value === undefined) return undefined;
  const types = value.split(',').map((type) => type.trim());
  const known: readonly string[] = EVENT_TYPES;
  const unknown = types.filter((type) => !known.includes(type));
  if (unknown.length > 0 || types.length === 0) {
    throw new UsageError(
      `--events takes event types separated by commas (${EVENT_TYPES.join(', ')}); unknown: ${unknown.join(', ')}`,
    );
  }
  return new Set(types);
}

function intervalMs(value: string | undefined): number {
  if (value === undefined) return 1_000;
  try {
    const ms = parseDuration(/^\d+$/.test(value) ? Number(value) : value);
    if (ms >= 100) return ms;
  } catch {}
  throw new UsageError(
    `--interval must be a duration of at least 100 ms, e.g. 1s or 500, got ${value}`,
  );
}

/** The live key of a local `iiq mock`, lent by its `/__mock/keys` control. */
async function mockLiveKey(baseUrl: string): Promise<string | undefined> {
  try {
    const response = await fetch(`${new URL(baseUrl).origin}/__mock/keys`, {
      signal: AbortSignal.timeout(3_000),
    });
    const body = (await response.json()) as { live?: unknown };
    return response.ok && typeof body.live === 'string' ? body.live : undefined;
  } catch {
    return undefined;
  }
}

/** `iiq_live_…a1B2`: enough to tell keys apart, never the key. */
function maskedKey(key: string): string {
  return `${key.slice(0, key.indexOf('_', 4) + 1)}…${key.slice(-4)}`;
}

interface Source {
  iiq: IntentIQ;
  baseUrl: string;
  key: string;
}

async function source(args: ParsedArgs, io: CliIO): Promise<Source> {
  const given = text(args.flags['api-key'], 'api-key') ?? io.env.IIQ_API_KEY?.trim();
  const key = given === '' ? undefined : given;
  const baseUrl = httpUrl(
    text(args.flags['base-url'], 'base-url') ??
      (io.env.IIQ_BASE_URL?.trim() || undefined) ??
      (key === undefined ? LOCAL_MOCK_URL : DEFAULT_BASE_URL),
    'base-url',
  );
  const apiKey = key ?? (await mockLiveKey(baseUrl));
  if (apiKey === undefined) {
    throw new UsageError(
      `no API key: set IIQ_API_KEY or pass --api-key (no iiq mock answered at ${new URL(baseUrl).origin} to lend its live key)`,
    );
  }
  const iiq = new IntentIQ({ apiKey, baseUrl, logLevel: 'off', maxRetries: 1, timeout: 10_000 });
  return { iiq, baseUrl: iiq.baseUrl, key: apiKey };
}

/** Events newer than the ones seen, oldest first; marks them seen. */
async function newEvents(iiq: IntentIQ, seen: Set<string>, signal: AbortSignal): Promise<Event[]> {
  const fresh: Event[] = [];
  for await (const event of iiq.events.list({ limit: 100 }, { signal })) {
    if (seen.has(event.id) || fresh.length >= MAX_PER_POLL) break;
    fresh.push(event);
  }
  for (const event of fresh) seen.add(event.id);
  for (const id of seen) {
    if (seen.size <= MAX_SEEN) break;
    seen.delete(id);
  }
  return fresh.reverse();
}

function problem(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs until `signal` aborts (Ctrl-C); resolves with the exit code. */
export async function runListen(args: ParsedArgs, io: CliIO, signal: AbortSignal): Promise<number> {
  if (args.positionals.length > 0) {
    throw new UsageError(
      `iiq webhooks listen takes no arguments, got ${args.positionals.join(' ')}`,
    );
  }
  const target = forwardUrl(text(args.flags['forward-to'], 'forward-to'));
  const only = eventFilter(text(args.flags.events, 'events'));
  const interval = intervalMs(text(args.flags.interval, 'interval'));
  const { iiq, baseUrl, key } = await source(args, io);
  const seen = new Set((await iiq.events.list({ limit: 100 })).data.map((event) => event.id));
  const secret = signingSecret();
  const forward = createForwarder(target, secret);

  io.out(
    `Listening for ${only === undefined ? 'all events' : [...only].join(', ')} at ${baseUrl} (key ${maskedKey(key)}),`,
  );
  io.out(`forwarding them to ${target}.`);
  io.out(`Webhook signing secret: ${secret}`);
  io.out(
    `Put it in your receiver's config, e.g. IIQ_WEBHOOK_SECRET=${secret} (a new one each time this starts).`,
  );
  io.out('Press Ctrl-C to stop.');

  let failing = false;
  while (!signal.aborted) {
    // The wait rejects only when Ctrl-C aborts it: then the loop ends.
    await sleep(interval, signal).catch(() => {});
    if (signal.aborted) break;
    let fresh: Event[];
    try {
      fresh = await newEvents(iiq, seen, signal);
    } catch (error) {
      if (signal.aborted) break;
      if (error instanceof AuthenticationError) throw error; // a revoked key never comes back
      if (!failing) io.err(`iiq: cannot list events at ${baseUrl} (${problem(error)}); retrying.`);
      failing = true;
      continue;
    }
    if (failing) io.err(`iiq: reached ${baseUrl} again.`);
    failing = false;
    for (const event of fresh) {
      if (only !== undefined && !only.has(event.type)) continue;
      io.out(await forward(event));
    }
  }
  io.out('Stopped.');
  return 0;
}
