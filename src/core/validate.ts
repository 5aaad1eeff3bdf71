/**
 * Checks call parameters with the zod schemas of `src/schemas/params.ts` (the same rules the API
 * applies) and turns zod's issues into a `ValidationError` whose fields are paths a user can find
 * in their own code: `domain`, `domains[3]`, `include[0]`.
 */
import type * as z from 'zod/mini';
import { describeIssues } from '../schemas/issues.ts';
import { ValidationError, type ValidationIssue } from './errors.ts';

/** Throws `ValidationError` with every issue. */
export function fail(issues: ValidationIssue[]): never {
  const [first, ...rest] = issues;
  if (!first) throw new ValidationError([{ field: 'params', message: 'is invalid' }]);
  throw new ValidationError([first, ...rest]);
}

/** Parses `input` with `schema`, or throws `ValidationError` naming the offending fields. */
export function parseParams<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
  root?: string,
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  return fail(describeIssues(result.error.issues, input, root ?? 'params'));
}

/**
 * `params` with the array at `field` de-duplicated (first occurrences kept), for lists where a
 * repeat is harmless (`include`, webhook `events`) but the API refuses it. Anything else is left
 * for validation to report.
 */
export function withoutRepeats<T>(params: T, field: string): T {
  const value = (params as Record<string, unknown> | null | undefined)?.[field];
  if (!Array.isArray(value)) return params;
  return { ...params, [field]: [...new Set(value)] };
}
