/**
 * `Authorization: Bearer <key>`. A missing, malformed, unknown or revoked key is `401`, with a
 * message that says which, and never the key itself.
 */
import { MockApiError } from '../kernel/errors.ts';
import { sha256Hex } from '../kernel/sha256.ts';
import { isKeyFormat } from '../tenancy/keys.ts';
import type { Tenants } from '../tenancy/tenants.ts';
import type { Space } from '../tenancy/workspace.ts';

function unauthorized(message: string): MockApiError {
  return new MockApiError('unauthorized', message);
}

/** The bearer token of a request, if it has one. */
export function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  // Exactly "Bearer <key>": keys are compared exactly, so trailing whitespace is not trimmed.
  const match = /^Bearer ([^\s]+)$/i.exec(header);
  return match?.[1];
}

/** The space a request's key opens; throws `401` otherwise. */
export function authenticate(tenants: Tenants, header: string | undefined): Space {
  if (header === undefined || header.trim() === '') {
    throw unauthorized(
      'No API key was sent. Pass it as "Authorization: Bearer <key>"; test keys start with iiq_test_.',
    );
  }
  const key = bearerToken(header);
  if (key === undefined) {
    throw unauthorized(
      'The Authorization header must be "Bearer <key>": one space after Bearer, and nothing before or after the key (keys are compared exactly).',
    );
  }
  if (!isKeyFormat(key)) {
    throw unauthorized(
      'The API key is malformed: keys are iiq_test_ or iiq_live_ followed by 32 or more letters and digits.',
    );
  }
  const space = tenants.authenticate(sha256Hex(key));
  if (space === undefined) {
    throw unauthorized(
      'The API key is not valid: it was revoked or never existed. Create a new key and deploy it.',
    );
  }
  return space;
}
