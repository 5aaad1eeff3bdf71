/**
 * The signal of one attempt: it aborts when the caller's signal aborts or when the attempt's
 * timeout passes, whichever comes first. `dispose()` clears the timer and removes the listener
 * from the caller's signal, so one long-lived signal can be shared by any number of calls.
 */

export interface AttemptSignal {
  readonly signal: AbortSignal;
  /** True once the timeout (not the caller) aborted the attempt. */
  readonly timedOut: boolean;
  /** Rejects when the attempt is aborted: raced against work that may ignore the signal. */
  readonly aborted: Promise<never>;
  dispose(): void;
}

export function attemptSignal(caller: AbortSignal | undefined, timeout: number): AttemptSignal {
  const controller = new AbortController();
  let timedOut = false;
  // Made only when asked for: most attempts never race against it.
  let aborted: Promise<never> | undefined;
  const onCallerAbort = () => controller.abort(caller?.reason);
  caller?.addEventListener('abort', onCallerAbort, { once: true });
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(
      new DOMException(`The attempt took longer than ${timeout} ms.`, 'TimeoutError'),
    );
  }, timeout);
  const { signal } = controller;
  return {
    signal,
    get timedOut() {
      return timedOut;
    },
    get aborted() {
      aborted ??= new Promise<never>((_, reject) => {
        if (signal.aborted) reject(signal.reason);
        else signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
      return aborted;
    },
    dispose() {
      clearTimeout(timer);
      caller?.removeEventListener('abort', onCallerAbort);
    },
  };
}
