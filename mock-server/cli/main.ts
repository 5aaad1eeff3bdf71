/**
 * `iiq`: the IntentIQ command line. `iiq score <domain>`, `iiq bulk <file.csv>`, `iiq report`,
 * `iiq mock` and `iiq webhooks listen`. It imports the mock's engine, routes and HTTP server
 * directly (not the `./mock` entry), so it runs without msw.
 */
import { VERSION } from '../../src/core/version.ts';
import { type FlagSpec, parseArgs, UsageError } from './args.ts';
import { BULK_FLAGS, runBulk } from './bulk.ts';
import { HELP } from './help.ts';
import { type CliIO, processIO } from './io.ts';
import { MOCK_FLAGS, runMock } from './mock.ts';
import { REPORT_FLAGS, runReport } from './report.ts';
import { runScore, SCORE_FLAGS } from './score.ts';
import { LISTEN_FLAGS, runListen } from './webhooks-listen.ts';

const GLOBAL_FLAGS = {
  help: { value: false, short: 'h' },
  version: { value: false, short: 'v' },
} as const;

function flagsFor(command: string | undefined): Record<string, FlagSpec> {
  if (command === 'mock') return { ...GLOBAL_FLAGS, ...MOCK_FLAGS };
  if (command === 'score') return { ...GLOBAL_FLAGS, ...SCORE_FLAGS };
  if (command === 'bulk') return { ...GLOBAL_FLAGS, ...BULK_FLAGS };
  if (command === 'report') return { ...GLOBAL_FLAGS, ...REPORT_FLAGS };
  if (command === 'webhooks') return { ...GLOBAL_FLAGS, ...LISTEN_FLAGS };
  return GLOBAL_FLAGS;
}

/** Runs the command line; resolves with the exit code (a running `iiq mock` resolves only when stopped). */
export async function main(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  const command = argv[0]?.startsWith('-') ? undefined : argv[0];
  try {
    const args = parseArgs(command === undefined ? argv : argv.slice(1), flagsFor(command));
    if (args.flags.version === true) {
      io.out(VERSION);
      return 0;
    }
    if (args.flags.help === true || command === undefined || command === 'help') {
      io.out(HELP);
      return command === undefined && args.flags.help !== true ? 2 : 0;
    }
    if (command === 'score') return await runScore(args, io);
    if (command === 'bulk') return await untilStopped((signal) => runBulk(args, io, signal));
    if (command === 'report') return await runReport(args, io);
    if (command === 'mock') {
      const stop = await runMock(args, io);
      return await new Promise<number>((resolve) => {
        const shutdown = () => {
          process.off('SIGINT', shutdown);
          process.off('SIGTERM', shutdown);
          stop().then(() => resolve(0));
        };
        process.on('SIGINT', shutdown);
        process.on('SIGTERM', shutdown);
      });
    }
    if (command === 'webhooks') {
      const [sub, ...rest] = args.positionals;
      if (sub !== 'listen') {
        throw new UsageError(
          `unknown command "webhooks${sub === undefined ? '' : ` ${sub}`}"; did you mean iiq webhooks listen?`,
        );
      }
      return await untilStopped((signal) => runListen({ ...args, positionals: rest }, io, signal));
    }
    throw new UsageError(`unknown command "${command}"`);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`iiq: ${error.message}`);
      io.err('Run iiq --help for usage.');
      return 2;
    }
    io.err(`iiq: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

/** Runs `work` with a signal that Ctrl-C (or SIGTERM) aborts. */
async function untilStopped(work: (signal: AbortSignal) => Promise<number>): Promise<number> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    return await work(controller.signal);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

const invoked = process.argv[1];
if (invoked !== undefined && /(^|[\\/])(cli\.js|cli[\\/]main\.ts|iiq)$/.test(invoked)) {
  // `iiq score x | head -3` closes the pipe early: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
    // After Ctrl-C, fetch's idle keep-alive sockets would hold the listener for seconds more.
    if (process.argv[2] === 'webhooks' || process.argv[2] === 'bulk') {
      process.stdout.write('', () => process.exit(code));
    }
  });
}
