/**
 * An abortable wait. It rejects with `APIUserAbortError` the moment `signal` aborts (not when the
 * wait would have ended), and removes its listener either way, so one long-lived signal can be
 * shared by any number of calls.
 */
import { APIUserAbortError } from './errors.ts';

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new APIUserAbortError());
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(new APIUserAbortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
