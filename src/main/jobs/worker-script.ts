import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** Worker entries by name: their source under src/main, and the bundle electron-vite writes next to main. */
const entries = {
  'task-worker': 'tasks/worker.ts',
  'kernel-worker': 'scoring/parallel/kernel-worker.ts',
} as const;
export type WorkerEntry = keyof typeof entries;

const here = path.dirname(fileURLToPath(import.meta.url));
const runningFromSource = import.meta.url.endsWith('.ts');

/**
 * Starts a worker thread on one of the app's entries, from the TypeScript source (through a tsx bootstrap) or
 * from the built bundle, whichever this process runs.
 */
export function startWorker(entry: WorkerEntry, options: WorkerOptions = {}): Worker {
  if (runningFromSource) return startTypeScriptWorker(path.join(here, '..', entries[entry]), options);
  return new Worker(findBundle(entry), options);
}

/** Starts a worker on a TypeScript file through the tsx bootstrap (development and tests only). */
export function startTypeScriptWorker(file: string, options: WorkerOptions = {}): Worker {
  return new Worker(path.join(here, 'ts-worker-bootstrap.mjs'), {
    ...options,
    workerData: { ...(options.workerData as object), tsEntry: pathToFileURL(file).href },
  });
}

function findBundle(entry: WorkerEntry): string {
  for (const dir of [here, path.dirname(here)]) {
    const candidate = path.join(dir, `${entry}.js`);
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error(`worker bundle ${entry}.js not found near ${here}; run \`npm run build\``);
}
