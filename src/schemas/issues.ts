/**
 * zod issues as field errors a user can act on, shared by the client (`ValidationError`) and the
 * mock server (`400 invalid_request`), so both refuse a bad input with the same words. A field is
 * a path as the user wrote it (`domains[3]`, `include[0]`); a message never repeats the value.
 */
import type * as z from 'zod/mini';

/** One offending field: `field` plus a message to read after it (`domain` `is required`). */
export interface FieldIssue {
  field: string;
  message: string;
}

type Path = readonly PropertyKey[];

/** `['domains', 3]` -> `domains[3]`; the empty path is `root`. */
export function fieldOf(path: Path, root: string): string {
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

// Every numeric parameter of this API is an integer, so a number is always asked for as one.
const EXPECTED: Record<string, string> = {
  int: 'an integer',
  number: 'an integer',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
};

const units: Record<string, [verb: string, unit: string]> = {
  string: ['be', 'character'],
  array: ['have', 'item'],
  set: ['have', 'item'],
};

function describe(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.path.length > 0 && valueAt(input, issue.path) === undefined) return 'is required';
      // A schema that words its own expectation (`must be a number`, for a fractional field).
      if (issue.message.startsWith('must ')) return issue.message;
      return `must be ${EXPECTED[issue.expected] ?? `a ${issue.expected}`}`;
    }
    case 'too_small':
    case 'too_big': {
      const [verb, unit] = units[issue.origin] ?? ['be', ''];
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      if (issue.code === 'too_small' && unit === 'character' && Number(bound) === 1) {
        return 'must not be empty';
      }
      const plural = unit === '' ? '' : ` ${unit}${Number(bound) === 1 ? '' : 's'}`;
      return `must ${verb} at ${issue.code === 'too_small' ? 'least' : 'most'} ${bound}${plural}`;
    }
    case 'invalid_value':
      return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'invalid_format':
      if (issue.format === 'url') return 'must be an http or https URL';
      if (issue.format === 'email') return 'must be an email address';
      if (issue.format === 'datetime') return 'must be a date-time such as "2026-05-28T14:02:11Z"';
      // Every pattern of the schemas says what it wants in its own message.
      if (issue.format === 'regex') return issue.message;
      return `must be a valid ${issue.format}`;
    case 'invalid_union':
      return 'does not match any accepted form';
    case 'invalid_key': {
      const [inner] = issue.issues;
      return inner === undefined
        ? 'is not an accepted name'
        : `(the name) ${describe(inner, undefined)}`;
    }
    default:
      return issue.message;
  }
}

/**
 * zod's integers carry the safe-integer range as bounds of their own: `1e308` for a field of
 * 1..1000 is too big twice. The field's own bound is the one to report.
 */
function isSafeIntegerBound(issue: z.core.$ZodIssue): boolean {
  if (issue.code !== 'too_big' && issue.code !== 'too_small') return false;
  const bound = Number(issue.code === 'too_big' ? issue.maximum : issue.minimum);
  return Math.abs(bound) === Number.MAX_SAFE_INTEGER;
}

function samePath(a: z.core.$ZodIssue, b: z.core.$ZodIssue): boolean {
  return a.path.length === b.path.length && a.path.every((part, i) => part === b.path[i]);
}

/** zod's issues as field issues, one per unknown key. `root` names the value itself. */
export function describeIssues(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  root: string,
): FieldIssue[] {
  const relevant = issues.filter(
    (issue) =>
      !isSafeIntegerBound(issue) ||
      !issues.some(
        (other) => other !== issue && other.code === issue.code && samePath(other, issue),
      ),
  );
  return relevant.flatMap((issue): FieldIssue[] => {
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // Explain the form the input came closest to (the fewest problems), so the field is named:
      // `{"email": 5}` is an email form whose `email` must be a string.
      const closest = issue.errors.reduce((best, branch) =>
        branch.length < best.length ? branch : best,
      );
      const nested = closest.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }));
      return describeIssues(nested as z.core.$ZodIssue[], input, root);
    }
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: fieldOf([...issue.path, key], root),
        message: 'is not a parameter of this endpoint (check the spelling; names are snake_case)',
      }));
    }
    return [{ field: fieldOf(issue.path, root), message: describe(issue, input) }];
  });
}
