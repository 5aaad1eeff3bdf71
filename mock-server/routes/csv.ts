/**
 * The CSV form of a bulk job's results (RFC 4180 quoting), one row per unique domain in submission
 * order, unscorable domains included with empty score columns.
 */
import type { WireUnscorable } from '../engine/bulk.ts';
import type { WireScore } from '../engine/scores.ts';
import { SIGNAL_NAMES } from '../engine/texts.ts';

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

function cell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function signalValue(value: WireScore['signals'][keyof WireScore['signals']]): number {
  return typeof value === 'number' ? value : value.score;
}

export function resultsCsv(rows: readonly (WireScore | WireUnscorable)[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of rows) {
    if ('code' in row) {
      lines.push(
        [cell(row.domain), 'unscorable', ...Array(CSV_COLUMNS.length - 2).fill('')].join(','),
      );
      continue;
    }
    const signals = SIGNAL_NAMES.map((name) => cell(signalValue(row.signals[name])));
    lines.push(
      [
        cell(row.domain),
        'scored',
        cell(row.score),
        cell(row.band),
        cell(row.delta_30d),
        ...signals,
        cell(row.action),
        cell(row.computed_at),
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
