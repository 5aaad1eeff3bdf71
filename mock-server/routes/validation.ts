/**
 * Request validation with the SDK's own zod schemas (`src/schemas/params.ts`), so the mock and the
 * client refuse exactly the same inputs. Zod issues become a `400 invalid_request` whose `field`
 * names the first offending field (`domains[3]`) and whose message says what is expected.
 */
import type * as z from 'zod/mini';
import { checkDomain } from '../../src/domain.ts';
import { type FieldError, MockApiError } from '../engine/errors.ts';

export const MAX_BODY_BYTES = 1_048_576;

interface Issue {
  code: string;
  path: PropertyKey[];
  expected?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  values?: unknown[];
  keys?: string[];
  format?: string;
}

function fieldName(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path)
    out += typeof part === 'number' ? `[${part}]` : out === '' ? String(part) : `.${String(part)}`;
  return out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const part of path) value = (value as Record<PropertyKey, unknown> | undefined)?.[part];
  return value;
}

const ARTICLE: Record<string, string> = {
  string: 'a string',
  number: 'an integer',
  int: 'an integer',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
};

function sizeWords(issue: Issue, bound: 'least' | 'most'): string {
  const n = Number(bound === 'least' ? issue.minimum : issue.maximum);
  if (issue.origin === 'array') return `must have at ${bound} ${n} item${n === 1 ? '' : 's'}`;
  if (issue.origin === 'string') {
    return bound === 'least' && n === 1
      ? 'must not be empty'
      : `must be at ${bound} ${n} characters long`;
  }
  return `must be at ${bound} ${n}`;
}

function describe(issue: Issue, input: unknown): FieldError[] {
  const field = fieldName(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return (issue.keys ?? []).map((key) => ({
        field: fieldName([...issue.path, key]),
        message: `${key} is not a parameter of this endpoint; check the spelling or remove it`,
      }));
    case 'invalid_type':
      if (issue.path.length === 0)
        return [{ field: 'body', message: 'The request body must be a JSON object' }];
      return [
        valueAt(input, issue.path) === undefined
          ? { field, message: `${field} is required` }
          : {
              field,
              message: `${field} must be ${ARTICLE[issue.expected ?? ''] ?? issue.expected}`,
            },
      ];
    case 'too_small':
      return [{ field, message: `${field} ${sizeWords(issue, 'least')}` }];
    case 'too_big':
      return [{ field, message: `${field} ${sizeWords(issue, 'most')}` }];
    case 'invalid_value':
      return [
        {
          field,
          message: `${field} must be one of ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(', ')}`,
        },
      ];
    case 'invalid_format':
      return [
        {
          field,
          message:
            issue.format === 'email'
              ? `${field} must be an email address`
              : `${field} must be an http or https URL`,
        },
      ];
    default:
      return [{ field, message: `${field} is not valid` }];
  }
}

/** A 400 for one or several field errors: `field` is the first, `fields` all of them when several. */
export function invalidFields(errors: readonly FieldError[]): MockApiError {
  const [first] = errors;
  if (first === undefined) return new MockApiError('invalid_request', 'The request is not valid.');
  const message =
    errors.length === 1
      ? `${first.message}.`
      : `The request has ${errors.length} problems: ${errors.map((e) => e.message).join('; ')}.`;
  return new MockApiError('invalid_request', message, {
    ...(first.field === 'body' ? {} : { field: first.field }),
    ...(errors.length > 1 ? { fields: [...errors] } : {}),
  });
}

/** Validates `input` with a schema; throws a 400 that names every offending field. */
export function validate<T>(schema: z.ZodMiniType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues as unknown as Issue[];
  throw invalidFields(issues.flatMap((issue) => describe(issue, input)));
}

/** Parses a JSON request body; throws a 400 for a missing, malformed or non-object body. */
export function parseJsonBody(body: string): unknown {
  if (body.trim() === '') {
    throw new MockApiError(
      'invalid_request',
      'This endpoint needs a JSON body; send one with Content-Type: application/json.',
    );
  }
  try {
    return JSON.parse(body);
  } catch {
    throw new MockApiError(
      'invalid_request',
      'The request body is not valid JSON. Check for trailing commas, unquoted keys or single quotes.',
    );
  }
}

/** Query parameters as an object, with `limit` as a number when it is written as one. */
export function queryObject(query: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of query)
    out[key] = key === 'limit' && /^-?\d+$/.test(value) ? Number(value) : value;
  return out;
}

/** The apex domain of an input, or a 400 on `field`. Never echoes input that is not a host name. */
export function apexDomain(field: string, input: string): string {
  const result = checkDomain(input);
  if (result.ok) return result.domain;
  throw new MockApiError(
    'invalid_request',
    `${field} ${result.reason.replace(/, got ".*"$/s, '')}.`,
    { field },
  );
}

/** Normalises a list of domains, naming every bad one (`domains[3]`), and de-duplicates in order. */
export function apexDomains(field: string, inputs: readonly string[]): string[] {
  const errors: FieldError[] = [];
  const out = new Set<string>();
  inputs.forEach((input, i) => {
    const result = checkDomain(input);
    if (result.ok) out.add(result.domain);
    else
      errors.push({
        field: `${field}[${i}]`,
        message: `${field}[${i}] ${result.reason.replace(/, got ".*"$/s, '')}`,
      });
  });
  if (errors.length > 0) throw invalidFields(errors);
  return [...out];
}
