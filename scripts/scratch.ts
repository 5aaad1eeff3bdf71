/**
 * A scratch project with the packed package installed from its tarball, the way a user installs
 * it. Shared by the package check (`check-pack.ts`) and the runtime matrix (`runtimes.ts`).
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '..');

export interface Scratch {
  dir: string;
  /** The tarball's file name, e.g. `vesperwise-node-0.0.0.tgz`. */
  filename: string;
  /** Every file the tarball holds. */
  files: string[];
  remove(): void;
}

/** Runs a command to completion; its stdout, or an error with its output. */
export function run(command: string, args: string[], cwd: string): string {
  try {
    return execFileSync(command, args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const { stderr, stdout } = error as { stderr?: string; stdout?: string };
    throw new Error(
      `${command} ${args.join(' ')} failed in the scratch project:\n${stderr || stdout}`,
    );
  }
}

export interface Ran {
  code: number | null;
  output: string;
}

/** Runs a command, bounded in time; resolves with its exit code and output, never rejects. */
export function runAsync(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<Ran> {
  return new Promise((done) => {
    execFile(
      command,
      args,
      { cwd: options.cwd, env: options.env ?? process.env, timeout: options.timeoutMs },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
        const stopped = error?.killed ? `\n(stopped after ${options.timeoutMs} ms)` : '';
        done({ code, output: `${stdout}${stderr}${stopped}`.trim() });
      },
    );
  });
}

/** `npm pack` of the repository into `dir`: the tarball's name and the files it holds. */
function pack(dir: string): { filename: string; files: string[] } {
  const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', dir], root)) as {
    filename: string;
    files: { path: string }[];
  }[];
  if (packed === undefined) throw new Error('npm pack made no tarball');
  return { filename: packed.filename, files: packed.files.map((file) => file.path) };
}

/**
 * Packs the repository and installs the tarball, plus `extra` packages, into a fresh project.
 * `from` installs the tarball of another scratch project instead of packing again.
 */
export function packIntoScratch(extra: string[] = [], from?: Scratch): Scratch {
  const dir = mkdtempSync(join(tmpdir(), 'iiq-pack-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    const { filename, files } = from ?? pack(dir);
    const tarball = join(from?.dir ?? dir, filename);
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'scratch', private: true, type: 'module' }),
    );
    run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', tarball, ...extra], dir);
    return { dir, filename, files, remove };
  } catch (error) {
    remove();
    throw error;
  }
}
