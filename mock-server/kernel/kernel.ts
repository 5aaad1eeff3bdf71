/**
 * The kernel of a mock: virtual time, the tasks that fall due on it, the seeded ID and secret
 * streams, and injected faults. It knows no API area: areas schedule their work on it, and
 * `engine.ts` wires them together. One kernel per mock instance; nothing is shared between them.
 */

import { Clock, type Duration, LATEST_INSTANT, parseDuration, parseInstant } from './clock.ts';
import { ControlRangeError } from './errors.ts';
import { Faults } from './faults.ts';
import { Ids } from './ids.ts';
import { Random } from './random.ts';
import { Scheduler } from './scheduler.ts';

/** What a kernel is made from. */
export interface KernelOptions {
  /** Seeds IDs, keys and secrets: the same seed gives the same values in every run. */
  seed: string;
  /** Where the clock starts, unix ms. */
  start: number;
  /** Follow the wall clock from `start` instead of standing still. */
  realtime: boolean;
}

/**
 * The most recurring work one move of the clock may run (each daily refresh re-scores every
 * watchlist account and every object of a profile that reads intent): at some 40 us each, about
 * 40 seconds. Past it the move is refused before anything runs, rather than hold the process for
 * minutes or hours; shorter moves do the same work in steps.
 */
export const MAX_ADVANCE_WORK = 1_000_000;

export class Kernel {
  readonly seed: string;
  readonly start: number;
  /** True when the clock follows the wall clock (`iiq mock`). */
  readonly realtime: boolean;
  readonly clock: Clock;
  readonly scheduler: Scheduler;
  readonly faults: Faults;
  ids: Ids;
  /** Signing secrets and other random strings that must not follow the ID stream. */
  secrets: Random;

  constructor(options: KernelOptions) {
    this.seed = options.seed;
    this.start = options.start;
    this.realtime = options.realtime;
    this.clock = new Clock(this.start, { realtime: this.realtime });
    this.scheduler = new Scheduler(this.clock);
    // On the wall clock, what falls due runs when it falls due, whether or not a request comes.
    if (this.realtime) this.scheduler.onChange = () => this.#wake();
    this.faults = new Faults(this.seed);
    this.ids = new Ids(this.seed, this.clock);
    this.secrets = new Random(`${this.seed}:secrets`);
  }

  #timer: ReturnType<typeof setTimeout> | undefined;

  /** Sets the one timer that runs the next task on a real-time clock (it never keeps a process up). */
  #wake(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const next = this.scheduler.nextAt;
    if (next === undefined) return;
    // setTimeout takes at most 2^31-1 ms; a later task is looked at again then.
    const delay = Math.min(Math.max(0, next - this.clock.now()), 2_147_483_647);
    this.#timer = setTimeout(() => this.sync(), delay);
    (this.#timer as { unref?: () => void }).unref?.();
  }

  /** Back to the start: no tasks, no faults, the clock and the ID streams as they began. */
  reset(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.scheduler.clear();
    this.clock.restart(this.start);
    this.faults.clear();
    this.ids = new Ids(this.seed, this.clock);
    this.secrets = new Random(`${this.seed}:secrets`);
  }

  /** Runs what is due now (a real-time clock moves by itself). Called before every request. */
  sync(): void {
    this.scheduler.runDue();
  }

  /** Moves virtual time forward, running everything that falls due on the way. */
  advance(duration: Duration): number {
    const target = this.clock.now() + parseDuration(duration);
    if (target > LATEST_INSTANT) {
      throw new ControlRangeError(
        "advancing that far would take the mock's clock past 9999-12-31T23:59:59Z, the latest instant it shows",
      );
    }
    this.#checkWork(target);
    this.scheduler.runUntil(target);
    return this.clock.now();
  }

  /** Refuses a move of the clock that would run more than `MAX_ADVANCE_WORK` on the way. */
  #checkWork(target: number): void {
    const due = this.scheduler.workUntil(target);
    const total = due.reduce((sum, item) => sum + item.total, 0);
    if (total <= MAX_ADVANCE_WORK) return;
    const what = due.map((item) => `${item.total.toLocaleString('en-US')} ${item.units}`);
    throw new ControlRangeError(
      `moving the clock that far would run ${what.join(' and ')} on the way; one move of the clock runs at most ${MAX_ADVANCE_WORK.toLocaleString('en-US')}: move it in shorter steps, or keep fewer objects on watchlists and profiles`,
    );
  }

  /** Moves virtual time to an instant (never backwards: caches and jobs cannot un-happen). */
  setTime(instant: Date | number | string): number {
    const target = parseInstant(instant);
    if (target < this.clock.now()) {
      throw new ControlRangeError(
        'the mock clock cannot go back in time; call reset() to start over',
      );
    }
    this.#checkWork(target);
    this.scheduler.runUntil(target);
    return this.clock.now();
  }
}
