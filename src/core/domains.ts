/**
 * Domain normalisation for request parameters: every domain is sent as its apex, found with the
 * Public Suffix List. The list is most of the SDK's weight, so it is loaded with a dynamic import
 * the first time a domain is checked, never at `import` time; bundlers split it into its own chunk.
 */
import type * as DomainModule from '../domain.ts';
import { fail } from './validate.ts';

let loading: Promise<typeof DomainModule> | undefined;
let loaded: typeof DomainModule | undefined;

async function loadDomainModule(): Promise<typeof DomainModule> {
  loading ??= import('../domain.ts').then((module) => {
    loaded = module;
    return module;
  });
  return loading;
}

/** The apex domain of `input`, or a `ValidationError` naming `field`. */
export async function apexDomain(field: string, input: string): Promise<string> {
  const { checkDomain } = loaded ?? (await loadDomainModule());
  const result = checkDomain(input);
  if (!result.ok) fail([{ field, message: result.reason }]);
  return result.domain;
}

/**
 * The apex of every domain, de-duplicated in first-occurrence order. Every bad domain is reported,
 * by index (`domains[3]`), in one `ValidationError`.
 */
export async function apexDomains(field: string, inputs: readonly string[]): Promise<string[]> {
  const { checkDomains } = loaded ?? (await loadDomainModule());
  const result = checkDomains(field, inputs);
  if (!result.ok) fail(result.issues);
  return result.domains;
}

/**
 * The apex of every domain, in order, repeats kept: for a list whose repeats the API counts (the
 * `skipped` of a bulk assignment). Every bad domain is reported, by index, in one `ValidationError`.
 */
export async function apexDomainsInOrder(
  field: string,
  inputs: readonly string[],
): Promise<string[]> {
  const { checkDomains } = loaded ?? (await loadDomainModule());
  const result = checkDomains(field, inputs, 'keep');
  if (!result.ok) fail(result.issues);
  return result.domains;
}
