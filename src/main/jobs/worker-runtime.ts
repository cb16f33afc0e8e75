import { parentPort, workerData } from 'node:worker_threads';
import type { ApiError } from '../../shared/domain';
import { CancelledError, ModelInputError } from '../scoring/model';
import type { JobStart, WorkerMessage } from './protocol';

export interface JobControls {
  progress(fraction: number, phase: string): void;
  checkCancelled(): void;
}

export interface JobOutcome {
  value: unknown;
  /** Buffers handed to the host without copying (large score arrays). */
  transfer?: ArrayBuffer[];
}

export type JobHandler = (payload: never, controls: JobControls) => Promise<JobOutcome> | JobOutcome;

/** How often progress may be posted; a phase change is always posted at once. */
const PROGRESS_INTERVAL_MS = 100;

/** Worker side of the job protocol: runs the one job this worker was started for and reports back as data. */
export async function serveJob(handlers: Record<string, JobHandler>): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('serveJob must run in a worker thread');
  const start = workerData as JobStart;
  const cancelled = new Int32Array(start.cancelFlag);
  const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  let lastPhase = '';
  let lastPost = 0;
  const controls: JobControls = {
    progress(fraction, phase) {
      const now = Date.now();
      if (phase === lastPhase && now - lastPost < PROGRESS_INTERVAL_MS) return;
      lastPhase = phase;
      lastPost = now;
      post({ type: 'progress', fraction: Math.min(1, Math.max(0, fraction)), phase });
    },
    checkCancelled() {
      if (Atomics.load(cancelled, 0) !== 0) throw new CancelledError();
    },
  };
  try {
    const handler = handlers[start.task];
    if (!handler) throw new Error(`unknown job task "${start.task}"`);
    const outcome = await handler(start.payload as never, controls);
    post({ type: 'result', value: outcome.value }, outcome.transfer);
  } catch (error) {
    post({ type: 'error', error: jobError(error) });
  }
}

function jobError(error: unknown): ApiError {
  if (error instanceof CancelledError) return { code: 'cancelled', message: 'the job was cancelled' };
  if (error instanceof ModelInputError) return { code: 'invalid_input', message: error.message };
  const code = (error as { code?: unknown }).code;
  if (code === 'not_found' || code === 'invalid_input' || code === 'conflict') {
    return { code, message: (error as Error).message };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `the job failed: ${message}` };
}
