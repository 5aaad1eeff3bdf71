/** `POST /people/score`. */
import { PersonScoreParamsSchema } from '../../../src/schemas/params.ts';
import { invalidRequest } from '../../kernel/errors.ts';
import { route } from '../../pipeline/route.ts';
import { isJsonObject } from '../../pipeline/validation.ts';
import { scorePerson } from './model.ts';

/** Exactly one of `email` or `linkedin_url`: said plainly, rather than as a schema union's error. */
function exactlyOneIdentifier(raw: unknown): void {
  if (!isJsonObject(raw)) return; // the schema explains
  const hasEmail = 'email' in raw;
  const hasLinkedin = 'linkedin_url' in raw;
  if (hasEmail && hasLinkedin) {
    throw invalidRequest('email', 'Pass exactly one of email or linkedin_url, not both.');
  }
  if (!hasEmail && !hasLinkedin) {
    throw invalidRequest('email', 'email or linkedin_url is required (pass exactly one of them).');
  }
}

export const peopleRoutes = [
  route({
    method: 'POST',
    path: '/people/score',
    operation: 'scorePerson',
    bucket: 'score',
    body: PersonScoreParamsSchema,
    precheck: exactlyOneIdentifier,
    handler: (_request, { ctx, space, body, json }) => {
      const person = scorePerson(ctx, space, {
        ...('email' in body ? { email: body.email } : { linkedinUrl: body.linkedin_url }),
        ...(body.role_hint === undefined ? {} : { roleHint: body.role_hint }),
      });
      return json(200, person);
    },
  }),
];
