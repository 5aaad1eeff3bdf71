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
  let reject: (reason: unknown) => void = () => {};
  const aborted = new Promise<never>((_, fail) => {
    reject = fail;
  });
  // Nobody may be racing against it when it rejects.
  aborted.catch(() => {});
  const abort = (reason: unknown) => {
    controller.abort(reason);
    reject(reason);
  };
  const onCallerAbort = () => abort(caller?.reason);
  caller?.addEventListener('abort', onCallerAbort, { once: true });
  const timer = setTimeout(() => {
    timedOut = true;
    abort(new DOMException(`The attempt took longer than ${timeout} ms.`, 'TimeoutError'));
  }, timeout);
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    aborted,
    dispose() {
      clearTimeout(timer);
      caller?.removeEventListener('abort', onCallerAbort);
    },
  };
}
