/**
 * The objects scoring profiles score, as the API names them: a company by its apex domain, a
 * contact by its LinkedIn profile URL in one canonical form, `https://www.linkedin.com/in/<slug>`
 * (the slug lower-cased, as LinkedIn treats it). Inputs in other forms are normalised here; what
 * cannot be read is a `400` on the field that holds it.
 */
import { checkDomain } from '../../../src/domain.ts';
import type { FieldError } from '../../kernel/errors.ts';
import { invalidFields } from '../../pipeline/validation.ts';
import type { ObjectType } from './records.ts';

const PROFILE_PATH = /^\/in\/([^/]+)\/?$/;

/** `linkedin.com/in/Jane-Doe/?trk=x` -> `https://www.linkedin.com/in/jane-doe`; else undefined. */
export function linkedinProfileUrl(input: string): string | undefined {
  const text = input.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (!/^([a-z0-9-]+\.)*linkedin\.com$/i.test(url.hostname)) return undefined;
  const slug = PROFILE_PATH.exec(url.pathname)?.[1];
  if (slug === undefined) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(slug).trim().toLowerCase();
  } catch {
    return undefined;
  }
  if (decoded === '' || decoded.length > 200) return undefined;
  return `https://www.linkedin.com/in/${encodeURIComponent(decoded)}`;
}

function problem(objectType: ObjectType, input: string, field: string): FieldError | string {
  if (objectType === 'company') {
    const result = checkDomain(input);
    return result.ok ? result.domain : { field, message: `${field} ${result.reason}` };
  }
  return (
    linkedinProfileUrl(input) ?? {
      field,
      message: `${field} must be a LinkedIn profile URL such as https://www.linkedin.com/in/jane-doe`,
    }
  );
}

/** One object ID in its canonical form, or a `400` on `field`. */
export function objectIdOf(objectType: ObjectType, input: string, field: string): string {
  const out = problem(objectType, input, field);
  if (typeof out === 'string') return out;
  throw invalidFields([out]);
}

/** Object IDs in canonical form, in order (repeats kept); every bad one is named (`object_ids[3]`). */
export function objectIdsOf(
  objectType: ObjectType,
  inputs: readonly string[],
  field: string,
): string[] {
  const ids: string[] = [];
  const errors: FieldError[] = [];
  inputs.forEach((input, index) => {
    const out = problem(objectType, input, `${field}[${index}]`);
    if (typeof out === 'string') ids.push(out);
    else errors.push(out);
  });
  if (errors.length > 0) throw invalidFields(errors);
  return ids;
}
