/**
 * The form of a bulk job sent as a CSV file: the `file` part, read by `csv-upload.ts`, and the
 * `deferred`, `webhook_url` and `tag` fields, checked with the SDK's own schema. Fields the API does
 * not know are refused, as unknown JSON fields are.
 */
import { BulkJobCsvParamsSchema } from '../../../src/schemas/params.ts';
import { invalidRequest } from '../../kernel/errors.ts';
import type { MultipartForm } from '../../pipeline/multipart.ts';
import { validate } from '../../pipeline/validation.ts';
import { readCsvUpload } from './csv-upload.ts';
import type { CreateBulkJobInput } from './model.ts';

const FIELDS = new Set(['file', 'deferred', 'webhook_url', 'tag']);

/** `true`/`false` as a form sends them (any case); anything else is left for the schema to refuse. */
function booleanField(value: string | undefined): boolean | string | undefined {
  if (value === undefined) return undefined;
  const lower = value.trim().toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : value;
}

/** The job a CSV upload asks for; throws a 400 naming the field at fault. */
export function csvJobInput(form: MultipartForm): CreateBulkJobInput {
  for (const name of [...form.fields.keys(), ...form.files.keys()]) {
    if (!FIELDS.has(name)) {
      throw invalidRequest(
        name,
        `${name} is not a field of a CSV upload; send file and, optionally, deferred, webhook_url and tag.`,
      );
    }
  }
  const file = form.files.get('file');
  if (file === undefined) {
    throw invalidRequest(
      'file',
      'file is required: send the CSV file as the "file" part of the form.',
    );
  }
  const fields = form.fields;
  const deferred = booleanField(fields.get('deferred'));
  const params = validate(BulkJobCsvParamsSchema, {
    ...(deferred === undefined ? {} : { deferred }),
    ...(fields.has('webhook_url') ? { webhook_url: fields.get('webhook_url') } : {}),
    ...(fields.has('tag') ? { tag: fields.get('tag') } : {}),
  });
  const upload = readCsvUpload(file.bytes);
  const domains = [...new Set(upload.rows.map((row) => row.domain))];
  let companyNames: Map<string, string> | undefined;
  if (upload.hasCompanyName) {
    companyNames = new Map();
    for (const row of upload.rows) {
      if (!companyNames.has(row.domain)) companyNames.set(row.domain, row.companyName ?? '');
    }
  }
  return {
    domains,
    domainsSubmitted: upload.rows.length,
    deferred: params.deferred ?? false,
    source: 'csv',
    rejectedRows: upload.rejected,
    ...(companyNames === undefined ? {} : { companyNames }),
    ...(params.webhook_url === undefined ? {} : { webhookUrl: params.webhook_url }),
    ...(params.tag === undefined ? {} : { tag: params.tag }),
  };
}
