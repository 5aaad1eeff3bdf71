/**
 * `iiq score <domain>`: one score, readable. With `IIQ_API_KEY` set it asks the API (or
 * `IIQ_BASE_URL`); without, a built-in mock in test mode answers, so it works right after install.
 */
import { type ParsedArgs, UsageError } from './args.ts';
import { exitOnApiError, liveClient, mockClient } from './client.ts';
import { formatScore } from './format.ts';
import type { CliIO } from './io.ts';

export const SCORE_FLAGS = { json: { value: false } } as const;

/** Scores the domain; resolves with the process exit code. */
export async function runScore(args: ParsedArgs, io: CliIO): Promise<number> {
  const [domain, ...rest] = args.positionals;
  if (domain === undefined)
    throw new UsageError('iiq score needs a domain, e.g. iiq score stripe.com');
  if (rest.length > 0)
    throw new UsageError(`iiq score takes one domain, got ${args.positionals.length}`);
  const found = liveClient(io);
  const live = found !== undefined;
  const iiq = found ?? mockClient().iiq;
  return exitOnApiError(io, async () => {
    const score = await iiq.scores.create({ domain });
    if (args.flags.json === true) {
      io.out(JSON.stringify(score, null, 2));
      return 0;
    }
    for (const line of formatScore(score)) io.out(line);
    if (!live) {
      io.out('');
      io.out(
        '  Test mode: answered by the built-in mock. Set IIQ_API_KEY to score with the live API.',
      );
    }
    return 0;
  });
}
