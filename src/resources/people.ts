import type { APIPromise } from '../core/api-promise.ts';
import type { RequestOptions } from '../core/options.ts';
import { APIResource, type WithMode } from '../core/resource.ts';
import { fail, parseParams } from '../core/validate.ts';
import type { components } from '../generated/openapi.ts';
import { PersonScoreParamsSchema } from '../schemas/params.ts';

type Schemas = components['schemas'];

/** A resolved person, with their company's intent score. */
export type Person = Schemas['Person'];
/** `ic`, `manager`, `director`, `vp` or `c_level`. */
export type Seniority = Schemas['Seniority'];
/** Exactly one of `email` or `linkedin_url`, and an optional `role_hint`. */
export type PersonScoreParams = Schemas['PersonScoreParams'];

function checkOneIdentity(params: unknown): void {
  const given = typeof params === 'object' && params !== null ? params : {};
  const email = 'email' in given && given.email !== undefined;
  const linkedin = 'linkedin_url' in given && given.linkedin_url !== undefined;
  if (email && linkedin) {
    fail([
      {
        field: 'linkedin_url',
        message: 'cannot be given with email: pass exactly one of email or linkedin_url',
      },
    ]);
  }
  if (!email && !linkedin) {
    fail([{ field: 'email', message: 'is required: pass exactly one of email or linkedin_url' }]);
  }
}

function checkLinkedInProfile(url: string): void {
  if (!new URL(url).pathname.includes('/in/')) {
    fail([
      {
        field: 'linkedin_url',
        message:
          'must be a LinkedIn profile URL containing /in/, such as https://www.linkedin.com/in/jane-doe',
      },
    ]);
  }
}

/** Score the person behind a work email or a LinkedIn profile. */
export class PeopleResource extends APIResource {
  /**
   * Resolves a person and returns them with their company's intent score. Costs one credit.
   * @example const person = await iiq.people.score({ email: 'jane.doe@stripe.com', role_hint: 'RevOps' });
   */
  score(params: PersonScoreParams, options?: RequestOptions): APIPromise<WithMode<Person>> {
    return this.call(() => {
      checkOneIdentity(params);
      const body = parseParams(PersonScoreParamsSchema, params);
      if ('linkedin_url' in body) checkLinkedInProfile(body.linkedin_url);
      return { operation: 'people.score', method: 'POST', path: '/people/score', body };
    }, options);
  }
}
