/**
 * Timers on virtual time. Moving the clock forward runs every task that falls due on the way, in
 * time order (ties in the order they were scheduled), with the clock set to each task's own time,
 * so a task sees the world exactly as it would have been then. Tasks may schedule more tasks; those
 * run in the same advance when they fall due before its end.
 *
 * A recurring task (`every`) says when it is idle: an occurrence that would find nothing to do is
 * not run but skipped, straight to the first occurrence after the next thing that can change the
 * world (another task, or the end of the advance). So an advance costs what falls due, not how far
 * it jumps: a hundred idle years are one step, not 36,525.
 */
import type { Clock } from './clock.ts';

interface Task {
  at: number;
  seq: number;
  run: () => void;
  /** For recurring tasks: the first occurrence strictly after a time, and whether it is idle. */
  recurrence?: { after: (at: number) => number; idle: () => boolean; work?: RecurringWork };
}

/** What one occurrence of a recurring task does, counted: `count()` units of `units`. */
export interface RecurringWork {
  /** What is counted, in the plural: `'watchlist accounts re-scored'`. */
  readonly units: string;
  /** How many units one occurrence would do now. */
  count(): number;
}

/** Tasks keyed to virtual time. */
export class Scheduler {
  readonly #clock: Clock;
  #tasks: Task[] = [];
  /** Told when the first task may have changed (a real-time kernel sets its wake-up by it). */
  onChange: (() => void) | undefined;
  #seq = 0;
  #running = false;

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  /** Runs `run` when the clock reaches `at` (unix ms). A time in the past runs at the next advance. */
  at(at: number, run: () => void): void {
    this.#insert({ at, seq: this.#seq++, run });
  }

  /** Runs `run` after `delayMs` of virtual time. */
  after(delayMs: number, run: () => void): void {
    this.at(this.#clock.now() + delayMs, run);
  }

  /**
   * Runs `run` at every occurrence: the first is `after(now)`, each next one `after` the last.
   * An occurrence at which `idle()` is true is skipped without running.
   *
   * @example
   * // every day at 00:00 UTC, unless nothing is on a watchlist
   * scheduler.every((t) => (Math.floor(t / DAY_MS) + 1) * DAY_MS, refresh, () => accounts === 0);
   */
  every(
    after: (at: number) => number,
    run: () => void,
    idle: () => boolean = () => false,
    work?: RecurringWork,
  ): void {
    this.#insert({
      at: after(this.#clock.now()),
      seq: this.#seq++,
      run,
      recurrence: work === undefined ? { after, idle } : { after, idle, work },
    });
  }

  /**
   * The recurring work that would fall due up to `target`, as things stand: for each recurring
   * task that counts its work, the occurrences up to `target` times what one does now.
   */
  workUntil(target: number): { units: string; total: number }[] {
    const due: { units: string; total: number }[] = [];
    for (const task of this.#tasks) {
      const recurrence = task.recurrence;
      const work = recurrence?.work;
      if (recurrence === undefined || work === undefined || task.at > target) continue;
      const each = work.count();
      if (each === 0) continue;
      let occurrences = 0;
      for (let at = task.at; at <= target; ) {
        occurrences++;
        const next = recurrence.after(at);
        if (next <= at) break; // never for a schedule that moves forward
        at = next;
      }
      due.push({ units: work.units, total: occurrences * each });
    }
    return due;
  }

  /** The number of tasks waiting. */
  get pending(): number {
    return this.#tasks.length;
  }

  /** The time of the next task, if any. */
  get nextAt(): number | undefined {
    return this.#tasks[0]?.at;
  }

  /**
   * Runs every task due up to `target`, moving the clock to each one's time, then leaves the clock
   * at `target` (or where it is, if that is later: a real-time clock keeps moving).
   */
  runUntil(target: number): void {
    if (this.#running) return; // a task that advances the clock must not re-enter
    this.#running = true;
    try {
      for (
        let task = this.#tasks[0];
        task !== undefined && task.at <= target;
        task = this.#tasks[0]
      ) {
        this.#tasks.shift();
        const recurrence = task.recurrence;
        if (recurrence?.idle()) {
          // Nothing to do until something else happens: jump past it in one step, to the first
          // occurrence at or after the next task that will run (which may change that), or after
          // the target. Another idle recurring task changes nothing: both jump past it at once,
          // rather than leapfrog each other a day at a time.
          const next = this.#nextToRun(target);
          task.at =
            next !== undefined
              ? recurrence.after(Math.max(task.at, next - 1))
              : recurrence.after(target);
          task.seq = this.#seq++;
          this.#insert(task);
          continue;
        }
        if (task.at > this.#clock.now()) this.#clock.moveTo(task.at);
        task.run();
        if (recurrence !== undefined) {
          task.at = recurrence.after(task.at);
          task.seq = this.#seq++;
          this.#insert(task);
        }
      }
      if (target > this.#clock.now()) this.#clock.moveTo(target);
    } finally {
      this.#running = false;
      this.onChange?.();
    }
  }

  /** The time of the first task up to `target` that would run: not a recurring task now idle. */
  #nextToRun(target: number): number | undefined {
    for (const task of this.#tasks) {
      if (task.at > target) return undefined;
      if (task.recurrence === undefined || !task.recurrence.idle()) return task.at;
    }
    return undefined;
  }

  /** Runs whatever is due now (for a real-time clock, whose time moves by itself). */
  runDue(): void {
    const first = this.#tasks[0];
    if (first !== undefined && first.at <= this.#clock.now()) this.runUntil(this.#clock.now());
  }

  /** Drops every task. */
  clear(): void {
    this.#tasks = [];
  }

  /** Keeps the list sorted; tasks are few and mostly appended at the end. */
  #insert(task: Task): void {
    let i = this.#tasks.length;
    while (i > 0 && this.#later(this.#tasks[i - 1] as Task, task)) i--;
    this.#tasks.splice(i, 0, task);
    if (i === 0 && !this.#running) this.onChange?.();
  }

  #later(a: Task, b: Task): boolean {
    return a.at > b.at || (a.at === b.at && a.seq > b.seq);
  }
}
