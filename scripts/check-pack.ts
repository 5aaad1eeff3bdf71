/**
 * Installs the packed tarball into a scratch project, the way a user would, and checks that every
 * entry point loads with `import` and with `require()`, and that the tarball ships only what users
 * need. Run by `npm run check:package` after the build.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const allowed = [
  /^dist\//,
  /^fixtures\//,
  /^openapi\.yaml$/,
  /^README\.md$/,
  /^LICENSE$/,
  /^CHANGELOG\.md$/,
  /^package\.json$/,
];

/** Each entry point and the exports a user reaches for first. */
const entries: Record<string, string[]> = {
  '@vesperwise/node': ['IntentIQ', 'normalizeDomain', 'APIError'],
  '@vesperwise/node/webhooks': ['verifyWebhook', 'constructEvent', 'signWebhook'],
  '@vesperwise/node/mock': ['createMockApi'],
};

function run(command: string, args: string[], cwd: string): string {
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

const scratch = mkdtempSync(join(tmpdir(), 'iiq-pack-'));
try {
  const packed = JSON.parse(
    run('npm', ['pack', '--json', '--pack-destination', scratch], root),
  ) as [{ filename: string; files: { path: string }[] }];
  const [{ filename, files }] = packed;
  const stray = files
    .map((file) => file.path)
    .filter((path) => !allowed.some((re) => re.test(path)));
  if (stray.length > 0)
    throw new Error(`the tarball ships files users do not need:\n  ${stray.join('\n  ')}`);

  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'scratch', private: true }));
  run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--ignore-scripts', join(scratch, filename)],
    scratch,
  );

  const esm = Object.entries(entries)
    .map(
      ([spec, names]) =>
        `{ const m = await import('${spec}'); for (const n of ${JSON.stringify(names)}) if (typeof m[n] !== 'function') throw new Error('${spec} has no ' + n + ' export for import'); }`,
    )
    .join('\n');
  const cjs = Object.entries(entries)
    .map(
      ([spec, names]) =>
        `{ const m = require('${spec}'); for (const n of ${JSON.stringify(names)}) if (typeof m[n] !== 'function') throw new Error('${spec} has no ' + n + ' export for require'); }`,
    )
    .join('\n');
  writeFileSync(join(scratch, 'check.mjs'), `${esm}\nconsole.log('import ok');\n`);
  writeFileSync(join(scratch, 'check.cjs'), `${cjs}\nconsole.log('require ok');\n`);
  process.stdout.write(run(process.execPath, ['check.mjs'], scratch));
  process.stdout.write(run(process.execPath, ['check.cjs'], scratch));
  const bin = readdirSync(join(scratch, 'node_modules', '.bin'));
  if (!bin.includes('iiq')) throw new Error('the iiq bin is not installed');
  const help = run(
    process.execPath,
    [join(scratch, 'node_modules', '.bin', 'iiq'), '--help'],
    scratch,
  );
  console.log(`iiq --help: ${help.split('\n')[0]}`);
  console.log(
    `${filename}: ${files.length} files, installs and loads with import and require on Node ${process.versions.node}`,
  );
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
