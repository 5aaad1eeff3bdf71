/** The readable form of a score for `iiq score`: the numbers, the signals as bars, the words. */
import type { components } from '../../src/generated/openapi.ts';

type Score = components['schemas']['Score'];

const BAR_WIDTH = 20;

function bar(value: number): string {
  const filled = Math.round((Math.max(0, Math.min(100, value)) / 100) * BAR_WIDTH);
  return `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
}

/** Markdown limited to **bold** and links, as plain text. */
function plain(markdown: string): string {
  return markdown.replace(/\*\*(.+?)\*\*/g, '$1').replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 ($2)');
}

function wrap(text: string, width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(indent + line);
  return lines;
}

/** The lines `iiq score` prints for a score. */
export function formatScore(score: Score): string[] {
  const delta = score.delta_30d > 0 ? `+${score.delta_30d}` : String(score.delta_30d);
  const lines = [`${score.domain}  ${score.score} ${score.band ?? ''}  ${delta} over 30 days`, ''];
  for (const [name, signal] of Object.entries(score.signals)) {
    const value = typeof signal === 'number' ? signal : signal.score;
    lines.push(`  ${name.padEnd(8)} ${bar(value)} ${String(value).padStart(3)}`);
  }
  lines.push('', `  Action: ${score.action}`, '', ...wrap(plain(score.summary), 76, '  '));
  return lines;
}
