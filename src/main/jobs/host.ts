import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { JobFailure, JobResult } from './errors';
import type { JobProgress, JobStart, WorkerMessage } from './protocol';
import { startWorker, type WorkerEntry } from './worker-script';

/** Interactive jobs (an explanation, a page of scores) start before every queued long one (a score, an audit). */
export type JobPriority = 'interactive' | 'long';

export interface JobHostOptions {
  entry?: WorkerEntry;
  /** V8 heap limit per thread; a job that exceeds it ends with an out-of-memory error instead of taking the app down. */
  maxHeapMb?: number;
  /** How long a cancelled job may take to reach its next check before its thread is killed. */
  cancelGraceMs?: number;
  /** Threads that may be alive at once; by default one core is left to the process that hosts the pool. */
  size?: number;
  /** How long an idle thread waits for its next job before it exits. */
  idleMs?: number;
  /** Idle threads that never exit (a long-lived app keeps its first job fast after a pause); 0 by default. */
  keepWarm?: number;
  /** Starts the worker; tests pass their own script to exercise crashes. */
  start?: (options: ConstructorParameters<typeof Worker>[1]) => Worker;
}

export interface JobOptions {
  priority?: JobPriority;
  onProgress?: (progress: JobProgress) => void;
  /** Ends the job (its thread killed) when it runs longer, counted from when it starts running. */
  timeLimitMs?: number;
  /** Runs the job in a thread of its own that exits after it: for code the app did not write (user models). */
  isolated?: boolean;
}

export interface Job<T> {
  id: number;
  result: Promise<JobResult<T>>;
  cancel(): void;
}

export interface PoolStats {
  /** Threads started and not yet exited, busy or idle. */
  live: number;
  busy: number;
  queued: number;
  /** The most threads alive at one time since the pool was made. */
  peakLive: number;
  /** Threads started since the pool was made: fewer than jobs run when threads are reused. */
  started: number;
}

/** One core for the process that hosts the pool (the engine's event loop), the rest for jobs; at least one. */
export const defaultPoolSize = () => Math.max(1, os.availableParallelism() - 1);

/**
 * A thread this long idle exits. Threads are reused because starting one costs more than an explanation: measured
 * here, a built task worker answers its first job 0.11 s after it starts (0.35 s from source through tsx), and 20
 * explanations of a PageRank run of brexit + kpop took 0.4 s on one reused thread against 7.1 s with a fresh thread
 * each (from source). Thirty seconds covers a page's burst of calls; an idle app holds no thread for long.
 */
const DEFAULT_IDLE_MS = 30_000;

interface PendingJob {
  id: number;
  task: string;
  payload: unknown;
  options: JobOptions;
  cancelFlag: SharedArrayBuffer;
  cancelRequested: boolean;
  settle(outcome: JobResult<unknown>): void;
}

interface PoolThread {
  worker: Worker;
  isolated: boolean;
  current: PendingJob | null;
  /** Asked to exit (killed, crashed, idle too long): still alive, so still counted, but never given a job. */
  retiring: boolean;
  timers: NodeJS.Timeout[];
  idleTimer?: NodeJS.Timeout;
}

/**
 * A bounded pool of job threads with a two-level queue. Every way a job can end - a result, an error it reports, an
 * exception it does not catch, running out of memory, its time limit, being cancelled queued or running, its thread
 * exiting - settles its promise with one JobResult; nothing a job does can throw into the host. A thread whose job
 * ended normally runs the next job; a thread that was killed or crashed is replaced by a fresh one.
 */
export class JobHost {
  private nextId = 1;
  private readonly queues: Record<JobPriority, PendingJob[]> = { interactive: [], long: [] };
  private readonly threads = new Set<PoolThread>();
  private peakLive = 0;
  private started = 0;
  readonly size: number;

  constructor(private readonly options: JobHostOptions = {}) {
    this.size = Math.max(1, options.size ?? defaultPoolSize());
  }

  start<T>(task: string, payload: unknown, options: JobOptions = {}): Job<T> {
    const id = this.nextId++;
    let settle!: (outcome: JobResult<unknown>) => void;
    const result = new Promise<JobResult<unknown>>((resolve) => {
      let settled = false;
      settle = (outcome) => {
        if (settled) return;
        settled = true;
        resolve(outcome);
      };
    });
    const job: PendingJob = { id, task, payload, options, cancelFlag: new SharedArrayBuffer(4), cancelRequested: false, settle };
    this.queues[options.priority ?? 'long'].push(job);
    this.pump();
    return { id, result: result as Promise<JobResult<T>>, cancel: () => this.cancel(job) };
  }

  /** Cancels every queued and running job; for shutdown. */
  cancelAll(): void {
    for (const job of [...this.queues.interactive, ...this.queues.long]) this.cancel(job);
    for (const thread of this.threads) if (thread.current) this.cancel(thread.current);
  }

  get runningCount(): number {
    return [...this.threads].filter((thread) => thread.current).length;
  }

  stats(): PoolStats {
    return { live: this.threads.size, busy: this.runningCount, queued: this.queues.interactive.length + this.queues.long.length, peakLive: this.peakLive, started: this.started };
  }

  private cancel(job: PendingJob): void {
    if (job.cancelRequested) return;
    job.cancelRequested = true;
    for (const queue of Object.values(this.queues)) {
      const at = queue.indexOf(job);
      if (at >= 0) {
        queue.splice(at, 1);
        job.settle({ ok: false, error: { code: 'cancelled', message: 'the job was cancelled' } });
        return;
      }
    }
    const thread = [...this.threads].find((candidate) => candidate.current === job);
    if (!thread) return;
    Atomics.store(new Int32Array(job.cancelFlag), 0, 1);
    thread.timers.push(setTimeout(() => this.kill(thread, { code: 'cancelled', message: 'the job was cancelled' }), this.options.cancelGraceMs ?? 3000));
  }

  /** Starts queued jobs while a thread is idle or one may be started; interactive jobs first, each level in order. */
  private pump(): void {
    for (;;) {
      const queue = this.queues.interactive.length > 0 ? this.queues.interactive : this.queues.long;
      const next = queue[0];
      if (!next) return;
      const thread = this.threadFor(next.options.isolated === true);
      if (!thread) return;
      queue.shift();
      this.run(thread, next);
    }
  }

  /** An idle reusable thread, or a new one while fewer than `size` are alive; an idle one is retired to make room. */
  private threadFor(isolated: boolean): PoolThread | null {
    const idle = [...this.threads].filter((thread) => !thread.current && !thread.retiring);
    if (!isolated) {
      const reusable = idle.find((thread) => !thread.isolated);
      if (reusable) return reusable;
    }
    if (this.threads.size < this.size) return this.spawn(isolated);
    // Full: an idle thread exits, and its exit pumps the queue again.
    if (idle[0]) this.retire(idle[0]);
    return null;
  }

  private spawn(isolated: boolean): PoolThread {
    const workerOptions = { resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb } };
    const worker = this.options.start?.(workerOptions) ?? startWorker(this.options.entry ?? 'task-worker', workerOptions);
    const thread: PoolThread = { worker, isolated, current: null, retiring: false, timers: [] };
    this.threads.add(thread);
    this.started++;
    this.peakLive = Math.max(this.peakLive, this.threads.size);
    worker.on('message', (message: WorkerMessage) => this.onMessage(thread, message));
    worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        this.finish(thread, { code: 'out_of_memory', message: `the job ran out of memory (limit ${this.maxHeapMb} MB)` });
      } else this.finish(thread, { code: 'failed', message: `the job crashed: ${error.message}` });
    });
    worker.on('exit', (code) => {
      const job = thread.current;
      if (job) {
        this.finish(
          thread,
          job.cancelRequested ? { code: 'cancelled', message: 'the job was cancelled' } : { code: 'failed', message: `the job's thread exited (code ${code}) without an answer` },
        );
      }
      this.clearTimers(thread);
      this.threads.delete(thread);
      this.pump();
    });
    return thread;
  }

  private run(thread: PoolThread, job: PendingJob): void {
    clearTimeout(thread.idleTimer);
    thread.current = job;
    thread.worker.ref();
    const { timeLimitMs } = job.options;
    if (timeLimitMs !== undefined) {
      const message = `the job ran past its time limit of ${timeLimitMs / 1000} s and was stopped`;
      thread.timers.push(setTimeout(() => this.kill(thread, { code: 'timeout', message }), timeLimitMs));
    }
    const start: JobStart = { type: 'run', jobId: job.id, task: job.task, payload: job.payload, cancelFlag: job.cancelFlag };
    thread.worker.postMessage(start);
  }

  private onMessage(thread: PoolThread, message: WorkerMessage): void {
    const job = thread.current;
    if (!job || message.jobId !== job.id) return;
    if (message.type === 'progress') {
      job.options.onProgress?.({ fraction: message.fraction, phase: message.phase });
      return;
    }
    job.settle(message.type === 'result' ? { ok: true, value: message.value } : { ok: false, error: message.error });
    this.release(thread);
  }

  /** Ends the thread's job with a failure and the thread with it: its state after a crash or a kill is unknown. */
  private finish(thread: PoolThread, failure: JobFailure): void {
    thread.current?.settle({ ok: false, error: failure });
    thread.current = null;
    this.retire(thread);
  }

  private kill(thread: PoolThread, failure: JobFailure): void {
    if (thread.current) this.finish(thread, failure);
  }

  /** A thread whose job answered waits for the next one, unless it ran code the app did not write. */
  private release(thread: PoolThread): void {
    thread.current = null;
    this.clearTimers(thread);
    if (thread.isolated) {
      this.retire(thread);
      return;
    }
    // An idle thread must not keep a CLI process alive.
    thread.worker.unref();
    thread.idleTimer = setTimeout(() => this.retireIdle(thread), this.options.idleMs ?? DEFAULT_IDLE_MS);
    thread.idleTimer.unref();
    this.pump();
  }

  /** An idle thread exits unless it is one of the `keepWarm` threads the pool keeps alive. */
  private retireIdle(thread: PoolThread): void {
    const alive = [...this.threads].filter((other) => !other.retiring && !other.isolated).length;
    if (alive > (this.options.keepWarm ?? 0)) this.retire(thread);
  }

  private retire(thread: PoolThread): void {
    thread.retiring = true;
    this.clearTimers(thread);
    clearTimeout(thread.idleTimer);
    void thread.worker.terminate();
  }

  private clearTimers(thread: PoolThread): void {
    for (const timer of thread.timers) clearTimeout(timer);
    thread.timers = [];
  }

  private get maxHeapMb(): number {
    return this.options.maxHeapMb ?? 4096;
  }
}
