/**
 * Every limit is written once, in `openapi.yaml`: this walks each request body and query of the
 * spec, and proves that the hand-written schema of `src/schemas/params.ts` enforces exactly the
 * spec's constraints. For each field: a value at each limit passes and one past it fails
 * (`minLength`, `maxLength`, `minItems`, `maxItems`, `minimum`, `maximum`, `enum`, `format`,
 * `uniqueItems`, `required`, `additionalProperties: false`, `maxProperties`, `propertyNames`, and
 * each form of a `oneOf`), and where the spec sets no limit,
 * a value far beyond any plausible one passes, so the schema adds none of its own.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type * as z from 'zod/mini';
import { ValidationError } from '../../src/index.ts';
import * as params from '../../src/schemas/params.ts';
import { clientWith, ok } from '../core/helpers.ts';

interface Schema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  minProperties?: number;
  maxProperties?: number;
  propertyNames?: Schema;
  oneOf?: Schema[];
  examples?: unknown[];
}
interface Parameter {
  $ref?: string;
  name: string;
  in: string;
  required?: boolean;
  schema: Schema;
}

const spec = parseYaml(readFileSync(new URL('../../openapi.yaml', import.meta.url), 'utf8'));

function deref<T extends { $ref?: string }>(node: T): T {
  if (!node.$ref) return node;
  const target = node.$ref
    .replace(/^#\//, '')
    .split('/')
    .reduce((value: Record<string, unknown>, key) => value[key] as Record<string, unknown>, spec);
  return deref(target as T);
}

/** The object schema of a query: one property per query parameter. */
function querySchema(method: string, path: string): Schema {
  const operation = spec.paths[path][method];
  const query = ((operation.parameters ?? []) as Parameter[])
    .map(deref)
    .filter((p) => p.in === 'query');
  return {
    type: 'object',
    additionalProperties: false,
    required: query.filter((p) => p.required).map((p) => p.name),
    properties: Object.fromEntries(query.map((p) => [p.name, p.schema])),
  };
}

function bodySchema(method: string, path: string): Schema {
  return deref(spec.paths[path][method].requestBody.content['application/json'].schema);
}

/** The form fields of a `multipart/form-data` body, beside its file part (sent apart by the SDK). */
function formFieldsSchema(method: string, path: string, file: string): Schema {
  const form = deref<Schema>(
    spec.paths[path][method].requestBody.content['multipart/form-data'].schema,
  );
  const { [file]: _, ...properties } = form.properties ?? {};
  return {
    ...form,
    properties,
    required: (form.required ?? []).filter((name) => name !== file),
  };
}

function componentSchema(name: string): Schema {
  return spec.components.schemas[name];
}

/** Which hand-written schema checks which part of the spec. */
const checked: [string, Schema, z.ZodMiniType][] = [
  ['POST /score body', bodySchema('post', '/score'), params.ScoreCreateParamsSchema],
  ['POST /score/bulk body', bodySchema('post', '/score/bulk'), params.BulkJobCreateParamsSchema],
  [
    'POST /score/bulk CSV form fields',
    formFieldsSchema('post', '/score/bulk', 'file'),
    params.BulkJobCsvParamsSchema,
  ],
  [
    'GET /prioritize query',
    querySchema('get', '/prioritize'),
    params.PriorityAccountListParamsSchema,
  ],
  ['POST /people/score body', bodySchema('post', '/people/score'), params.PersonScoreParamsSchema],
  [
    'POST /intent/searches body',
    bodySchema('post', '/intent/searches'),
    params.IntentSearchCreateParamsSchema,
  ],
  ['GET /intent/searches query', querySchema('get', '/intent/searches'), params.ListParamsSchema],
  [
    'GET /intent/searches/{id}/results query',
    querySchema('get', '/intent/searches/{id}/results'),
    params.ListParamsSchema,
  ],
  ['POST /watchlists body', bodySchema('post', '/watchlists'), params.WatchlistCreateParamsSchema],
  [
    'PATCH /watchlists/{id} body',
    bodySchema('patch', '/watchlists/{id}'),
    params.WatchlistUpdateParamsSchema,
  ],
  [
    'PUT /watchlists/{id}/accounts body',
    bodySchema('put', '/watchlists/{id}/accounts'),
    params.WatchlistAccountsParamsSchema,
  ],
  [
    'DELETE /watchlists/{id}/accounts body',
    bodySchema('delete', '/watchlists/{id}/accounts'),
    params.WatchlistAccountsParamsSchema,
  ],
  [
    'POST /webhook_endpoints body',
    bodySchema('post', '/webhook_endpoints'),
    params.WebhookEndpointCreateParamsSchema,
  ],
  ['GET /watchlists query', querySchema('get', '/watchlists'), params.ListParamsSchema],
  [
    'GET /watchlists/{id}/accounts query',
    querySchema('get', '/watchlists/{id}/accounts'),
    params.WatchlistAccountListParamsSchema,
  ],
  [
    'GET /webhook_endpoints query',
    querySchema('get', '/webhook_endpoints'),
    params.ListParamsSchema,
  ],
  ['GET /events query', querySchema('get', '/events'), params.EventListParamsSchema],
  ['POST /outcomes body', bodySchema('post', '/outcomes'), params.OutcomeCreateParamsSchema],
  [
    'PATCH /outcomes/{id} body',
    bodySchema('patch', '/outcomes/{id}'),
    params.OutcomeUpdateParamsSchema,
  ],
  ['GET /outcomes query', querySchema('get', '/outcomes'), params.OutcomeListParamsSchema],
  [
    'GET /reports/pipeline query',
    querySchema('get', '/reports/pipeline'),
    params.PipelineReportParamsSchema,
  ],
  [
    'POST /reports/pipeline body',
    bodySchema('post', '/reports/pipeline'),
    params.PipelineReportParamsSchema,
  ],
  [
    'GET /signals/aggregate query',
    querySchema('get', '/signals/aggregate'),
    params.AggregateSignalsParamsSchema,
  ],
  ['POST /fit body', bodySchema('post', '/fit'), params.FitParamsSchema],
  [
    'GET /score/bulk/{id}/results query',
    querySchema('get', '/score/bulk/{id}/results'),
    params.BulkJobResultsParamsSchema,
  ],
  [
    'POST /scoring/profiles body',
    bodySchema('post', '/scoring/profiles'),
    params.ScoringProfileCreateParamsSchema,
  ],
  [
    'PATCH /scoring/profiles/{id} body',
    bodySchema('patch', '/scoring/profiles/{id}'),
    params.ScoringProfileUpdateParamsSchema,
  ],
  [
    'PUT /scoring/profiles/{id}/rules body',
    bodySchema('put', '/scoring/profiles/{id}/rules'),
    params.ScoringRuleUpsertParamsSchema,
  ],
  [
    'ScoringBooleanPoints',
    componentSchema('ScoringBooleanPoints'),
    params.ScoringBooleanPointsSchema,
  ],
  ['ScoringRange', componentSchema('ScoringRange'), params.ScoringRangeSchema],
  ['ScoringRangePoints', componentSchema('ScoringRangePoints'), params.ScoringRangePointsSchema],
  ['ScoringListPoints', componentSchema('ScoringListPoints'), params.ScoringListPointsSchema],
  [
    'POST /scoring/assignments body',
    bodySchema('post', '/scoring/assignments'),
    params.ScoringAssignmentCreateParamsSchema,
  ],
  [
    'POST /scoring/assignments/bulk body',
    bodySchema('post', '/scoring/assignments/bulk'),
    params.ScoringAssignmentBulkParamsSchema,
  ],
  [
    'POST /scoring/compute body',
    bodySchema('post', '/scoring/compute'),
    params.ScoringComputeParamsSchema,
  ],
  [
    'GET /scoring/attributes query',
    querySchema('get', '/scoring/attributes'),
    params.ScoringAttributeListParamsSchema,
  ],
  [
    'GET /scoring/attributes/values query',
    querySchema('get', '/scoring/attributes/values'),
    params.ScoringAttributeValuesParamsSchema,
  ],
  [
    'GET /scoring/profiles query',
    querySchema('get', '/scoring/profiles'),
    params.ScoringProfileListParamsSchema,
  ],
  [
    'GET /scoring/profiles/{id}/rules query',
    querySchema('get', '/scoring/profiles/{id}/rules'),
    params.ListParamsSchema,
  ],
  [
    'GET /scoring/assignments query',
    querySchema('get', '/scoring/assignments'),
    params.ScoringAssignmentListParamsSchema,
  ],
  [
    'GET /scoring/scores query',
    querySchema('get', '/scoring/scores'),
    params.ScoringScoresQuerySchema,
  ],
];

/** The type of a schema, `null` aside (`[number, "null"]` is a number that may be null). */
function typeOf(schema: Schema): string | undefined {
  return Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
}

function nullable(schema: Schema): boolean {
  return Array.isArray(schema.type) && schema.type.includes('null');
}

/** A map schema: an object whose values all follow `additionalProperties`. */
function mapValues(schema: Schema): Schema | undefined {
  return typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
}

/** A string of exactly `length` characters that is valid for `schema` apart from its length. */
function stringOfLength(schema: Schema, length: number): string {
  if (schema.format === 'date-time') {
    const head = '2026-05-28T14:02:11';
    return length <= head.length + 1 ? `${head}Z` : `${head}.${'0'.repeat(length - 21)}Z`;
  }
  if (schema.format === 'uri') {
    const head = 'https://example.com/';
    return head + 'a'.repeat(Math.max(0, length - head.length));
  }
  if (schema.format === 'email') {
    const local = 'a'.repeat(Math.min(64, length - 6));
    let domain = '';
    let left = length - local.length - 1 - '.com'.length;
    while (left > 0) {
      const label = Math.min(63, left - (domain === '' ? 0 : 1));
      domain += `${domain === '' ? '' : '.'}${'b'.repeat(Math.max(1, label))}`;
      left = length - local.length - 1 - '.com'.length - domain.length;
    }
    return `${local}@${domain}.com`;
  }
  return 'a'.repeat(length);
}

/** A valid value for `schema`. */
function valid(node: Schema): unknown {
  const schema = deref(node);
  if (schema.enum) return schema.enum[0];
  if (schema.oneOf) return valid(schema.oneOf[0] ?? {});
  if (schema.pattern) return schema.examples?.[0];
  switch (typeOf(schema)) {
    case 'boolean':
      return true;
    case 'integer':
      return schema.minimum ?? 1;
    case 'number':
      return Math.min(Math.max(0, schema.minimum ?? 0), schema.maximum ?? 0);
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 0) }, (_, index) =>
        item(schema, index),
      );
    case 'object':
      return Object.fromEntries(
        (schema.required ?? []).map((name) => [name, valid(schema.properties?.[name] ?? {})]),
      );
    default:
      return stringOfLength(schema, Math.max(schema.minLength ?? 1, schema.format ? 30 : 1));
  }
}

/** The `index`th distinct valid item of an array schema. */
function item(array: Schema, index: number): unknown {
  const items = deref(array.items ?? {});
  if (items.enum) return items.enum[index % items.enum.length];
  if (items.type === 'string' && !items.format) return `item${index}.example`;
  return valid(items);
}

/** One probe: the value at `field` of a valid body, and whether the spec accepts it. */
interface Probe {
  what: string;
  value: unknown;
  accepted: boolean;
}

/** Every probe the spec implies for one field. */
function probes(node: Schema, required: boolean): Probe[] {
  const schema = deref(node);
  const list: Probe[] = [];
  const add = (what: string, value: unknown, accepted: boolean) =>
    list.push({ what, value, accepted });
  add(required ? 'left out (required)' : 'left out (optional)', undefined, !required);
  if (schema.oneOf) {
    for (const [index, form] of schema.oneOf.entries()) {
      add(`a valid value of form ${index + 1}`, valid(form), true);
    }
    add('a string', 'not an object', false);
    return list;
  }
  if (nullable(schema)) add('null', null, true);
  if (schema.enum) {
    for (const value of schema.enum) add(`enum value ${String(value)}`, value, true);
    add('a value not in the enum', 'not-one-of-them', false);
    return list;
  }
  switch (typeOf(schema)) {
    case 'number':
    case 'integer': {
      add('a fraction', 1.5, typeOf(schema) === 'number');
      add('a string', '1', false);
      if (schema.minimum !== undefined) {
        add(`minimum ${schema.minimum}`, schema.minimum, true);
        add(`below minimum ${schema.minimum}`, schema.minimum - 1, false);
      } else add('a large negative number', -1_000_000, true);
      if (schema.maximum !== undefined) {
        add(`maximum ${schema.maximum}`, schema.maximum, true);
        add(`above maximum ${schema.maximum}`, schema.maximum + 1, false);
      } else add('a large number', 1_000_000, true);
      return list;
    }
    case 'array': {
      const many = (count: number) =>
        Array.from({ length: count }, (_, index) => item(schema, index));
      const distinct = deref(schema.items ?? {}).enum?.length ?? Number.POSITIVE_INFINITY;
      if (schema.minItems !== undefined && schema.minItems > 0) {
        add(`minItems ${schema.minItems}`, many(schema.minItems), true);
        add(`below minItems ${schema.minItems}`, many(schema.minItems - 1), false);
      } else add('empty', [], true);
      if (schema.maxItems !== undefined) {
        add(`maxItems ${schema.maxItems}`, many(schema.maxItems), true);
        add(`above maxItems ${schema.maxItems}`, many(schema.maxItems + 1), false);
      } else if (Number.isFinite(distinct)) {
        add('every distinct value', many(distinct), true);
      } else add('20,000 items', many(20_000), true);
      const first = item(schema, 0);
      add('a repeated item', [first, first], !schema.uniqueItems);
      return list;
    }
    case 'boolean':
      add('true', true, true);
      add('a string', 'true', false);
      return list;
    case 'object': {
      add('a string', 'not an object', false);
      const values = mapValues(schema);
      if (values === undefined) {
        add('a valid object', valid(schema), true);
        return list;
      }
      const entries = (count: number) =>
        Object.fromEntries(
          Array.from({ length: count }, (_, index) => [`key${index}`, valid(values)]),
        );
      add('empty', {}, (schema.minProperties ?? 0) === 0);
      if (schema.maxProperties !== undefined) {
        add(`maxProperties ${schema.maxProperties}`, entries(schema.maxProperties), true);
        add(
          `above maxProperties ${schema.maxProperties}`,
          entries(schema.maxProperties + 1),
          false,
        );
      } else add('5,000 entries', entries(5_000), true);
      const names = schema.propertyNames ?? {};
      if ((names.minLength ?? 0) > 0) add('an empty name', { '': valid(values) }, false);
      if (names.maxLength !== undefined) {
        add(`a name of ${names.maxLength}`, { ['k'.repeat(names.maxLength)]: valid(values) }, true);
        add(
          `a name over ${names.maxLength}`,
          { ['k'.repeat(names.maxLength + 1)]: valid(values) },
          false,
        );
      }
      for (const probe of probes(values, true)) {
        if (probe.value === undefined) continue;
        add(`a value: ${probe.what}`, { key: probe.value }, probe.accepted);
      }
      return list;
    }
    default: {
      const min = schema.minLength ?? 0;
      if (schema.pattern) {
        // The spec's own pattern says which probes it accepts.
        const pattern = new RegExp(schema.pattern);
        const example = schema.examples?.[0];
        if (typeof example !== 'string') throw new Error(`${schema.pattern} needs an example`);
        for (const [what, value] of [
          [`its example ${example}`, example],
          ['its example and one more character', `${example}x`],
          ['one character and its example', `x${example}`],
          ['its example without its first character', example.slice(1)],
          ['empty', ''],
          ['50,000 characters', 'a'.repeat(50_000)],
        ] as const) {
          add(what, value, pattern.test(value));
        }
        return list;
      }
      if (schema.format === 'date-time') {
        add('an RFC 3339 date-time', '2026-05-28T14:02:11Z', true);
        add('a date-time with an offset', '2026-05-28T16:02:11+02:00', true);
        add('a date-time without a time zone', '2026-05-28T14:02:11', false);
        add('not a date-time', 'yesterday', false);
      } else if (schema.format === 'uri') {
        add('an http URL', 'http://example.com/hooks', true);
        add('not a URL', 'not a url', false);
        add('an ftp URL', 'ftp://example.com/hooks', false);
      } else if (schema.format === 'email') {
        add('not an email', 'jane.doe', false);
      } else if (min > 0) {
        add(`minLength ${min}`, stringOfLength(schema, min), true);
        add(`below minLength ${min}`, stringOfLength(schema, min - 1), false);
      } else add('empty', '', true);
      if (schema.maxLength !== undefined) {
        add(`maxLength ${schema.maxLength}`, stringOfLength(schema, schema.maxLength), true);
        add(
          `above maxLength ${schema.maxLength}`,
          stringOfLength(schema, schema.maxLength + 1),
          false,
        );
      } else if (!schema.format) add('50,000 characters', stringOfLength(schema, 50_000), true);
      return list;
    }
  }
}

/** Each object form of a schema (a `oneOf` has several). */
function forms(schema: Schema): Schema[] {
  return schema.oneOf ? schema.oneOf.map(deref) : [schema];
}

describe.each(checked)('%s', (_, schema, zodSchema) => {
  for (const form of forms(schema)) {
    const base = valid(form) as Record<string, unknown>;
    const label = Object.keys(base).join(', ') || 'no required field';

    it(`accepts the smallest valid input (${label})`, () => {
      expect(zodSchema.safeParse(base).success).toBe(true);
    });

    it(`refuses a field the spec does not list (${label})`, () => {
      expect(form.additionalProperties).toBe(false);
      expect(zodSchema.safeParse({ ...base, not_a_field: 1 }).success).toBe(false);
    });

    for (const [field, property] of Object.entries(form.properties ?? {})) {
      const required = form.required?.includes(field) ?? false;
      for (const probe of probes(property, required)) {
        it(`${field}: ${probe.what} is ${probe.accepted ? 'accepted' : 'refused'}`, () => {
          const input = { ...base };
          if (probe.value === undefined) delete input[field];
          else input[field] = probe.value;
          expect(zodSchema.safeParse(input).success).toBe(probe.accepted);
        });
      }
    }
  }
});

describe('the walk', () => {
  it('covers every request body and every query of the spec', () => {
    const expected: string[] = [];
    for (const [path, item] of Object.entries(
      spec.paths as Record<string, Record<string, never>>,
    )) {
      for (const [method, operation] of Object.entries(item) as [string, Record<string, never>][]) {
        const label = `${method.toUpperCase()} ${path}`;
        if (operation.requestBody) expected.push(`${label} body`);
        if (Object.keys(querySchema(method, path).properties ?? {}).length > 0) {
          expected.push(`${label} query`);
        }
      }
    }
    const walked = checked.map(([name]) => name).filter((name) => / (body|query)$/.test(name));
    expect(walked.sort()).toEqual(expected.sort());
  });
});

describe('limits enforced outside the schemas', () => {
  it('PATCH /watchlists/{id} needs at least one property (minProperties 1): the resource checks it', async () => {
    expect(bodySchema('patch', '/watchlists/{id}').minProperties).toBe(1);
    const { iiq, sent } = clientWith([ok()]);
    const error = await iiq.watchlists.update('wl_01HZ9X5C3V4N6P2', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(sent).toHaveLength(0);
  });

  it('PATCH /outcomes/{id} needs at least one property (minProperties 1): the resource checks it', async () => {
    expect(bodySchema('patch', '/outcomes/{id}').minProperties).toBe(1);
    const { iiq, sent } = clientWith([ok()]);
    const error = await iiq.outcomes.update('out_01HZ9X7E2K5R8T3', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(sent).toHaveLength(0);
  });

  it('GET /signals/aggregate takes exactly one of domain and industry: the resource checks it', async () => {
    const described = spec.paths['/signals/aggregate'].get.description as string;
    expect(described).toMatch(/exactly\s+one of `domain`/);
    const { iiq, sent } = clientWith([ok()]);
    for (const params of [{}, { domain: 'stripe.com', industry: 'Software' }]) {
      const error = await iiq.signals
        .aggregate(params as { domain: string })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).message).toBe(
        'params must set exactly one of domain, industry.',
      );
    }
    expect(sent).toHaveLength(0);
  });

  it('Idempotency-Key is 1 to 255 characters, as the spec says', async () => {
    const header = deref<Parameter>(spec.components.parameters.IdempotencyKey);
    const { minLength = 0, maxLength = 0 } = header.schema;
    const { iiq } = clientWith([ok(), ok()]);
    const call = (idempotencyKey: string) =>
      iiq.scores.create({ domain: 'stripe.com' }, { idempotencyKey }).then(
        () => 'sent',
        (error: unknown) => (error instanceof ValidationError ? 'refused' : error),
      );
    expect(await call('k'.repeat(minLength))).toBe('sent');
    expect(await call('k'.repeat(maxLength))).toBe('sent');
    expect(await call('k'.repeat(minLength - 1))).toBe('refused');
    expect(await call('k'.repeat(maxLength + 1))).toBe('refused');
  });
});
