/**
 * A tiny argv parser for `iiq`: a command, positional arguments and `--flag value`,
 * `--flag=value` or boolean `--flag` options. Unknown flags are errors, not silently ignored.
 */

/** How one `--flag` is read. */
export interface FlagSpec {
  /** Takes a value (`--port 4010`) rather than being a switch (`--json`). */
  value: boolean;
  /** A one-letter alias, e.g. `p`. */
  short?: string;
}

/** The positional arguments and flags of a command line. */
export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | true>;
}

/** A mistake in the command line: printed with a pointer to `--help`, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Parses `argv` (without the command) against the flags a command accepts. */
export function parseArgs(
  argv: readonly string[],
  spec: Readonly<Record<string, FlagSpec>>,
): ParsedArgs {
  const positionals: string[] = [];
  const flags: Record<string, string | true> = {};
  const byShort = new Map(
    Object.entries(spec).flatMap(([name, flag]) =>
      flag.short ? [[flag.short, name] as const] : [],
    ),
  );
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const [rawName, inline] = arg.startsWith('--')
      ? splitOnce(arg.slice(2))
      : [byShort.get(arg.slice(1)) ?? arg, undefined];
    const name = rawName as string;
    const flag = spec[name];
    if (flag === undefined) throw new UsageError(`unknown option ${arg}`);
    if (!flag.value) {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      flags[name] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--')))
      throw new UsageError(`--${name} needs a value`);
    flags[name] = value;
  }
  return { positionals, flags };
}

function splitOnce(text: string): [string, string | undefined] {
  const at = text.indexOf('=');
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

/** A flag's value, if given; a flag that needs a value but was given none (`--seed`) is a usage error. */
export function flagValue(value: unknown, name: string): string | undefined {
  if (value === true) throw new UsageError(`--${name} needs a value`);
  return typeof value === 'string' ? value : undefined;
}
