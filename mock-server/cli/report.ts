/**
 * `iiq report [--period 2026-Q2] [--json]`: the pipeline report of a quarter, readable. With
 * `IIQ_API_KEY` set it asks the API (or `IIQ_BASE_URL`); without, a built-in mock in test mode
 * answers with a demo workspace that has two quarters of scores and outcomes.
 */
import { type ParsedArgs, UsageError } from './args.ts';
import { exitOnApiError, liveClient } from './client.ts';
import type { CliIO } from './io.ts';
import { demoClient } from './report-demo.ts';
import { formatReport } from './report-format.ts';

export const REPORT_FLAGS = { period: { value: true }, json: { value: false } } as const;

/** Whether to colour the output: on a terminal, unless NO_COLOR is set; always with FORCE_COLOR. */
export function wantsColor(io: CliIO): boolean {
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0') return true;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return io.isTTY === true;
}

/** Prints the report; resolves with the process exit code. */
export async function runReport(args: ParsedArgs, io: CliIO): Promise<number> {
  if (args.positionals.length > 0) {
    throw new UsageError(`iiq report takes no arguments, got ${args.positionals.join(' ')}`);
  }
  const period = args.flags.period;
  if (period === true) throw new UsageError('--period needs a value, e.g. --period 2026-Q2');
  if (period !== undefined && !/^\d{4}-Q[1-4]$/.test(period)) {
    throw new UsageError(`--period must be a quarter such as 2026-Q2, got ${period}`);
  }
  const found = liveClient(io);
  const live = found !== undefined;
  const iiq = found ?? (await demoClient(Date.now()));
  return exitOnApiError(io, async () => {
    const report = await iiq.reports.pipeline.retrieve(period === undefined ? {} : { period });
    if (args.flags.json === true) {
      io.out(JSON.stringify(report, null, 2));
      return 0;
    }
    for (const line of formatReport(report, { color: wantsColor(io) })) io.out(line);
    if (!live) {
      io.out('');
      io.out(
        '  Test mode: a demo workspace of the built-in mock. Set IIQ_API_KEY for your own report.',
      );
    }
    return 0;
  });
}
