/**
 * Installs the packed tarball into a scratch project, the way a user would, and checks that every
 * entry point loads with `import` and with `require()`, and that the tarball ships only what users
 * need. Run by `npm run check:package` after the build.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { packIntoScratch, root, run, type Scratch } from './scratch.ts';

const allowed = [
  /^dist\//,
  /^fixtures\//,
  /^openapi\.yaml$/,
  /^README\.md$/,
  /^LICENSE$/,
  /^CHANGELOG\.md$/,
  /^package\.json$/,
];

/**
 * Imports of Node built-ins without the `node:` prefix (`from 'http'`): bundlers for Workers and
 * browsers resolve `node:http` (or leave it alone) but fail on a bare `http`.
 */
function bareBuiltinImports(): string[] {
  const names = builtinModules
    .filter((name) => !name.startsWith('_'))
    .join('|')
    .replaceAll('/', '\\/');
  const bare = new RegExp(`(?:from\\s*|import\\(\\s*|require\\(\\s*)['"](${names})['"]`, 'g');
  const found: string[] = [];
  for (const file of readdirSync(join(root, 'dist'))) {
    if (!/\.c?js$/.test(file)) continue;
    for (const match of readFileSync(join(root, 'dist', file), 'utf8').matchAll(bare)) {
      found.push(`dist/${file}: '${match[1]}'`);
    }
  }
  return found;
}

/** Each entry point and the exports a user reaches for first. */
const entries: Record<string, string[]> = {
  '@vesperwise/node': ['IntentIQ', 'normalizeDomain', 'APIError'],
  '@vesperwise/node/webhooks': ['verifyWebhook', 'constructEvent', 'signWebhook'],
  '@vesperwise/node/mock': ['createMockApi'],
};

let scratch: Scratch | undefined;
try {
  const bare = bareBuiltinImports();
  if (bare.length > 0) {
    throw new Error(`the build imports Node built-ins without node: (${bare.join(', ')})`);
  }
  scratch = packIntoScratch();
  const { dir, filename, files } = scratch;
  const stray = files.filter((path) => !allowed.some((re) => re.test(path)));
  if (stray.length > 0)
    throw new Error(`the tarball ships files users do not need:\n  ${stray.join('\n  ')}`);
  const { files: declared } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    files: string[];
  };
  const missing = declared.filter(
    (entry) => !files.some((path) => path === entry || path.startsWith(`${entry}/`)),
  );
  if (missing.length > 0)
    throw new Error(`package.json "files" names what the tarball lacks: ${missing.join(', ')}`);

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
  writeFileSync(join(dir, 'check.mjs'), `${esm}\nconsole.log('import ok');\n`);
  writeFileSync(join(dir, 'check.cjs'), `${cjs}\nconsole.log('require ok');\n`);
  process.stdout.write(run(process.execPath, ['check.mjs'], dir));
  process.stdout.write(run(process.execPath, ['check.cjs'], dir));
  const bin = readdirSync(join(dir, 'node_modules', '.bin'));
  if (!bin.includes('iiq')) throw new Error('the iiq bin is not installed');
  const help = run(process.execPath, [join(dir, 'node_modules', '.bin', 'iiq'), '--help'], dir);
  console.log(`iiq --help: ${help.split('\n')[0]}`);
  console.log(
    `${filename}: ${files.length} files, installs and loads with import and require on Node ${process.versions.node}`,
  );
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  scratch?.remove();
}
