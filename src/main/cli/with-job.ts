import { jobProgressReporter } from './progress';

/** Runs a service call that starts a scoring job: progress on stderr, Ctrl-C cancels it. */
export async function withJob<T>(body: (signal: AbortSignal, onJobProgress: (p: { fraction: number; phase: string }) => void) => Promise<T>) {
  const progress = jobProgressReporter();
  const abort = new AbortController();
  const onInterrupt = () => abort.abort();
  process.once('SIGINT', onInterrupt);
  try {
    return await body(abort.signal, progress.report);
  } finally {
    progress.done();
    process.off('SIGINT', onInterrupt);
  }
}

