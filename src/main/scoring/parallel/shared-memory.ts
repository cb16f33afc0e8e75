import type { Worker } from 'node:worker_threads';
import { startWorker } from '../../jobs/worker-script';
import type { KernelWorkerData } from './kernel-worker';
import { createControl, stopHelper } from './work-sharing';

/** The array in shared memory, as it is when it already lives there (a graph read from the cache does). */
export function sharedCopy<T extends Float64Array | Int32Array>(source: T, Type: new (buffer: SharedArrayBuffer) => T): T {
  if (source.buffer instanceof SharedArrayBuffer) return source;
  const copy = new Type(new SharedArrayBuffer(source.byteLength));
  copy.set(source);
  return copy;
}

/** Resolves once the helper serves steps; a helper that cannot start rejects it instead of never joining. */
function started(helper: Worker): Promise<void> {
  return new Promise((resolve, reject) => {
    helper.once('message', () => resolve());
    helper.once('error', reject);
    helper.once('exit', (code) => reject(new Error(`the kernel helper thread exited (code ${code}) before starting`)));
  });
}

/**
 * Runs `body` on this thread while a kernel-worker thread shares its steps through `control`; the helper is
 * stopped and terminated however the body ends. Without waitForHelper the body starts at once and the helper joins
 * when it has started. A helper that failed throws its own error, which says more than the scoring thread's.
 */
export async function withHelper<T>(
  workerData: (control: Int32Array) => KernelWorkerData,
  waitForHelper: boolean,
  body: (control: Int32Array) => T,
): Promise<T> {
  const control = createControl();
  const helper = startWorker('kernel-worker', { workerData: workerData(control) });
  let helperError: unknown = null;
  helper.on('error', (error) => (helperError ??= error));
  let outcome: { value: T } | { error: unknown };
  try {
    if (waitForHelper) await started(helper);
    outcome = { value: body(control) };
  } catch (error) {
    outcome = { error };
  }
  stopHelper(control);
  await helper.terminate();
  // A helper that cannot start leaves all work to this thread: correct, but a broken build must not pass for a
  // slow run.
  if (helperError !== null) throw helperError;
  if ('error' in outcome) throw outcome.error;
  return outcome.value;
}
