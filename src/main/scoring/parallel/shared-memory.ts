import type { Worker } from 'node:worker_threads';

/** The array in shared memory, as it is when it already lives there (a graph read from the cache does). */
export function sharedCopy<T extends Float64Array | Int32Array>(source: T, Type: new (buffer: SharedArrayBuffer) => T): T {
  if (source.buffer instanceof SharedArrayBuffer) return source;
  const copy = new Type(new SharedArrayBuffer(source.byteLength));
  copy.set(source);
  return copy;
}

/** Resolves once the helper serves steps; a helper that cannot start rejects it instead of never joining. */
export function started(helper: Worker): Promise<void> {
  return new Promise((resolve, reject) => {
    helper.once('message', () => resolve());
    helper.once('error', reject);
    helper.once('exit', (code) => reject(new Error(`the kernel helper thread exited (code ${code}) before starting`)));
  });
}
