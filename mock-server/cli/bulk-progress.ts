/**
 * The progress of `iiq bulk` on stderr: a bar (with `cli-progress`) on a terminal, showing domains
 * done of the total, jobs in flight, credits spent and the time left; elsewhere (CI logs, a pipe)
 * one plain line every few seconds, so that logs stay readable.
 */
import { Presets, SingleBar } from 'cli-progress';
import type { ScoreAllProgress } from '../../src/resources/bulk-score-all.ts';
import type { CliIO } from './io.ts';

/** Seconds between two progress lines when stderr is not a terminal. */
export const PROGRESS_LINE_SECONDS = 5;

export interface ProgressReporter {
  update(progress: ScoreAllProgress): void;
  stop(): void;
}

function seconds(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1_000));
  const m = Math.floor(total / 60);
  return m > 0 ? `${m}m${String(total % 60).padStart(2, '0')}s` : `${total}s`;
}

/** Starts reporting the progress of a run over `total` rows. */
export function startProgress(io: CliIO, total: number): ProgressReporter {
  const stream = io.progressStream;
  if (stream?.isTTY === true) {
    const bar = new SingleBar(
      {
        stream,
        format:
          '{bar} {value}/{total} domains | {jobs} jobs in flight | {credits} credits | ETA {eta_formatted}',
        hideCursor: true,
        clearOnComplete: false,
        etaBuffer: 50,
      },
      Presets.shades_classic,
    );
    bar.start(total, 0, { jobs: 0, credits: 0 });
    return {
      update: (p) => bar.update(p.done, { jobs: p.jobs_in_flight, credits: p.credits_charged }),
      stop: () => bar.stop(),
    };
  }
  const started = Date.now();
  let lastLine = started;
  return {
    update: (p) => {
      const now = Date.now();
      if (now - lastLine < PROGRESS_LINE_SECONDS * 1_000) return;
      lastLine = now;
      const rate = p.done / Math.max(1, now - started);
      const left = rate > 0 ? ` about ${seconds((total - p.done) / rate)} left;` : '';
      io.err(
        `iiq bulk: ${p.done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} domains;${left} ${p.jobs_in_flight} jobs in flight, ${p.credits_charged.toLocaleString('en-US')} credits`,
      );
    },
    stop: () => {},
  };
}
