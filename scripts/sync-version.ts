/**
 * Writes the version of `package.json` into `src/core/version.ts`. Part of `npm run release:version`
 * (after `changeset version` bumps package.json), so the `X-IIQ-Client` header always carries the
 * released version; a test fails if the two ever differ.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
  version: string;
};
const file = resolve(root, 'src/core/version.ts');
const source = readFileSync(file, 'utf8');
const updated = source.replace(
  /export const VERSION = '[^']*';/,
  `export const VERSION = '${version}';`,
);
if (!updated.includes(`'${version}'`))
  throw new Error(`could not find the VERSION constant in ${file}`);
writeFileSync(file, updated);
console.log(`src/core/version.ts: VERSION = '${version}'`);
