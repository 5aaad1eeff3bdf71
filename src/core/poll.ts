/**
 * The loop behind every `wait()`: poll an asynchronous object until it is over, with progress, a
 * timeout and an abort signal. `bulk.wait` and `intent.searches.wait` are this loop with their own
 * idea of "running" and of the error a timeout throws.
 */
import { sleep } from './sleep.ts';
import { fail } from './validate.ts';

/** What every `wait()` takes. */
export interface PollOptions<T> {
  /** Milliseconds between polls. Default 2000. */
  pollInterval?: number;
  /** Milliseconds to wait before giving up (the object keeps going on the API). */
  timeout?: number;
  /** Stops waiting at once, with `APIUserAbortError`. */
  signal?: AbortSignal;
  /** Called with the object after each poll. */
  onProgress?: (value: T) => void;
}

/** How one kind of object is waited for. */
export interface PollRules<T> {
  /** Fetches the object once (with the wait's signal). */
  retrieve: (signal: AbortSignal | undefined) => PromiseLike<T>;
  /** Whether the object is still queued or running. */
  running: (value: T) => boolean;
  /** The timeout when the caller gave none, from the object as last seen. */
  defaultTimeout: (value: T) => number;
  /** The error to throw when the timeout passes. */
  timedOut: (value: T, timeout: number) => Error;
}

/** Polls until `rules.running` is false and resolves with the object as it then is. */
export async function pollUntilOver<T>(options: PollOptions<T>, rules: PollRules<T>): Promise<T> {
  for (const [field, value] of [
    ['pollInterval', options.pollInterval],
    ['timeout', options.timeout],
  ] as const) {
    if (value !== undefined && !(Number.isFinite(value) && value >= 0)) {
      fail([{ field, message: `must be a number of milliseconds >= 0, got ${String(value)}` }]);
    }
  }
  const { pollInterval = 2000, signal, onProgress } = options;
  const started = Date.now();
  for (;;) {
    const value = await rules.retrieve(signal);
    onProgress?.(value);
    if (!rules.running(value)) return value;
    const timeout = options.timeout ?? rules.defaultTimeout(value);
    const remaining = started + timeout - Date.now();
    if (remaining <= 0) throw rules.timedOut(value, timeout);
    await sleep(Math.min(pollInterval, remaining), signal);
  }
}
