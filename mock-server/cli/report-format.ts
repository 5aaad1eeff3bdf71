/**
 * The readable form of a pipeline report for `iiq report`: the counts and rates as bars, the trend
 * with its sign. Colour only on a terminal that wants it; piped, the same text without escapes.
 */
import type { components } from '../../src/generated/openapi.ts';
import { priorQuarter, quarterNamed } from '../areas/reports/index.ts';

type PipelineReport = components['schemas']['PipelineReport'];
type Band = 'HOT' | 'WARM' | 'COLD';

const BAR_WIDTH = 20;
const BANDS: readonly Band[] = ['HOT', 'WARM', 'COLD'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface FormatOptions {
  /** Colour the bands and the trend with ANSI escapes. */
  color: boolean;
}

type Paint = (code: number, text: string) => string;

const BAND_COLOUR: Readonly<Record<Band, number>> = { HOT: 31, WARM: 33, COLD: 36 };

/** A bar of `fraction` (0 to 1) of the width. */
export function bar(fraction: number, width = BAR_WIDTH): string {
  const filled = Math.round(Math.max(0, Math.min(1, fraction)) * width);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
}

/** `0.4286` -> ` 42.9%`. */
function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`.padStart(6);
}

/** `2026-Q2` -> `Apr 1 to Jun 30, 2026`. */
export function quarterDates(period: string): string {
  const { year, quarter, end } = quarterNamed(period);
  const first = MONTHS[(quarter - 1) * 3] as string;
  const last = MONTHS[quarter * 3 - 1] as string;
  const lastDay = new Date(end - 1).getUTCDate();
  return `${first} 1 to ${last} ${lastDay}, ${year}`;
}

/** The quarter before `2026-Q2`: `2026-Q1`. */
export function priorPeriod(period: string): string {
  return priorQuarter(quarterNamed(period)).name;
}

/** The trend with its sign: `+16.7% vs 2026-Q1`, `-8.0% vs 2026-Q1`, `0.0% vs 2026-Q1`. */
export function trendText(trend: number | null, period: string): string {
  const prior = priorPeriod(period);
  if (trend === null) return `no accounts scored in ${prior} to compare with`;
  const sign = trend > 0 ? '+' : trend < 0 ? '-' : '';
  return `${sign}${Math.abs(trend).toFixed(1)}% vs ${prior}`;
}

/** The lines `iiq report` prints for a report. */
export function formatReport(report: PipelineReport, options: FormatOptions): string[] {
  const paint: Paint = options.color
    ? (code, text) => `\u001b[${code}m${text}\u001b[0m`
    : (_, t) => t;
  const band = (name: Band) => paint(BAND_COLOUR[name], name.padEnd(4));
  const generated = report.generated_at.replace('T', ' ').replace(/:\d\dZ$/, ' UTC');
  const { total, trend_vs_prior: trend } = report.accounts_scored;
  const trendColour = trend === null || trend === 0 ? 2 : trend > 0 ? 32 : 31;
  const lines = [
    paint(1, `Pipeline report ${report.period}`) +
      `  ${quarterDates(report.period)}, generated ${generated}`,
    '',
    `Accounts scored  ${total}  ${paint(trendColour, trendText(trend, report.period))}`,
    `Market demand    ${report.market_demand_signal.replace('_', ' ')}`,
    '',
    paint(1, 'Band distribution'),
  ];
  const width = String(Math.max(total, 1)).length;
  for (const name of BANDS) {
    const count = report.band_distribution[name];
    const share = total === 0 ? 0 : count / total;
    lines.push(
      `  ${band(name)}  ${bar(share)}  ${String(count).padStart(width)} ${percent(share)}`,
    );
  }

  const summary = report.outcome_summary;
  lines.push('', paint(1, `Outcomes  ${summary.total_tracked} accounts tracked`));
  lines.push(
    `  contacted ${percent(summary.contacted_rate)}   meeting ${percent(summary.meeting_rate)}` +
      `   opportunity ${percent(summary.opportunity_rate)}   won ${percent(summary.win_rate)}`,
  );
  const tracked = BANDS.map((name) => String(summary.by_band[name].tracked));
  const trackedWidth = Math.max(...tracked.map((t) => t.length));
  // Each row: two spaces, the band, two spaces, "(n)", two spaces, then the two bars.
  const indent = ' '.repeat(2 + 4 + 2 + trackedWidth + 2 + 2);
  lines.push('', paint(1, 'Conversion by band'));
  lines.push(`${indent}${'meeting'.padEnd(BAR_WIDTH + 10)}won`);
  for (const name of BANDS) {
    const { tracked: count, meeting_rate, win_rate } = summary.by_band[name];
    lines.push(
      `  ${band(name)}  ${`(${count})`.padStart(trackedWidth + 2)}  ${bar(meeting_rate)} ${percent(meeting_rate)}   ${bar(win_rate)} ${percent(win_rate)}`,
    );
  }

  lines.push('', paint(1, 'Top accounts'));
  if (report.top_accounts.length === 0) lines.push(`  none scored in ${report.period}`);
  const domainWidth = Math.max(0, ...report.top_accounts.map((a) => a.domain.length));
  for (const account of report.top_accounts) {
    const delta = account.delta_30d > 0 ? `+${account.delta_30d}` : String(account.delta_30d);
    lines.push(
      `  ${account.domain.padEnd(domainWidth)}  ${String(account.score).padStart(3)} ${band(account.band)}  ${delta.padStart(3)}  ${account.company}`,
    );
  }

  lines.push('', paint(1, 'Top triggers'));
  if (report.top_triggers.length === 0) lines.push(`  none in ${report.period}`);
  const countWidth = Math.max(0, ...report.top_triggers.map((t) => String(t.count).length));
  for (const { trigger, count } of report.top_triggers) {
    lines.push(`  ${String(count).padStart(countWidth)}  ${trigger}`);
  }
  return lines;
}
