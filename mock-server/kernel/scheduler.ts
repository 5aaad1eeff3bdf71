/**
 * Timers on virtual time. Moving the clock forward runs every task that falls due on the way, in
 * time order (ties in the order they were scheduled), with the clock set to each task's own time,
 * so a task sees the world exactly as it would have been then. Tasks may schedule more tasks; those
 * run in the same advance when they fall due before its end.
 */
import type { Clock } from './clock.ts';

interface Task {
  at: number;
  seq: number;
  run: () => void;
}

/** Tasks keyed to virtual time. */
export class Scheduler {
  readonly #clock: Clock;
  #tasks: Task[] = [];
  #seq = 0;
  #running = false;

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  /** Runs `run` when the clock reaches `at` (unix ms). A time in the past runs at the next advance. */
  at(at: number, run: () => void): void {
    const task = { at, seq: this.#seq++, run };
    // Keep the list sorted; tasks are few and mostly appended at the end.
    let i = this.#tasks.length;
    while (i > 0 && this.#later(this.#tasks[i - 1] as Task, task)) i--;
    this.#tasks.splice(i, 0, task);
  }

  /** Runs `run` after `delayMs` of virtual time. */
  after(delayMs: number, run: () => void): void {
    this.at(this.#clock.now() + delayMs, run);
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
        if (task.at > this.#clock.now()) this.#clock.moveTo(task.at);
        task.run();
      }
      if (target > this.#clock.now()) this.#clock.moveTo(target);
    } finally {
      this.#running = false;
    }
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

  #later(a: Task, b: Task): boolean {
    return a.at > b.at || (a.at === b.at && a.seq > b.seq);
  }
}
