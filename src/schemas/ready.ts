/**
 * Resolves once the parameter schemas can be used: at once here, where they are imported like any
 * module. The build replaces this module (see `lazy-schemas` in `tsup.config.ts`) with one that
 * loads the schemas, and zod with them, on the first call that validates, so that they are not
 * part of what `import '@vesperwise/node'` downloads and parses.
 */
export function schemasReady(): Promise<void> | undefined {
  return undefined;
}
