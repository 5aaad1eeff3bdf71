/**
 * The CSV form of a bulk job's results (RFC 4180, written by `csv-stringify`): one row per unique
 * domain in submission order, unscorable domains included with empty score columns. A job made
 * from a CSV file with a `company_name` column has that column after `domain`.
 */
import { stringify } from 'csv-stringify/sync';
import { SIGNAL_NAMES } from '../../world/scoring-model.ts';
import type { WireScore } from '../scores/index.ts';
import type { WireUnscorable } from './records.ts';

export const CSV_COLUMNS = [
  'domain',
  'status',
  'score',
  'band',
  'delta_30d',
  ...SIGNAL_NAMES,
  'action',
  'computed_at',
] as const;

type Cell = string | number | null;

function signalValue(value: WireScore['signals'][keyof WireScore['signals']]): number {
  return typeof value === 'number' ? value : value.score;
}

function row(result: WireScore | WireUnscorable): Cell[] {
  if ('code' in result) {
    return [result.domain, 'unscorable', ...Array<Cell>(CSV_COLUMNS.length - 2).fill(null)];
  }
  return [
    result.domain,
    'scored',
    result.score,
    result.band,
    result.delta_30d,
    ...SIGNAL_NAMES.map((name) => signalValue(result.signals[name])),
    result.action,
    result.computed_at,
  ];
}

/** The results as CSV; with `companyNames`, a `company_name` column follows `domain`. */
export function resultsCsv(
  rows: readonly (WireScore | WireUnscorable)[],
  companyNames: ReadonlyMap<string, string> | null = null,
): string {
  const withName = (cells: Cell[], name: Cell): Cell[] =>
    companyNames === null ? cells : [cells[0] ?? null, name, ...cells.slice(1)];
  return stringify(
    [
      withName([...CSV_COLUMNS], 'company_name'),
      ...rows.map((result) => withName(row(result), companyNames?.get(result.domain) ?? null)),
    ],
    { record_delimiter: '\n' },
  );
}
