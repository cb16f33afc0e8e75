import type { ErrorCode } from '../../shared/domain';
import type { JobProgress } from '../../shared/runs';
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
 * The stages a task's progress goes through, each reported from 0 to 1 again: a score or an explanation first loads
 * the dataset ("reading interactions" 0..1, "caching graph" at 1; nothing to read when the graph is cached), then
 * runs the model (its own phases 0..1), which scoring/tasks.ts opens with the phase "scoring". Tasks not listed
 * report one stage.
 */
const TASK_STAGES: Partial<Record<TaskName, Stages>> = { score: { count: 2, lastOpensWith: 'scoring' }, explain: { count: 2 } };

interface Stages {
  count: number;
  /** The phase that opens the last stage, when it may begin without the fraction going back (a cached graph). */
  lastOpensWith?: string;
}

/**
 * What is left of the bar when a job's last stage ends: the service still stores or shapes the answer (a score's
 * columns are written by the engine after the job), so the bar never reads full, nor "done", before the answer is there.
 */
const AFTER_JOB_SHARE = 0.05;

/**
 * A job's progress as one bar that only moves forward: each stage of the task gets an equal part of the bar (a
 * fraction lower than the last one means the next stage has begun), and a phase the model names "done" reads
 * "finishing" until the service answers.
 */
export function stagedProgress(stages: Stages, report: (progress: JobProgress) => void): (progress: JobProgress) => void {
  let stage = 0;
  let lastFraction = 0;
  let shown = 0;
  return ({ fraction, phase }) => {
    if (phase === stages.lastOpensWith) stage = stages.count - 1;
    else if (fraction < lastFraction && stage < stages.count - 1) stage++;
    lastFraction = fraction;
    shown = Math.max(shown, ((stage + fraction) / stages.count) * (1 - AFTER_JOB_SHARE));
    report({ fraction: shown, phase: phase === 'done' ? 'finishing' : phase });
  };
}

/**
 * The context for step `index` of `count` jobs one call runs in turn (windows, a sweep): each step's progress fills
 * its own part of the bar, its phase prefixed with what the step is ("window 3 of 7: reading interactions").
 */
export function stepContext(context: ServiceContext, index: number, count: number, label: string): ServiceContext {
  const report = context.onJobProgress;
  if (!report) return context;
  return { ...context, onJobProgress: ({ fraction, phase }) => report({ fraction: (index + fraction) / count, phase: `${label}: ${phase}` }) };
}

/**
 * Runs one task in the context's job pool: progress to the caller (staged, see stagedProgress), its abort signal cancels the job (queued or
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
    onProgress: context.onJobProgress && stagedProgress(TASK_STAGES[task] ?? { count: 1 }, context.onJobProgress),
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
