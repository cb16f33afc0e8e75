import { JobHost } from '../jobs/host';
import type { ServiceContext } from './context';
import { ServiceError } from './errors';

let sharedHost: JobHost | null = null;

/** Runs one job for a service call: progress to the caller, its abort signal cancels the job, errors as ServiceError. */
export async function runJob<T>(context: ServiceContext, task: string, payload: unknown, timeLimitMs?: number): Promise<T> {
  const host = context.jobs ?? (sharedHost ??= new JobHost());
  const job = host.start<T>(task, payload, context.onJobProgress, timeLimitMs);
  const cancel = () => job.cancel();
  context.signal?.addEventListener('abort', cancel, { once: true });
  try {
    const result = await job.result;
    if (!result.ok) throw new ServiceError(result.error.code, result.error.message);
    return result.value;
  } finally {
    context.signal?.removeEventListener('abort', cancel);
  }
}
