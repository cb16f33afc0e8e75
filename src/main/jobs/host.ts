import type { Worker } from 'node:worker_threads';
import { fail, ok, type Result } from '../../shared/domain';
import type { JobProgress, JobStart, WorkerMessage } from './protocol';
import { startWorker, type WorkerEntry } from './worker-script';

export interface JobHostOptions {
  entry?: WorkerEntry;
  /** V8 heap limit per job; a job that exceeds it ends with an out-of-memory error instead of taking the app down. */
  maxHeapMb?: number;
  /** How long a cancelled job may take to reach its next check before its thread is killed. */
  cancelGraceMs?: number;
  /** Starts the worker; tests pass their own script to exercise crashes. */
  start?: (options: ConstructorParameters<typeof Worker>[1]) => Worker;
}

export interface Job<T> {
  id: number;
  result: Promise<Result<T>>;
  cancel(): void;
}

/**
 * Runs jobs in worker threads, one thread per job. Every way a job can end - a result, an error it reports, an
 * exception it does not catch, running out of memory, being cancelled or killed - settles its promise with a
 * Result; nothing a job does can throw into the host.
 */
export class JobHost {
  private nextId = 1;
  private readonly running = new Map<number, Job<unknown>>();

  constructor(private readonly options: JobHostOptions = {}) {}

  /** `timeLimitMs` ends the job (its thread killed) when it runs longer: for code the app did not write. */
  start<T>(task: string, payload: unknown, onProgress?: (progress: JobProgress) => void, timeLimitMs?: number): Job<T> {
    const id = this.nextId++;
    const cancelFlag = new SharedArrayBuffer(4);
    const workerData: JobStart = { task, payload, cancelFlag };
    const workerOptions = { workerData, resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb ?? 4096 } };
    const worker = this.options.start?.(workerOptions) ?? startWorker(this.options.entry ?? 'scoring-worker', workerOptions);
    let killTimer: NodeJS.Timeout | undefined;
    let cancelRequested = false;
    const result = new Promise<Result<T>>((resolve) => {
      let settled = false;
      const settle = (outcome: Result<T>) => {
        if (settled) return;
        settled = true;
        clearTimeout(killTimer);
        this.running.delete(id);
        resolve(outcome);
        void worker.terminate();
      };
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'progress') onProgress?.({ fraction: message.fraction, phase: message.phase });
        else if (message.type === 'result') settle(ok(message.value as T));
        else settle({ ok: false, error: message.error });
      });
      worker.on('error', (error: Error & { code?: string }) => {
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          settle(fail('internal', `the job ran out of memory (limit ${workerOptions.resourceLimits.maxOldGenerationSizeMb} MB)`));
        } else settle(fail('internal', `the job crashed: ${error.message}`));
      });
      if (timeLimitMs !== undefined) {
        const limit = setTimeout(() => {
          settle(fail('internal', `the job ran past its time limit of ${timeLimitMs / 1000} s and was stopped`));
        }, timeLimitMs);
        worker.once('exit', () => clearTimeout(limit));
      }
      worker.on('exit', (code) => {
        if (cancelRequested) settle(fail('cancelled', 'the job was cancelled'));
        else settle(fail('internal', `the job's thread exited (code ${code}) without an answer`));
      });
    });
    const job: Job<T> = {
      id,
      result,
      cancel: () => {
        if (cancelRequested) return;
        cancelRequested = true;
        Atomics.store(new Int32Array(cancelFlag), 0, 1);
        killTimer = setTimeout(() => void worker.terminate(), this.options.cancelGraceMs ?? 3000);
      },
    };
    this.running.set(id, job as Job<unknown>);
    return job;
  }

  /** Cancels every running job; for shutdown. */
  cancelAll(): void {
    for (const job of this.running.values()) job.cancel();
  }

  get runningCount(): number {
    return this.running.size;
  }
}
