/**
 * Checks one HTTP response against `openapi.yaml`: the operation exists, the status is declared,
 * the declared headers are present with valid values (and no header the spec reserves for other
 * responses sneaks in), the content type is declared, and the body matches the schema with no
 * undeclared properties anywhere (`unevaluatedProperties: false` is added to every object in a
 * value position, so drift in either direction fails).
 */
import { readFileSync } from 'node:fs';
import type { ErrorObject, ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';

type Json = Record<string, unknown>;

export interface ContractResponse {
  method: string;
  /** The path template of the operation (`/score/{id}`), or null when no operation answered. */
  route: string | null;
  status: number;
  headers: Readonly<Record<string, string>>;
  body: string;
}

export interface ContractValidator {
  /** Every way the response breaks the contract (empty when it keeps it). */
  check(response: ContractResponse): string[];
  /** Every way `value` breaks `components.schemas[name]`, with no undeclared property anywhere. */
  checkSchema(name: string, value: unknown): string[];
}

const SCHEMA_ID = 'https://contract.intentiq.test/openapi.json';

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Adds `unevaluatedProperties: false` to every schema in a value position (not composition members). */
function strictify(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strictify);
  if (!isObject(node)) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'allOf' || key === 'oneOf' || key === 'anyOf') && Array.isArray(value)) {
      out[key] = value.map(strictify);
    } else if (key === 'properties' && isObject(value)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, child]) => [name, strict(child)]),
      );
    } else if ((key === 'items' || key === 'additionalProperties') && isObject(value)) {
      out[key] = strict(value);
    } else {
      out[key] = value;
    }
  }
  return out;
}

function strict(node: unknown): unknown {
  const done = strictify(node);
  return isObject(done) ? { ...done, unevaluatedProperties: false } : done;
}

function resolve(doc: Json, node: unknown): Json {
  let current = node;
  for (
    let depth = 0;
    isObject(current) && typeof current.$ref === 'string' && depth < 10;
    depth++
  ) {
    const path = current.$ref.replace(/^#\//, '').split('/');
    current = path.reduce<unknown>((acc, part) => (isObject(acc) ? acc[part] : undefined), doc);
  }
  return isObject(current) ? current : {};
}

function describeErrors(errors: ErrorObject[] | null | undefined, root = '(root) '): string {
  return (errors ?? [])
    .slice(0, 5)
    .map((e) => {
      const where = e.instancePath === '' ? root.trimEnd() : e.instancePath;
      const extra =
        e.keyword === 'unevaluatedProperties'
          ? ` (${String((e.params as Json).unevaluatedProperty)})`
          : '';
      return `${where ? `${where} ` : ''}${e.message}${extra}`;
    })
    .join('; ');
}

/** Loads `openapi.yaml` (from the repository root unless told otherwise) and returns a validator. */
export function createContractValidator(
  source = readFileSync(new URL('../../openapi.yaml', import.meta.url), 'utf8'),
): ContractValidator {
  const doc = parseYaml(source) as Json;
  const components = doc.components as Json;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const schemas = Object.entries(components.schemas as Json).map(([name, schema]) => [
    name,
    strictify(schema),
  ]);
  ajv.addSchema({ $id: SCHEMA_ID, components: { schemas: Object.fromEntries(schemas) } });
  const compiled = new Map<string, ValidateFunction>();
  const compile = (key: string, schema: unknown): ValidateFunction => {
    let fn = compiled.get(key);
    if (fn === undefined) {
      const rooted = JSON.parse(
        JSON.stringify(strict(schema)).replaceAll('"#/components/', `"${SCHEMA_ID}#/components/`),
      );
      fn = ajv.compile(rooted);
      compiled.set(key, fn);
    }
    return fn;
  };
  const reserved = new Set(
    Object.keys(components.headers as Json).map((name) => name.toLowerCase()),
  );
  const unrouted = resolve(doc, { $ref: '#/components/responses/NotFound' });

  return {
    checkSchema(name, value) {
      if (!isObject((components.schemas as Json)[name])) return [`no schema ${name}`];
      const validate = compile(`schema:${name}`, { $ref: `#/components/schemas/${name}` });
      return validate(value) ? [] : [`${name}: ${describeErrors(validate.errors)}`];
    },
    check(response) {
      const problems: string[] = [];
      const label = `${response.method} ${response.route ?? '(no route)'} -> ${response.status}`;
      let declared: Json;
      if (response.route === null) {
        // No operation answered (unknown path or method): it must still be a well-formed API error.
        if (response.status !== 404)
          problems.push(`${label}: an unrouted request must be 404, not ${response.status}`);
        declared = unrouted;
      } else {
        const operation = resolve(doc, (doc.paths as Json)[response.route]);
        const op = operation[response.method.toLowerCase()];
        if (!isObject(op))
          return [`${label}: openapi.yaml has no operation ${response.method} ${response.route}`];
        const entry = (op.responses as Json)[String(response.status)];
        if (entry === undefined)
          return [`${label}: status ${response.status} is not declared for this operation`];
        declared = resolve(doc, entry);
      }

      const headers = new Map(
        Object.entries(response.headers).map(([k, v]) => [k.toLowerCase(), v]),
      );
      const declaredHeaders = new Map(
        Object.entries((declared.headers ?? {}) as Json).map(([k, v]) => [
          k.toLowerCase(),
          resolve(doc, v),
        ]),
      );
      for (const [name, header] of declaredHeaders) {
        const value = headers.get(name);
        if (value === undefined) {
          if (header.required === true) problems.push(`${label}: missing required header ${name}`);
          continue;
        }
        const schema = (header.schema ?? {}) as Json;
        const isInteger = schema.type === 'integer';
        if (isInteger && !/^-?\d+$/.test(value)) {
          problems.push(`${label}: header ${name} must be an integer, got "${value}"`);
          continue;
        }
        const validate = compile(`header:${name}`, schema);
        if (!validate(isInteger ? Number(value) : value)) {
          problems.push(
            `${label}: header ${name} "${value}" ${describeErrors(validate.errors, '')}`,
          );
        }
      }
      for (const name of headers.keys()) {
        if (reserved.has(name) && !declaredHeaders.has(name))
          problems.push(`${label}: header ${name} is not declared for this response`);
      }

      const content = (declared.content ?? {}) as Json;
      const type = (headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
      const media = content[type];
      if (!isObject(media)) {
        problems.push(
          `${label}: content type "${type}" is not declared (declared: ${Object.keys(content).join(', ') || 'none'})`,
        );
        return problems;
      }
      if (type === 'application/json') {
        let body: unknown;
        try {
          body = JSON.parse(response.body);
        } catch {
          problems.push(`${label}: body is not JSON`);
          return problems;
        }
        const key = `body:${response.method} ${response.route} ${response.status}`;
        const validate = compile(key, media.schema);
        if (!validate(body)) problems.push(`${label}: body ${describeErrors(validate.errors)}`);
      } else if (response.body.length === 0) {
        problems.push(`${label}: body is empty`);
      }
      return problems;
    },
  };
}
