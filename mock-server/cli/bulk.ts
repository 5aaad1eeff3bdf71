/**
 * `iiq bulk companies.csv [-o results.csv]`: a CSV of any length (a `domain` column, any case;
 * `company_name` kept when present) through `bulk.scoreAll`, the results as CSV on stdout or in a
 * file. The file is streamed twice (once to count its rows, once to score them), so memory stays
 * bounded whatever its length. Progress goes to stderr: a bar on a terminal, a line every few
 * seconds otherwise. Ctrl-C stops cleanly: the jobs already created keep running and are paid for,
 * and running the same command again within 24 hours attaches to them.
 *
 * With `IIQ_API_KEY` it asks the API (or `IIQ_BASE_URL`); without, a built-in mock in test mode
 * answers, its clock moved on each poll, so it works right after install.
 */

import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { CsvError, parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
import type { IntentIQ } from '../../src/client.ts';
import { APIUserAbortError, IntentIQError } from '../../src/core/errors.ts';
import type { ScoreAllProgress, ScoreAllResult } from '../../src/resources/bulk-score-all.ts';
import { flagValue, type ParsedArgs, UsageError } from './args.ts';
import { startProgress } from './bulk-progress.ts';
import { liveClient, mockClient } from './client.ts';
import type { CliIO } from './io.ts';

export const BULK_FLAGS = {
  output: { value: true, short: 'o' },
  deferred: { value: false },
  tag: { value: true },
  concurrency: { value: true },
} as const;

const SIGNALS = ['funding', 'hiring', 'news', 'tech', 'web'] as const;

/** The columns of `iiq bulk`'s output; `company_name` follows `domain` when the input had it. */
export const BULK_COLUMNS = [
  'row',
  'input',
  'domain',
  'status',
  'score',
  'band',
  'delta_30d',
  ...SIGNALS,
  'company',
  'buying_stage',
  'urgency',
  'why_now',
  'key_triggers',
  'action',
  'decay_date',
  'computed_at',
  'message',
] as const;

interface Header {
  domainAt: number;
  nameAt: number;
}

function csvRecords(file: string) {
  const parser = parse({
    bom: true,
    record_delimiter: ['\r\n', '\n', '\r'],
    skip_empty_lines: true,
  });
  const source = createReadStream(file);
  // pipe() does not forward a read error (a directory, a file gone): end the records with it.
  source.on('error', (error) => parser.destroy(error));
  return source.pipe(parser);
}

function headerOf(record: string[], file: string): Header {
  const names = record.map((name) => name.trim().toLowerCase());
  const domainAt = names.indexOf('domain');
  if (domainAt < 0) {
    throw new UsageError(`${file} has no "domain" column in its header row (any case)`);
  }
  return { domainAt, nameAt: names.indexOf('company_name') };
}

/**
 * A usage error that says where the file stops being CSV, in words, without quoting its content
 * (a binary file's bytes would garble the terminal).
 */
function notCsv(file: string, error: unknown): UsageError {
  // A system error (a directory, a file that went away): not the CSV's fault.
  if (!(error instanceof CsvError)) return new UsageError(`cannot read ${file}`);
  const { code, lines } = error;
  const at = typeof lines === 'number' ? ` on line ${lines.toLocaleString('en-US')}` : '';
  const why =
    code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH'
      ? `a row${at} has a different number of fields than the header row`
      : code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'a quoted field is never closed'
        : `it is not valid CSV (RFC 4180)${at}`;
  return new UsageError(`${file} cannot be read: ${why}. Export it as "CSV UTF-8".`);
}

/** The header and the number of data rows, in one streamed pass. */
async function survey(file: string): Promise<{ header: Header; rows: number }> {
  let header: Header | undefined;
  let rows = 0;
  try {
    for await (const record of csvRecords(file)) {
      if (header === undefined) header = headerOf(record as string[], file);
      else rows++;
    }
  } catch (error) {
    throw error instanceof UsageError ? error : notCsv(file, error);
  }
  if (header === undefined) throw new UsageError(`${file} is empty: it needs a header row`);
  return { header, rows };
}

function concurrencyOf(value: unknown): number | undefined {
  const text = flagValue(value, 'concurrency');
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > 10) {
    throw new UsageError(`--concurrency must be a number from 1 to 10, got ${text}`);
  }
  return n;
}

/** Where the results go: a file (with backpressure) or stdout, one CSV line at a time. */
function outputTo(path: string | undefined, io: CliIO) {
  const stream: WriteStream | undefined = path === undefined ? undefined : createWriteStream(path);
  return {
    async write(cells: unknown[]): Promise<void> {
      const line = stringify([cells], { record_delimiter: '\n' });
      if (stream === undefined) io.out(line.slice(0, -1));
      else if (!stream.write(line)) await once(stream, 'drain');
    },
    async close(): Promise<void> {
      if (stream === undefined) return;
      await new Promise<void>((resolve, reject) =>
        stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
      );
    },
  };
}

function cellsOf(
  result: ScoreAllResult,
  companyName: string | undefined,
  named: boolean,
): unknown[] {
  const row = result.index + 1;
  const score = result.status === 'scored' ? result.score : undefined;
  const signal = (name: (typeof SIGNALS)[number]) => {
    const value = score?.signals[name];
    return typeof value === 'number' ? value : (value?.score ?? null);
  };
  const cells: unknown[] = [
    row,
    result.input,
    result.status === 'invalid' ? null : result.domain,
    result.status,
    score?.score ?? null,
    score?.band ?? null,
    score?.delta_30d ?? null,
    ...SIGNALS.map(signal),
    score?.company ?? null,
    score?.buying_stage ?? null,
    score?.urgency ?? null,
    score?.why_now ?? null,
    score === undefined ? null : score.key_triggers.join('; '),
    score?.action ?? null,
    score?.decay_date ?? null,
    score?.computed_at ?? null,
    result.status === 'scored' ? null : result.message,
  ];
  if (named) cells.splice(3, 0, companyName ?? null);
  return cells;
}

function clientFor(io: CliIO): { iiq: IntentIQ; sleep?: (ms: number) => void; live: boolean } {
  const live = liveClient(io);
  if (live !== undefined) return { iiq: live, live: true };
  // The built-in mock: its clock jumps by each wait, so jobs finish without real waiting.
  const { iiq, mock } = mockClient({ rateLimits: false });
  return { iiq, sleep: (ms) => void mock.clock.advance(ms), live: false };
}

/** A shell word, quoted when it needs to be. */
function word(text: string): string {
  return /^[\w./:@=+-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The command that resumes this run: the same file and options (the tag is part of each job). */
function resumeCommand(file: string, output: string | undefined, args: ParsedArgs): string {
  const parts = ['iiq', 'bulk', word(file)];
  if (output !== undefined) parts.push('-o', word(output));
  if (args.flags.deferred === true) parts.push('--deferred');
  if (typeof args.flags.tag === 'string') parts.push('--tag', word(args.flags.tag));
  if (typeof args.flags.concurrency === 'string')
    parts.push('--concurrency', args.flags.concurrency);
  return parts.join(' ');
}

/** Scores a CSV file; resolves with the exit code (130 when stopped by Ctrl-C). */
export async function runBulk(args: ParsedArgs, io: CliIO, signal: AbortSignal): Promise<number> {
  const [file, ...rest] = args.positionals;
  if (file === undefined) {
    throw new UsageError('iiq bulk needs a CSV file, e.g. iiq bulk companies.csv -o results.csv');
  }
  if (rest.length > 0)
    throw new UsageError(`iiq bulk takes one file, got ${args.positionals.length}`);
  const output = flagValue(args.flags.output, 'output');
  const tag = flagValue(args.flags.tag, 'tag');
  const concurrency = concurrencyOf(args.flags.concurrency);
  const { header, rows: total } = await survey(file);
  const named = header.nameAt >= 0;
  const { iiq, sleep, live } = clientFor(io);

  const names = new Map<number, string>();
  async function* domains(): AsyncGenerator<string> {
    let index = -1; // the header
    for await (const record of csvRecords(file as string)) {
      const cells = record as string[];
      if (index >= 0 && named) names.set(index, cells[header.nameAt] ?? '');
      if (index++ >= 0) yield cells[header.domainAt] ?? '';
    }
  }

  const out = outputTo(output, io);
  await out.write(
    named
      ? [...BULK_COLUMNS.slice(0, 3), 'company_name', ...BULK_COLUMNS.slice(3)]
      : [...BULK_COLUMNS],
  );
  const progress = startProgress(io, total);
  let last: ScoreAllProgress | undefined;
  const counts = { scored: 0, unscorable: 0, invalid: 0 };
  try {
    for await (const result of iiq.bulk.scoreAll(domains(), {
      signal,
      ...(concurrency === undefined ? {} : { concurrency }),
      ...(args.flags.deferred === true ? { deferred: true } : {}),
      ...(tag === undefined ? {} : { tag }),
      ...(sleep === undefined ? {} : { sleep, pollInterval: 60_000 }),
      onProgress: (state) => {
        last = state;
        progress.update(state);
      },
    })) {
      counts[result.status]++;
      await out.write(cellsOf(result, names.get(result.index), named));
      names.delete(result.index);
    }
  } catch (error) {
    progress.stop();
    await out.close();
    if (error instanceof APIUserAbortError || signal.aborted) {
      const done = last?.done ?? 0;
      io.err(
        `iiq bulk: stopped after ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} rows.`,
      );
      io.err(
        `The ${last?.jobs_in_flight ?? 0} jobs in flight keep running and are paid for. To resume without paying twice, run the same command again within 24 hours:`,
      );
      io.err(`  ${resumeCommand(file, output, args)}`);
      return 130;
    }
    if (error instanceof IntentIQError) {
      io.err(`iiq: ${error.message}`);
      return 1;
    }
    throw error;
  }
  progress.stop();
  await out.close();
  const credits = last?.credits_charged ?? 0;
  io.err(
    `iiq bulk: ${counts.scored.toLocaleString('en-US')} scored, ${counts.unscorable.toLocaleString('en-US')} unscorable, ${counts.invalid.toLocaleString('en-US')} invalid, of ${total.toLocaleString('en-US')} rows, in ${last?.jobs_submitted ?? 0} jobs (${last?.jobs_reused ?? 0} reused); ${credits.toLocaleString('en-US')} credits${live ? '' : ' (test mode: the built-in mock; set IIQ_API_KEY to use the API)'}.${output === undefined ? '' : ` Results in ${output}.`}`,
  );
  return 0;
}
