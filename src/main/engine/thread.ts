import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { startTypeScriptWorker } from '../jobs/worker-script';
import { EngineClient, type EngineChannel } from './client';
import type { EngineStart } from './protocol';

const here = path.dirname(fileURLToPath(import.meta.url));
const runningFromSource = import.meta.url.endsWith('.ts');

/**
 * Starts the engine in a worker thread of this process (the CLI, `lens serve`): the calling thread keeps its
 * event loop free of SQLite and of scans.
 */
export function startEngineThread(dbFile: string): EngineClient {
  const workerData: EngineStart = { dbFile };
  const worker = runningFromSource
    ? startTypeScriptWorker(path.join(here, 'worker.ts'), { workerData })
    : new Worker(findBundle(), { workerData });
  return new EngineClient(workerChannel(worker));
}

function workerChannel(worker: Worker): EngineChannel {
  let stopping = false;
  return {
    post: (request) => worker.postMessage(request),
    onEvent: (listener) => worker.on('message', listener),
    onExit: (listener) => {
      worker.once('error', (error) => listener(error.message));
      worker.once('exit', (code) => listener(stopping ? 'it was stopped' : `its thread exited with code ${code}`));
    },
    stop: async () => {
      stopping = true;
      await worker.terminate();
    },
  };
}

function findBundle(): string {
  for (const dir of [here, path.dirname(here)]) {
    const candidate = path.join(dir, 'engine-worker.js');
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error(`engine-worker.js not found near ${here}; run \`npm run build\``);
}
