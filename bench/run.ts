/**
 * Runs every benchmark in `bench/` one after the other (never in parallel: they would disturb each
 * other's figures) and prints their reports. `npm run bench`; `npm run bench -- client` runs only
 * the benchmarks whose file name contains "client". Most benchmarks measure the built package, so
 * this builds it first.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const here = resolve(import.meta.dirname);
const filter = process.argv[2] ?? '';
const benches = readdirSync(here)
  .filter((name) => name.endsWith('.bench.ts') && name.includes(filter))
  .sort();

if (benches.length === 0) {
  console.error(`no benchmark in bench/ matches "${filter}"`);
  process.exit(1);
}

const build = spawnSync('npm', ['run', 'build', '--silent'], {
  cwd: resolve(here, '..'),
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

let failed = 0;
for (const bench of benches) {
  console.log(`\n=== ${bench} ===`);
  const result = spawnSync(process.execPath, [join(here, bench)], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
