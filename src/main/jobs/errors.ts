/**
 * How a job can end without a value. The code travels from the worker to the host as data (a `JobFailure`), never as
 * an exception class or a message to match: a structured clone keeps plain objects, not prototypes.
 */
export const JOB_ERROR_CODES = [
  /** It ran past its time limit (code the app did not write: user models) and its thread was killed. */
  'timeout',
  'cancelled',
  /** Its thread exceeded the heap limit and was killed. */
  'out_of_memory',
  /** The input is wrong in a way only the data shows (an unknown account, parameters a user model rejects). */
  'invalid_input',
  'not_found',
  /** The stored data no longer matches what the job was asked about (the dataset changed since a run). */
  'conflict',
  /** Anything else: an exception the task did not expect, a crash, a thread that exited without answering. */
  'failed',
] as const;
export type JobErrorCode = (typeof JOB_ERROR_CODES)[number];

export interface JobFailure {
  code: JobErrorCode;
  message: string;
}

export type JobResult<T> = { ok: true; value: T } | { ok: false; error: JobFailure };

/** An expected way for a task to fail, thrown inside a worker; the runtime sends its code and message. */
export class JobError extends Error {
  constructor(
    readonly code: JobErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Thrown by `checkCancelled` once the host has asked the job to stop. */
export class CancelledError extends JobError {
  constructor() {
    super('cancelled', 'the job was cancelled');
  }
}

/** What any exception becomes when it leaves a task. */
export function jobFailure(error: unknown): JobFailure {
  if (error instanceof JobError) return { code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'failed', message: `the job failed: ${message}` };
}
