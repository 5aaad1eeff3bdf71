/**
 * Checks call parameters with the zod schemas of `src/schemas/params.ts` (the same rules the API
 * applies) and turns zod's issues into a `ValidationError` whose fields are paths a user can find
 * in their own code: `domain`, `domains[3]`, `include[0]`.
 */
import type * as z from 'zod/mini';
import { ValidationError, type ValidationIssue } from './errors.ts';

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

/** `['domains', 3]` -> `domains[3]`; the empty path is `root`. */
export function fieldOf(path: Path, root = 'params'): string {
  let field = '';
  for (const part of path) {
    if (typeof part === 'number') field += `[${part}]`;
    else field += field === '' ? String(part) : `.${String(part)}`;
  }
  return field === '' ? root : field;
}

function valueAt(input: unknown, path: Path): unknown {
  let value = input;
  for (const part of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

const units: Record<string, [verb: string, unit: string]> = {
  string: ['be', 'character'],
  array: ['have', 'item'],
  set: ['have', 'item'],
};

function describe(issue: Issue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.path.length > 0 && valueAt(input, issue.path) === undefined) return 'is required';
      const expected = issue.expected === 'int' ? 'an integer' : `a ${issue.expected}`;
      return `must be ${expected}`;
    }
    case 'too_small':
    case 'too_big': {
      const [verb, unit] = units[issue.origin] ?? ['be', ''];
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const plural = unit === '' ? '' : ` ${unit}${Number(bound) === 1 ? '' : 's'}`;
      return `must ${verb} at ${issue.code === 'too_small' ? 'least' : 'most'} ${bound}${plural}`;
    }
    case 'invalid_value':
      return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'invalid_format':
      if (issue.format === 'url') return 'must be an http or https URL';
      if (issue.format === 'email') return 'must be an email address';
      return `must be a valid ${issue.format}`;
    case 'invalid_union':
      return 'does not match any accepted form';
    default:
      return issue.message;
  }
}

/** zod issues as validation issues, one per unknown key. */
export function toIssues(
  issues: readonly Issue[],
  input: unknown,
  root?: string,
): ValidationIssue[] {
  return issues.flatMap((issue): ValidationIssue[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: fieldOf([...issue.path, key], root),
        message: 'is not a known parameter (parameters are snake_case, e.g. force_refresh)',
      }));
    }
    return [{ field: fieldOf(issue.path, root), message: describe(issue, input) }];
  });
}

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
  return fail(toIssues(result.error.issues, input, root));
}
