/**
 * Compile-time proof that the zod schemas of the parameters and the types generated from
 * `openapi.yaml` describe the same shapes. `tsc` (the `typecheck` script) fails on any drift: a
 * field added, removed, renamed, made optional or given another type on one side only. The
 * runtime tests below check that the examples published in `openapi.yaml` keep its own schemas
 * (responses and events, with the contract validator) and the parameter schemas (request bodies).
 * Responses are typed, not validated, so the SDK holds no runtime schema of them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type * as z from 'zod/mini';
import type { components, operations } from '../../src/generated/openapi.ts';
import * as params from '../../src/schemas/params.ts';
import { createContractValidator } from '../contract/validator.ts';
import { REFERENCE_SCORE } from '../support/reference-score.ts';

type Schemas = components['schemas'];

/** Flattens intersections (from `allOf`) so that equal shapes compare equal. */
type Flat<T> = T extends readonly (infer U)[]
  ? Flat<U>[]
  : T extends object
    ? { [K in keyof T]: Flat<T[K]> }
    : T;
type Same<A, B> =
  (<G>() => G extends Flat<A> ? 1 : 2) extends <G>() => G extends Flat<B> ? 1 : 2 ? true : false;
/** Fails to compile unless `T` is `true`. */
function assertSame<T extends true>(_proof?: T): void {}

type In<S extends z.ZodMiniType> = z.input<S>;

// Request bodies (what callers send)
assertSame<Same<In<typeof params.ScoreCreateParamsSchema>, Schemas['ScoreCreateParams']>>();
assertSame<Same<In<typeof params.BulkJobCreateParamsSchema>, Schemas['BulkJobCreateParams']>>();
assertSame<Same<In<typeof params.PersonScoreParamsSchema>, Schemas['PersonScoreParams']>>();
assertSame<
  Same<In<typeof params.IntentSearchCreateParamsSchema>, Schemas['IntentSearchCreateParams']>
>();
assertSame<Same<In<typeof params.WatchlistCreateParamsSchema>, Schemas['WatchlistCreateParams']>>();
assertSame<Same<In<typeof params.WatchlistUpdateParamsSchema>, Schemas['WatchlistUpdateParams']>>();
assertSame<
  Same<In<typeof params.WatchlistAccountsParamsSchema>, Schemas['WatchlistAccountsParams']>
>();
assertSame<
  Same<In<typeof params.WebhookEndpointCreateParamsSchema>, Schemas['WebhookEndpointCreateParams']>
>();
assertSame<
  Same<
    In<typeof params.ListParamsSchema>,
    NonNullable<operations['listWatchlists']['parameters']['query']>
  >
>();
assertSame<
  Same<
    In<typeof params.EventListParamsSchema>,
    NonNullable<operations['listEvents']['parameters']['query']>
  >
>();

assertSame<
  Same<
    In<typeof params.ListParamsSchema>,
    NonNullable<operations['listIntentSearches']['parameters']['query']>
  >
>();
assertSame<
  Same<
    In<typeof params.ListParamsSchema>,
    NonNullable<operations['listIntentSearchResults']['parameters']['query']>
  >
>();
assertSame<
  Same<
    In<typeof params.BulkJobResultsParamsSchema>,
    NonNullable<operations['listBulkJobResults']['parameters']['query']>
  >
>();
assertSame<
  Same<
    In<typeof params.WatchlistAccountListParamsSchema>,
    NonNullable<operations['listWatchlistAccounts']['parameters']['query']>
  >
>();
assertSame<
  Same<
    In<typeof params.PriorityAccountListParamsSchema>,
    NonNullable<operations['listPriorityAccounts']['parameters']['query']>
  >
>();
assertSame<
  Same<In<typeof params.BulkJobCsvParamsSchema>, Omit<Schemas['BulkJobCsvCreateParams'], 'file'>>
>();
assertSame<Same<In<typeof params.OutcomeCreateParamsSchema>, Schemas['OutcomeCreateParams']>>();
assertSame<Same<In<typeof params.OutcomeUpdateParamsSchema>, Schemas['OutcomeUpdateParams']>>();
assertSame<
  Same<
    In<typeof params.OutcomeListParamsSchema>,
    NonNullable<operations['listOutcomes']['parameters']['query']>
  >
>();
assertSame<Same<In<typeof params.PipelineReportParamsSchema>, Schemas['PipelineReportParams']>>();
assertSame<
  Same<
    In<typeof params.PipelineReportParamsSchema>,
    NonNullable<operations['retrievePipelineReport']['parameters']['query']>
  >
>();
assertSame<
  Same<
    In<typeof params.AggregateSignalsParamsSchema>,
    NonNullable<operations['retrieveAggregateSignals']['parameters']['query']>
  >
>();
assertSame<Same<In<typeof params.FitParamsSchema>, Schemas['FitParams']>>();

assertSame<
  Same<In<typeof params.ScoringProfileCreateParamsSchema>, Schemas['ScoringProfileCreateParams']>
>();
assertSame<
  Same<In<typeof params.ScoringProfileUpdateParamsSchema>, Schemas['ScoringProfileUpdateParams']>
>();
assertSame<Same<In<typeof params.ScoringBooleanPointsSchema>, Schemas['ScoringBooleanPoints']>>();
assertSame<Same<In<typeof params.ScoringRangeSchema>, Schemas['ScoringRange']>>();
assertSame<Same<In<typeof params.ScoringRangePointsSchema>, Schemas['ScoringRangePoints']>>();
assertSame<Same<In<typeof params.ScoringListPointsSchema>, Schemas['ScoringListPoints']>>();
assertSame<Same<In<typeof params.ScoringPointsSchema>, Schemas['ScoringPoints']>>();
assertSame<
  Same<In<typeof params.ScoringRuleUpsertParamsSchema>, Schemas['ScoringRuleUpsertParams']>
>();
assertSame<
  Same<
    In<typeof params.ScoringAssignmentCreateParamsSchema>,
    Schemas['ScoringAssignmentCreateParams']
  >
>();
assertSame<
  Same<In<typeof params.ScoringAssignmentBulkParamsSchema>, Schemas['ScoringAssignmentBulkParams']>
>();
assertSame<Same<In<typeof params.ScoringComputeParamsSchema>, Schemas['ScoringComputeParams']>>();
assertSame<
  Same<
    In<typeof params.ScoringAttributeListParamsSchema>,
    NonNullable<operations['listScoringAttributes']['parameters']['query']>
  >
>();
assertSame<
  Same<
    In<typeof params.ScoringAttributeValuesParamsSchema>,
    NonNullable<operations['retrieveScoringAttributeValues']['parameters']['query']>
  >
>();
assertSame<
  Same<
    In<typeof params.ScoringProfileListParamsSchema>,
    NonNullable<operations['listScoringProfiles']['parameters']['query']>
  >
>();
assertSame<
  Same<
    In<typeof params.ScoringAssignmentListParamsSchema>,
    NonNullable<operations['listScoringAssignments']['parameters']['query']>
  >
>();
assertSame<
  Same<
    In<typeof params.ScoringScoresQuerySchema>,
    NonNullable<operations['listScoringScores']['parameters']['query']>
  >
>();

// The proof itself is a test: a type that cannot differ must not compile as different.
// @ts-expect-error the parameters of a person are not those of a score
assertSame<Same<In<typeof params.PersonScoreParamsSchema>, Schemas['ScoreCreateParams']>>();

interface OpenApiDocument {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, Example> } }>>;
  components: { responses: Record<string, { content: Record<string, Example> }> };
  webhooks: Record<string, { post: { requestBody: { content: Record<string, Example> } } }>;
}
interface Example {
  example?: unknown;
  schema?: { $ref?: string };
}

const spec = parseYaml(readFileSync(new URL('../../openapi.yaml', import.meta.url), 'utf8'));
const doc = spec as OpenApiDocument;

const contract = createContractValidator();

describe('the examples in openapi.yaml keep its schemas', () => {
  it('the Score example of POST /score is a Score, the reference one', () => {
    const example = (
      spec.paths['/score'].post.responses['200'].content['application/json'] as Example
    ).example;
    expect(contract.checkSchema('Score', example)).toEqual([]);
    expect(example).toEqual(REFERENCE_SCORE);
  });

  it('every error example is the error response it declares (an ErrorResponse or an extension)', () => {
    for (const [name, response] of Object.entries(doc.components.responses)) {
      const json = response.content['application/json'];
      const schema = json?.schema?.$ref?.replace('#/components/schemas/', '') ?? '';
      expect(schema, name).toMatch(/ErrorResponse$/);
      expect(contract.checkSchema(schema, json?.example), name).toEqual([]);
    }
  });

  it('every webhook example is an Event', () => {
    let checked = 0;
    for (const [name, hook] of Object.entries(doc.webhooks)) {
      const example = hook.post.requestBody.content['application/json']?.example;
      if (example === undefined) continue;
      expect(contract.checkSchema('Event', example), name).toEqual([]);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('the contract validator refuses what breaks a schema', () => {
    expect(contract.checkSchema('Score', { ...REFERENCE_SCORE, score: '94' })).not.toEqual([]);
    expect(contract.checkSchema('Event', { id: 'evt_1' })).not.toEqual([]);
  });

  it('parses every request body example', () => {
    const byPath: Record<string, z.ZodMiniType> = {
      'post /score': params.ScoreCreateParamsSchema,
      'post /score/bulk': params.BulkJobCreateParamsSchema,
      'post /people/score': params.PersonScoreParamsSchema,
      'post /intent/searches': params.IntentSearchCreateParamsSchema,
      'post /watchlists': params.WatchlistCreateParamsSchema,
      'patch /watchlists/{id}': params.WatchlistUpdateParamsSchema,
      'put /watchlists/{id}/accounts': params.WatchlistAccountsParamsSchema,
      'delete /watchlists/{id}/accounts': params.WatchlistAccountsParamsSchema,
      'post /webhook_endpoints': params.WebhookEndpointCreateParamsSchema,
      'post /scoring/profiles': params.ScoringProfileCreateParamsSchema,
      'patch /scoring/profiles/{id}': params.ScoringProfileUpdateParamsSchema,
      'put /scoring/profiles/{id}/rules': params.ScoringRuleUpsertParamsSchema,
      'post /scoring/assignments': params.ScoringAssignmentCreateParamsSchema,
      'post /scoring/assignments/bulk': params.ScoringAssignmentBulkParamsSchema,
      'post /scoring/compute': params.ScoringComputeParamsSchema,
      'post /outcomes': params.OutcomeCreateParamsSchema,
      'patch /outcomes/{id}': params.OutcomeUpdateParamsSchema,
      'post /reports/pipeline': params.PipelineReportParamsSchema,
      'post /fit': params.FitParamsSchema,
    };
    let checked = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const example = operation.requestBody?.content['application/json']?.example;
        if (example === undefined) continue;
        const schema = byPath[`${method} ${path}`];
        expect(schema, `${method} ${path} has a schema`).toBeDefined();
        expect(schema?.safeParse(example).success, `${method} ${path}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBe(Object.keys(byPath).length);
  });

  it('refuses repeated values where openapi.yaml says uniqueItems', () => {
    expect(
      params.ScoreCreateParamsSchema.safeParse({
        domain: 'stripe.com',
        include: ['history', 'history'],
      }).success,
    ).toBe(false);
    expect(
      params.WebhookEndpointCreateParamsSchema.safeParse({
        url: 'https://example.com/hooks',
        events: ['signal.spike', 'signal.spike'],
      }).success,
    ).toBe(false);
  });

  it('refuses unknown fields in request bodies', () => {
    const result = params.ScoreCreateParamsSchema.safeParse({ domain: 'stripe.com', domian: 'x' });
    expect(result.success).toBe(false);
  });
});
