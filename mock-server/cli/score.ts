/**
 * `iiq score <domain>`: one score, readable. With `IIQ_API_KEY` set it asks the API (or
 * `IIQ_BASE_URL`); without, a built-in mock in test mode answers, so it works right after install.
 */
import { IntentIQ } from '../../src/client.ts';
import { IntentIQError } from '../../src/core/errors.ts';
import { createMockApiCore } from '../mock-api.ts';
import { type ParsedArgs, UsageError } from './args.ts';
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
  const apiKey = io.env.IIQ_API_KEY?.trim();
  const live = apiKey !== undefined && apiKey !== '';
  let iiq: IntentIQ;
  if (live) {
    const baseUrl = io.env.IIQ_BASE_URL?.trim();
    iiq = new IntentIQ({ apiKey, logLevel: 'off', ...(baseUrl ? { baseUrl } : {}) });
  } else {
    const mock = createMockApiCore({ now: Date.now() });
    iiq = new IntentIQ({
      apiKey: mock.keys.test,
      fetch: mock.fetch,
      baseUrl: mock.baseUrl,
      logLevel: 'off',
    });
  }
  try {
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
  } catch (error) {
    // The SDK's messages already name the status, the code and the request ID.
    if (error instanceof IntentIQError) {
      io.err(`iiq: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
