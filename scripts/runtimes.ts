/**
 * The runtime matrix: the packed package, installed from its tarball into a scratch project, is
 * smoke-tested on every runtime the README promises, each a pinned dev dependency that ships its
 * binary (Node 22.12 and 26 through `test/runtimes/node22|26`, whose only dependency is `node`;
 * Node 24 is the project's own; `bun`, `deno`, and `wrangler` with its `workerd`). The checks are
 * `test/runtimes/checks.mjs`: the client on `mock.fetch` with a retry, `verifyWebhook` on a real
 * delivery of the mock (both schemes, tampered copies refused), the HTTP door where the runtime
 * has `node:http`, the MSW door where MSW intercepts (elsewhere `installMockApi` must refuse at
 * once), and `require()` where CommonJS exists. The Worker imports `@vesperwise/node/mock`, is
 * built by wrangler without compatibility flags and answers on workerd. Prints one line per
 * runtime. Run by `npm run check:runtimes` after the build.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packIntoScratch, type Ran, root, runAsync, type Scratch } from './scratch.ts';

const TIMEOUT_MS = 90_000;
const COMPATIBILITY_DATE = '2026-11-01';
const require = createRequire(import.meta.url);

interface Runtime {
  name: string;
  /**
   * Runs the checks in `dir` (`bare` for the Worker: the package without msw, as a Worker project
   * has it); resolves with what each check reported.
   */
  check(dir: string, bare: string): Promise<string[]>;
}

/** The version of a package installed for this repository (or for one of test/runtimes/*). */
function versionOf(name: string, from = root): string {
  const path = require.resolve(`${name}/package.json`, { paths: [from] });
  return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
}

function binary(name: string): string {
  return join(root, 'node_modules', '.bin', name);
}

/** The environment of a check: no IIQ_* settings of whoever runs it, no update checks. */
function environment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' };
  for (const name of Object.keys(env)) if (name.startsWith('IIQ_')) delete env[name];
  return env;
}

async function checked(ran: Promise<Ran>, what: string): Promise<string[]> {
  const { code, output } = await ran;
  if (code !== 0) throw new Error(`${what} failed (exit code ${code}):\n${output}`);
  return output.split('\n').filter((line) => line.trim() !== '');
}

/** A runtime that runs smoke.mjs, and smoke.cjs where it has CommonJS, as `command ...args file`. */
function script(name: string, command: string, args: string[] = []): Runtime {
  return {
    name,
    check: async (dir) => {
      const options = { cwd: dir, env: environment(), timeoutMs: TIMEOUT_MS };
      const [esm, cjs] = await Promise.all([
        checked(runAsync(command, [...args, 'smoke.mjs'], options), `${name}: smoke.mjs`),
        checked(runAsync(command, [...args, 'smoke.cjs'], options), `${name}: smoke.cjs`),
      ]);
      return [...esm, ...cjs];
    },
  };
}

const wranglerScript = join(
  require.resolve('wrangler/package.json', { paths: [root] }),
  '..',
  'bin',
  'wrangler.js',
);

/**
 * The Node of `test/runtimes/<folder>`, checked to be the pinned major: were its package not
 * installed, resolution would climb to the project's own Node 24 and test that one again.
 */
function pinnedNode(folder: string, major: number): Runtime {
  const from = join(root, 'test', 'runtimes', folder);
  const version = versionOf('node', from);
  if (!version.startsWith(`${major}.`)) {
    throw new Error(
      `test/runtimes/${folder} resolves node ${version}, not Node ${major}: its own node is not installed. Run npm install.`,
    );
  }
  const binary = join(require.resolve('node/package.json', { paths: [from] }), '..', 'bin', 'node');
  return script(`node ${version}`, binary);
}

/** Builds the Worker with wrangler (no compatibility flags), serves it on workerd, asks it. */
const workerd: Runtime = {
  name: `workerd ${versionOf('workerd', join(root, 'node_modules', 'wrangler'))}`,
  check: async (_dir, dir) => {
    copyFileSync(join(root, 'test', 'runtimes', 'checks.mjs'), join(dir, 'checks.mjs'));
    copyFileSync(join(root, 'test', 'runtimes', 'worker.mjs'), join(dir, 'worker.mjs'));
    writeFileSync(
      join(dir, 'wrangler.jsonc'),
      JSON.stringify({
        name: 'iiq-runtime-matrix',
        main: 'worker.mjs',
        compatibility_date: COMPATIBILITY_DATE,
      }),
    );
    const env = { ...environment(), WRANGLER_SEND_METRICS: 'false', CI: 'true' };
    await checked(
      runAsync(
        process.execPath,
        [wranglerScript, 'deploy', '--dry-run', '--outdir', 'worker-dist'],
        { cwd: dir, env, timeoutMs: TIMEOUT_MS },
      ),
      'wrangler deploy --dry-run',
    );
    writeFileSync(
      join(dir, 'workerd.capnp'),
      [
        'using Workerd = import "/workerd/workerd.capnp";',
        'const config :Workerd.Config = (',
        '  services = [(name = "main", worker = .worker)],',
        '  sockets = [(name = "http", address = "127.0.0.1:0", http = (), service = "main")],',
        ');',
        'const worker :Workerd.Worker = (',
        '  modules = [(name = "worker.js", esModule = embed "worker-dist/worker.js")],',
        `  compatibilityDate = "${COMPATIBILITY_DATE}",`,
        ');',
        '',
      ].join('\n'),
    );
    const lines = await serveAndAsk(dir);
    return [
      `a Worker importing the mock, built by wrangler ${versionOf('wrangler')} without compatibility flags`,
      ...lines,
    ];
  },
};

/** Starts workerd on a free port of 127.0.0.1, GETs `/`, and stops it by its PID. */
async function serveAndAsk(dir: string): Promise<string[]> {
  // File descriptor 3 carries workerd's control messages, among them the port it listens on.
  const child: ChildProcess = spawn(
    binary('workerd'),
    ['serve', 'workerd.capnp', '--control-fd', '3'],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
  try {
    const port = await new Promise<number>((resolve, reject) => {
      // One JSON message a line; a chunk may end inside a line, which waits for the next chunk.
      let partial = '';
      child.stdio[3]?.on('data', (chunk) => {
        const lines = (partial + chunk).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) {
          if (line.trim() === '') continue;
          const message = JSON.parse(line) as { event?: string; port?: number };
          if (message.event === 'listen' && typeof message.port === 'number') resolve(message.port);
        }
      });
      child.once('exit', (code) =>
        reject(new Error(`workerd exited (${code}) before listening:\n${output}`)),
      );
    });
    const response = await fetch(`http://127.0.0.1:${port}/`, {
      signal: AbortSignal.timeout(30_000),
    });
    const result = (await response.json()) as { ok: boolean; lines: string[]; error?: string };
    if (!result.ok) throw new Error(`the Worker's checks failed:\n${result.error}\n${output}`);
    return result.lines;
  } finally {
    clearTimeout(timer);
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  }
}

const runtimes: Runtime[] = [
  pinnedNode('node22', 22),
  script(`node ${process.versions.node}`, process.execPath),
  pinnedNode('node26', 26),
  script(`bun ${versionOf('bun')}`, binary('bun')),
  // Deno may read the project and listen on loopback, nothing else.
  script(`deno ${versionOf('deno')}`, binary('deno'), [
    'run',
    '--allow-env',
    '--allow-read',
    '--allow-net=127.0.0.1',
  ]),
  workerd,
];

let scratch: Scratch | undefined;
let bare: Scratch | undefined;
const started = performance.now();
try {
  scratch = packIntoScratch([`msw@${versionOf('msw')}`]);
  bare = packIntoScratch([], scratch);
  for (const file of ['checks.mjs', 'smoke.mjs', 'smoke.cjs']) {
    copyFileSync(join(root, 'test', 'runtimes', file), join(scratch.dir, file));
  }
  const [dir, bareDir] = [scratch.dir, bare.dir];
  const results = await Promise.allSettled(runtimes.map((runtime) => runtime.check(dir, bareDir)));
  console.log(`runtime matrix: ${scratch.filename}, installed from the tarball`);
  const width = Math.max(...runtimes.map((runtime) => runtime.name.length));
  let failed = 0;
  results.forEach((result, index) => {
    const name = (runtimes[index] as Runtime).name.padEnd(width);
    if (result.status === 'fulfilled') {
      console.log(`  ok    ${name}  ${result.value.join('; ')}`);
    } else {
      failed++;
      console.log(`  FAIL  ${name}  ${String(result.reason?.message ?? result.reason)}`);
    }
  });
  console.log(`runtime matrix: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log(`runtimes: ${runtimes.length - failed} passed, ${failed} failed`);
  if (failed > 0) process.exitCode = 1;
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  scratch?.remove();
  bare?.remove();
}
