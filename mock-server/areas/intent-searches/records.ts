/** The shape of the intent searches a space keeps, shared by the model and the wire format. */
import type { components } from '../../../src/generated/openapi.ts';
import type { Job } from '../../kernel/jobs.ts';

type Schemas = components['schemas'];
export type WireIntentSearch = Schemas['IntentSearch'];
export type WireIntentPerson = Schemas['IntentPerson'];
export type Seniority = Schemas['Seniority'];

export interface IntentSearchRecord {
  readonly id: string;
  readonly interestDomain: string;
  readonly icpDomain: string;
  readonly maxResults: number;
  readonly lite: boolean;
  readonly tag: string | null;
  readonly webhookUrl: string | null;
  /** Its lifecycle on the mock clock: status, start, end, failure. */
  readonly job: Job;
  /** How many people it finds (known on submission: the ranking is a pure function). */
  readonly found: number;
  /** Credits taken when it completed (0 before, on failure and in test mode). */
  creditsCharged: number;
}
