/**
 * `iiq mock`: the reference mock server over HTTP, on a clock that follows the wall clock (so rate
 * windows slide and jobs finish by themselves), until Ctrl-C.
 */

import { parseInstant } from '../kernel/clock.ts';
import { createMockApiCore } from '../mock-api.ts';
import { isPlanName, PLANS } from '../tenancy/plans.ts';
import { flagValue, type ParsedArgs, UsageError } from './args.ts';
import type { CliIO } from './io.ts';

export const MOCK_FLAGS = {
  port: { value: true, short: 'p' },
  host: { value: true },
  plan: { value: true },
  seed: { value: true },
  now: { value: true },
  'allow-loopback-webhooks': { value: false },
} as const;

function portOf(value: string | true | undefined): number {
  if (value === undefined) return 4010;
  const port = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || port > 65_535) {
    throw new UsageError(`--port must be a number from 0 to 65535, got ${String(value)}`);
  }
  return port;
}

/** Starts the server; resolves with a function that stops it. */
export async function runMock(args: ParsedArgs, io: CliIO): Promise<() => Promise<void>> {
  const plan = flagValue(args.flags.plan, 'plan') ?? 'team';
  if (!isPlanName(plan)) throw new UsageError(`--plan must be starter, team or scale, got ${plan}`);
  const seed = flagValue(args.flags.seed, 'seed');
  const now = flagValue(args.flags.now, 'now');
  if (now !== undefined) {
    // The clock's own check: what it refuses is a usage error here, not a failed start.
    try {
      parseInstant(now);
    } catch (error) {
      throw new UsageError(`--now: ${(error as Error).message}`);
    }
  }
  const allowLoopbackWebhooks = args.flags['allow-loopback-webhooks'] === true;
  const mock = createMockApiCore({
    plan,
    realtime: true,
    now: now ?? Date.now(),
    allowLoopbackWebhooks,
    ...(seed === undefined ? {} : { seed }),
  });
  const port = portOf(args.flags.port);
  const host = flagValue(args.flags.host, 'host') ?? '127.0.0.1';
  let server: Awaited<ReturnType<typeof mock.listen>>;
  try {
    server = await mock.listen({ port, host });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE')
      throw new UsageError(`port ${port} is already in use; pass --port <n> (0 picks a free one)`);
    throw error;
  }
  const limits = PLANS[plan];
  io.out(`IntentIQ mock API listening on ${server.url}`);
  io.out(
    `Plan ${plan}: ${limits.credits.toLocaleString('en-US')} credits a month, ${limits.scorePerMinute} scores a minute.`,
  );
  io.out('');
  io.out('Keys (fake, valid on this mock only):');
  io.out(`  test  ${mock.keys.test}`);
  io.out(`  live  ${mock.keys.live}`);
  io.out('Read-only keys (GET only: for dashboards and reports):');
  io.out(`  test  ${mock.keys.read.test}`);
  io.out(`  live  ${mock.keys.read.live}`);
  io.out('');
  io.out('Point the SDK (or your app) at it:');
  io.out(`  export IIQ_BASE_URL=${server.url}`);
  io.out(`  export IIQ_API_KEY=${mock.keys.test}`);
  io.out('');
  io.out('Try it:');
  io.out(
    `  curl -s -X POST ${server.url}/score -H "Authorization: Bearer ${mock.keys.test}" -H "Content-Type: application/json" -d '{"domain":"stripe.com"}'`,
  );
  io.out('');
  if (allowLoopbackWebhooks) {
    io.out(
      'Webhooks: delivered to loopback URLs too (127.0.0.1, ::1, localhost), never to private ones.',
    );
  }
  io.out(`Controls (reset, clock, credits, keys, faults, events): ${server.origin}/__mock/inspect`);
  io.out('Press Ctrl-C to stop.');
  return () => server.close();
}
