import type { JobFailure } from './errors';

/**
 * Host to worker: run one job. A pool thread runs its jobs one after another, so a message carries everything a job
 * needs; the cancel flag is per job, so a cancel that arrives late cannot stop the thread's next job.
 */
export interface JobStart {
  type: 'run';
  jobId: number;
  task: string;
  payload: unknown;
  /** Int32 flag: set to 1 when the job should stop at its next check. */
  cancelFlag: SharedArrayBuffer;
}

export interface JobProgress {
  fraction: number;
  phase: string;
}

/** Worker to host, each naming the job it is about. */
export type WorkerMessage =
  | ({ type: 'progress'; jobId: number } & JobProgress)
  | { type: 'result'; jobId: number; value: unknown }
  | { type: 'error'; jobId: number; error: JobFailure };
