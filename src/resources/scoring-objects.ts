/**
 * The objects scoring profiles score, as parameters: a company's domain is normalised to its apex
 * before it is sent (like every domain the SDK sends); a contact's LinkedIn profile URL is sent as
 * it is, and the API normalises it.
 */
import { apexDomain, apexDomains, apexDomainsInOrder } from '../core/domains.ts';
import type { components } from '../generated/openapi.ts';

type ObjectType = components['schemas']['ScoringObjectType'];

/** One object ID as the API expects it. */
export async function objectIdParam(
  objectType: ObjectType,
  field: string,
  input: string,
): Promise<string> {
  return objectType === 'company' ? apexDomain(field, input) : input;
}

/** Object IDs as the API expects them: companies normalised and each sent once. */
export async function objectIdsParam(
  objectType: ObjectType,
  field: string,
  inputs: readonly string[],
): Promise<string[]> {
  return objectType === 'company' ? apexDomains(field, inputs) : [...inputs];
}

/**
 * Object IDs as the API expects them, in order with their repeats, for a request whose answer
 * counts the repeats (`skipped` of `assignments.createMany`): companies normalised.
 */
export async function objectIdsInOrderParam(
  objectType: ObjectType,
  field: string,
  inputs: readonly string[],
): Promise<string[]> {
  return objectType === 'company' ? apexDomainsInOrder(field, inputs) : [...inputs];
}
