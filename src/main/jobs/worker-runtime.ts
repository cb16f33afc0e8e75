import { parentPort } from 'node:worker_threads';
import { CancelledError, jobFailure } from './errors';
import type { JobStart, WorkerMessage } from './protocol';

export interface JobControls {
  progress(fraction: number, phase: string): void;
  checkCancelled(): void;
}

export interface JobOutcome<Value = unknown> {
  value: Value;
  /** Buffers handed to the host without copying (large score arrays). */
  transfer?: ArrayBuffer[];
}

export type JobHandler<Payload = never, Value = unknown> = (
  payload: Payload,
  controls: JobControls,
) => Promise<JobOutcome<Value>> | JobOutcome<Value>;

/** How often progress may be posted; a phase change is always posted at once. */
const PROGRESS_INTERVAL_MS = 100;

/**
 * Worker side of the job protocol: runs each job the host sends, one at a time, and reports back as data. Every
 * exception a task throws becomes a `JobFailure` with its code; nothing but the message crosses the boundary.
 */
export function serveJobs(handlers: Record<string, JobHandler>): void {
  const port = parentPort;
  if (!port) throw new Error('serveJobs must run in a worker thread');
  port.on('message', (start: JobStart) => void runJob(start, handlers, (message, transfer) => port.postMessage(message, transfer ?? [])));
}

async function runJob(start: JobStart, handlers: Record<string, JobHandler>, post: (message: WorkerMessage, transfer?: ArrayBuffer[]) => void) {
  const { jobId } = start;
  const cancelled = new Int32Array(start.cancelFlag);
  let lastPhase = '';
  let lastPost = 0;
  const controls: JobControls = {
    progress(fraction, phase) {
      const now = Date.now();
      if (phase === lastPhase && now - lastPost < PROGRESS_INTERVAL_MS) return;
      lastPhase = phase;
      lastPost = now;
      post({ type: 'progress', jobId, fraction: Math.min(1, Math.max(0, fraction)), phase });
    },
    checkCancelled() {
      if (Atomics.load(cancelled, 0) !== 0) throw new CancelledError();
    },
  };
  try {
    const handler = handlers[start.task];
    if (!handler) throw new Error(`unknown job task "${start.task}"`);
    const outcome = await handler(start.payload as never, controls);
    post({ type: 'result', jobId, value: outcome.value }, outcome.transfer);
  } catch (error) {
    post({ type: 'error', jobId, error: jobFailure(error) });
  }
}
