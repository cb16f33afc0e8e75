import type { ErrorCode } from '../../shared/domain';
import type { JobErrorCode, JobFailure, JobResult } from '../jobs/errors';
import { JobHost, type JobPriority } from '../jobs/host';
import { TASK_PRIORITY, type TaskIn, type TaskName, type TaskOut } from '../tasks/map';
import type { ServiceContext } from './context';
import { ServiceError } from './errors';

let sharedHost: JobHost | null = null;

/** The pool used when a context brings none (tests, one-off calls): one per process, so the bound holds. */
export const sharedJobHost = () => (sharedHost ??= new JobHost());

/** What a job's end means to the caller of a service: a time limit, memory or a crash are the app's failure. */
const API_CODE: Record<JobErrorCode, ErrorCode> = {
  timeout: 'internal',
  cancelled: 'cancelled',
  out_of_memory: 'internal',
  invalid_input: 'invalid_input',
  not_found: 'not_found',
  conflict: 'conflict',
  failed: 'internal',
};

/** A job that did not answer, as a service error that still carries the job's own code (`timeout`, ...). */
export class JobFailedError extends ServiceError {
  constructor(readonly failure: JobFailure) {
    super(API_CODE[failure.code], failure.message);
  }
}

export interface RunJobOptions {
  /** By default the task's own (TASK_PRIORITY); a caller may raise a long task a user waits on. */
  priority?: JobPriority;
  timeLimitMs?: number;
  /** A thread of its own, not reused: for code the app did not write. */
  isolated?: boolean;
}

/**
 * Runs one task in the context's job pool: progress to the caller, its abort signal cancels the job (queued or
 * running), and every end as a JobResult.
 */
export async function runJob<K extends TaskName>(
  context: ServiceContext,
  task: K,
  payload: TaskIn<K>,
  options: RunJobOptions = {},
): Promise<JobResult<TaskOut<K>>> {
  const host = context.jobs ?? sharedJobHost();
  if (context.signal?.aborted) return { ok: false, error: { code: 'cancelled', message: 'the job was cancelled' } };
  const job = host.start<TaskOut<K>>(task, payload, {
    priority: options.priority ?? TASK_PRIORITY[task],
    onProgress: context.onJobProgress,
    timeLimitMs: options.timeLimitMs,
    isolated: options.isolated,
  });
  const cancel = () => job.cancel();
  context.signal?.addEventListener('abort', cancel, { once: true });
  try {
    return await job.result;
  } finally {
    context.signal?.removeEventListener('abort', cancel);
  }
}

/** `runJob` for a service that only goes on with the answer: a failure is thrown as a JobFailedError. */
export async function jobValue<K extends TaskName>(context: ServiceContext, task: K, payload: TaskIn<K>, options: RunJobOptions = {}): Promise<TaskOut<K>> {
  const result = await runJob(context, task, payload, options);
  if (!result.ok) throw new JobFailedError(result.error);
  return result.value;
}
