/** Where the CLI writes, and how it exits: injectable so the commands can be tested in-process. */
export interface CliIO {
  out(line: string): void;
  err(line: string): void;
  env: Readonly<Record<string, string | undefined>>;
  /** Whether `out` writes to a terminal (colour is used only there). */
  isTTY?: boolean;
  /** Where a progress bar may be drawn (stderr); a bar is drawn only when it is a terminal. */
  progressStream?: NodeJS.WritableStream & { isTTY?: boolean };
}

/** The real terminal. */
export const processIO: CliIO = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
  isTTY: process.stdout.isTTY === true,
  progressStream: process.stderr,
};
