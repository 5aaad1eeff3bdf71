/**
 * Request validation with the SDK's own zod schemas (`src/schemas/params.ts`), so the mock and the
 * client refuse exactly the same inputs. Zod issues become a `400 invalid_request` whose `field`
 * names the first offending field (`domains[3]`) and whose message says what is expected.
 */
import type * as z from 'zod/mini';
import { checkDomain, checkDomains } from '../../src/domain.ts';
import { describeIssues } from '../../src/schemas/issues.ts';
import { type FieldError, invalidRequest, MockApiError } from '../kernel/errors.ts';
import { cutField, MAX_JSON_DEPTH, tooDeep } from './json-depth.ts';
import type { MockRequest } from './route.ts';

export const MAX_BODY_BYTES = 1_048_576;

/** The length of a string in UTF-8 bytes, counted without encoding it. */
export function utf8Bytes(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) continue;
    if (unit < 0x800) {
      bytes += 1;
      continue;
    }
    // 3 bytes for one unit; a surrogate pair is 4 bytes for its 2 units (a lone one encodes as 3).
    bytes += 2;
    const next = text.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++;
  }
  return bytes;
}

/** Whether a request's body is over `MAX_BODY_BYTES` (or the door already found it was). */
export function bodyTooLarge(request: MockRequest): boolean {
  if (request.bodyTooLarge === true) return true;
  if (request.bytes !== undefined) return request.bytes.length > MAX_BODY_BYTES;
  // Characters never outnumber UTF-8 bytes, so only long bodies need an exact count.
  const body = request.body;
  return body.length > MAX_BODY_BYTES / 3 && utf8Bytes(body) > MAX_BODY_BYTES;
}

/** A 400 for one or several field errors: `field` is the first, `fields` all of them when several. */
export function invalidFields(found: readonly FieldError[]): MockApiError {
  // Field names come from the request: a 1 MB key is not echoed back whole.
  const errors = found.slice(0, 20).map(({ field, message }) => {
    const cut = cutField(field);
    return { field: cut, message: cut === field ? message : message.replace(field, cut) };
  });
  const [first] = errors;
  if (first === undefined) return new MockApiError('invalid_request', 'The request is not valid.');
  const message =
    errors.length === 1
      ? `${first.message}.`
      : `The request has ${found.length} problems${found.length > errors.length ? ` (the first ${errors.length} are listed)` : ''}: ${errors.map((e) => e.message).join('; ')}.`;
  return new MockApiError('invalid_request', message, {
    field: first.field,
    ...(errors.length > 1 ? { fields: [...errors] } : {}),
  });
}

/** True for a JSON object (not `null`, not an array). */
export function isJsonObject(raw: unknown): raw is Record<string, unknown> {
  return raw !== null && typeof raw === 'object' && !Array.isArray(raw);
}

/**
 * A precheck for update routes: an empty object changes nothing, so it is a 400 that names the
 * fields an update may carry (`Pass at least one of name or notes to update.`). Anything that is not
 * an object is left to the route's schema, which explains it.
 */
export function updateNeedsOneOf(
  ...fields: readonly [string, ...string[]]
): (raw: unknown) => void {
  const names =
    fields.length === 1 ? fields[0] : `${fields.slice(0, -1).join(', ')} or ${fields.at(-1)}`;
  const message = `Pass at least one of ${names} to update.`;
  return (raw) => {
    if (isJsonObject(raw) && Object.keys(raw).length === 0)
      throw invalidRequest(undefined, message);
  };
}

/** Validates `input` with a schema; throws a 400 that names every offending field. */
export function validate<T>(schema: z.ZodMiniType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw invalidFields(
    describeIssues(result.error.issues, input, 'body').map(({ field, message }) => ({
      field,
      message: `${field} ${message}`,
    })),
  );
}

/** Parses a JSON request body; throws a 400 for a missing, malformed or non-object body. */
export function parseJsonBody(body: string): unknown {
  if (body.trim() === '') {
    throw new MockApiError(
      'invalid_request',
      'This endpoint needs a JSON body; send one with Content-Type: application/json.',
    );
  }
  const deep = tooDeep(body);
  if (deep !== undefined) {
    throw new MockApiError(
      'invalid_request',
      `${deep} is nested too deeply: JSON bodies may nest objects and arrays at most ${MAX_JSON_DEPTH} levels deep.`,
      { field: deep },
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

/**
 * Query parameters as an object, with `limit` as a number when it is written as one, and the
 * parameters named in `lists` as arrays of every value they were given. A parameter that takes one
 * value and is given several (`?band=HOT&band=WARM`) is a 400 on it: which one was meant is not
 * for the mock to guess.
 */
export function queryObject(
  query: URLSearchParams,
  lists: readonly string[] = [],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of query) {
    if (lists.includes(key)) continue;
    if (Object.hasOwn(out, key)) {
      const field = cutField(key);
      throw new MockApiError(
        'invalid_request',
        `${field} is given ${query.getAll(key).length} times; it takes one value.`,
        { field },
      );
    }
    out[key] = key === 'limit' && /^-?\d+$/.test(value) ? Number(value) : value;
  }
  for (const key of lists) if (query.has(key)) out[key] = query.getAll(key);
  return out;
}

/** The apex domain of an input, or a 400 on `field`. */
export function apexDomain(field: string, input: string): string {
  const result = checkDomain(input);
  if (result.ok) return result.domain;
  throw new MockApiError('invalid_request', `${field} ${result.reason}.`, { field });
}

/** Normalises a list of domains, naming every bad one (`domains[3]`), and de-duplicates in order. */
export function apexDomains(field: string, inputs: readonly string[]): string[] {
  const result = checkDomains(field, inputs);
  if (result.ok) return result.domains;
  throw invalidFields(
    result.issues.map((issue) => ({ ...issue, message: `${issue.field} ${issue.message}` })),
  );
}
