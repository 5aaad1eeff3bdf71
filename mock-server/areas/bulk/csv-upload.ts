/**
 * A bulk job's domains from an uploaded CSV file, read with `csv-parse` (its browser build, which
 * brings its own `Buffer`, so that uploads work in the MSW handlers of a browser too). The file is
 * UTF-8 (a byte order mark allowed), RFC 4180 (quoted fields may hold commas, quotes and line
 * breaks), its lines end in CRLF, LF or CR, even mixed; the header row names a `domain` column (any
 * case) and maybe `company_name`; blank lines are skipped. Everything that makes the file unusable
 * is a `400` on `file`; a row whose domain is not valid is only rejected (listed, not billed).
 */
import { parse } from 'csv-parse/browser/esm/sync';
import { checkDomain } from '../../../src/domain.ts';
import { invalidRequest, type MockApiError } from '../../kernel/errors.ts';
import type { WireRejectedRow } from './records.ts';

/** The most data rows a file may have. */
export const MAX_CSV_ROWS = 1_000;
/** The most columns the header row may have. */
export const MAX_CSV_COLUMNS = 100;
/** How much of a rejected row's value is echoed back. */
export const MAX_REJECTED_VALUE_LENGTH = 256;

/** One usable row: its apex domain and, when the file has the column, its company name. */
export interface CsvRow {
  /** 1-based data row. */
  row: number;
  domain: string;
  companyName: string | null;
}

export interface CsvUpload {
  /** The rows with a valid domain, in file order (duplicates kept; the job collapses them). */
  rows: CsvRow[];
  rejected: WireRejectedRow[];
  /** Whether the header has a `company_name` column. */
  hasCompanyName: boolean;
}

const FIELD = 'file';

function refuse(message: string): MockApiError {
  return invalidRequest(FIELD, message);
}

/** The file's text, or a 400 when it is empty, binary or not UTF-8. */
function textOf(bytes: Uint8Array): string {
  if (bytes.length === 0) throw refuse('The file is empty: send a CSV file with a header row.');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = '\0';
  }
  if (text.includes('\0')) {
    throw refuse(
      'The file is not UTF-8 text: it looks binary (a spreadsheet, an archive, UTF-16 text). Export it as "CSV UTF-8".',
    );
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    throw refuse('The file is empty: send a CSV file with a header row.');
  }
  return text;
}

interface CsvParseError {
  code?: string;
  lines?: number;
  records?: number;
  record?: unknown[];
}

/** A 400 that says where the CSV is malformed, without echoing its content. */
function malformed(error: unknown, columns: number | undefined): MockApiError {
  const { code, lines, record } = (error ?? {}) as CsvParseError;
  const line = typeof lines === 'number' ? ` on line ${lines}` : '';
  switch (code) {
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
      return refuse(
        `A row${line} has ${Array.isArray(record) ? record.length.toLocaleString('en-US') : 'a different number of'} fields; the header has ${columns ?? 'another number'}. Every row needs the header's columns.`,
      );
    case 'CSV_QUOTE_NOT_CLOSED':
      // The parser finds out at the end of the file, not where the quote opened: no line.
      return refuse('A quoted field is never closed: every opening " needs a closing ".');
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return refuse(
        `A quoted field${line} has characters after its closing quote. Write a quote inside a quoted field as "".`,
      );
    default:
      return refuse(`The file is not valid CSV (RFC 4180)${line}.`);
  }
}

function records(text: string): string[][] {
  let header: string[] | undefined;
  try {
    return parse(text, {
      bom: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      skip_empty_lines: true,
      // A header and 1,001 rows are enough to know the file is too long.
      to: MAX_CSV_ROWS + 2,
      on_record: (record: string[]) => {
        header ??= record;
        return record;
      },
    }) as string[][];
  } catch (error) {
    throw malformed(error, header?.length);
  }
}

function cut(value: string): string {
  return value.length <= MAX_REJECTED_VALUE_LENGTH
    ? value
    : `${value.slice(0, MAX_REJECTED_VALUE_LENGTH - 1)}…`;
}

/** Reads an uploaded CSV file; throws a 400 on `file` when it cannot be used. */
export function readCsvUpload(bytes: Uint8Array): CsvUpload {
  const [header, ...data] = records(textOf(bytes));
  if (header === undefined) throw refuse('The file is empty: send a CSV file with a header row.');
  if (header.length > MAX_CSV_COLUMNS) {
    throw refuse(
      `The header row has ${header.length.toLocaleString('en-US')} columns; a file may have at most ${MAX_CSV_COLUMNS}.`,
    );
  }
  const names = header.map((name) => name.trim().toLowerCase());
  const domainAt = names.indexOf('domain');
  if (domainAt < 0) {
    throw refuse(
      'The header row has no "domain" column (any case). Name the column of domains "domain"; a "company_name" column is optional.',
    );
  }
  if (data.length > MAX_CSV_ROWS) {
    throw refuse(
      `The file has more than ${MAX_CSV_ROWS.toLocaleString('en-US')} data rows. Split it into files of at most 1,000 rows, or use bulk.scoreAll in the SDK (or iiq bulk), which splits it for you.`,
    );
  }
  const nameAt = names.indexOf('company_name');
  const rows: CsvRow[] = [];
  const rejected: WireRejectedRow[] = [];
  data.forEach((record, index) => {
    const row = index + 1;
    const value = record[domainAt] ?? '';
    const result = checkDomain(value);
    if (!result.ok) {
      rejected.push({ row, value: cut(value), message: `domain ${cut(result.reason)}` });
      return;
    }
    const companyName = nameAt < 0 ? null : (record[nameAt] ?? '').trim();
    rows.push({ row, domain: result.domain, companyName });
  });
  if (rows.length === 0) {
    throw refuse(
      data.length === 0
        ? 'The file has a header row but no data rows.'
        : `None of the ${data.length.toLocaleString('en-US')} rows has a valid domain (see the first: row 1, ${rejected[0]?.message ?? 'domain is not valid'}).`,
    );
  }
  return { rows, rejected, hasCompanyName: nameAt >= 0 };
}
