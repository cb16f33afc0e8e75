import { EventEmitter } from 'node:events';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { UtilityForkLike, UtilityProcessLike } from '../../../src/main/desktop/types';
import { startTypeScriptWorker } from '../../../src/main/jobs/worker-script';
import { repoRoot } from '../../helpers';

/** The engine's real utilityProcess entry, run from source. */
export const engineProcessEntry = path.join(repoRoot, 'src', 'main', 'engine', 'process.ts');

/**
 * utilityProcess.fork without Electron: the module runs for real in a worker thread, with the fork's arguments in
 * its process.argv and Electron's parentPort shimmed (utility-shim.ts). Records every fork and whether it was killed.
 */
export class FakeUtilityProcess extends EventEmitter implements UtilityProcessLike {
  readonly worker: Worker;
  killed = false;

  constructor(readonly modulePath: string, readonly args: string[]) {
    super();
    this.worker = startTypeScriptWorker(path.join(__dirname, 'utility-shim.ts'), { workerData: { utilityEntry: modulePath }, argv: args });
    this.worker.on('message', (message) => this.emit('message', message));
    this.worker.on('exit', (code) => this.emit('exit', code));
  }

  postMessage(message: unknown): void {
    this.worker.postMessage(message);
  }

  kill(): boolean {
    this.killed = true;
    void this.worker.terminate();
    return true;
  }
}

export function fakeUtilityFork(): { fork: UtilityForkLike; forks: FakeUtilityProcess[] } {
  const forks: FakeUtilityProcess[] = [];
  const fork: UtilityForkLike = (modulePath, args) => {
    const child = new FakeUtilityProcess(modulePath, args);
    forks.push(child);
    return child;
  };
  return { fork, forks };
}
