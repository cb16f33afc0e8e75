import type { ApiError } from '../../shared/domain';

/** What a job worker is started with (as workerData): one job per worker, so a crash takes only its own job. */
export interface JobStart {
  task: string;
  payload: unknown;
  /** Int32 flag: set to 1 when the job should stop at its next check. */
  cancelFlag: SharedArrayBuffer;
}

export interface JobProgress {
  fraction: number;
  phase: string;
}

export type WorkerMessage =
  | ({ type: 'progress' } & JobProgress)
  | { type: 'result'; value: unknown }
  | { type: 'error'; error: ApiError };
