/// <reference lib="es2024.sharedmemory" />
import { createRequire } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { ChunkHasher } from './source';
import { WRITER_THREAD_SOURCE } from './writer-thread';

/** Indices into the shared Int32Array: messages sent, messages processed, last sync done, failed flag, writer asleep. */
const SLOT = { sent: 0, processed: 1, synced: 2, failed: 3, asleep: 4 } as const;
/**
 * How long a staging batch runs before the writer commits it (at the next consistent point). A commit writes the
 * batch's dirty pages to the WAL, the last page of every table and index again each time: committing every 1 MiB
 * chunk cost 1.6 s of a 5M-row CSV import. Another writer waits for it (busy_timeout), so it stays well under 1 s.
 */
const COMMIT_MS = 250;
/**
 * How long the writer waits idle at a consistent point before it commits anyway: a write of another connection on
 * the import's thread waits for the lock that long (plus the writer's backlog) while that thread stands still.
 */
const IDLE_COMMIT_MS = 50;
/**
 * Statements per message: a message costs about 10 us to post, a statement of 128 rows about 150 us to run, and
 * waking the sleeping writer for it about 0.6 ms of the import thread's time on a loaded machine (614 wake-ups took
 * 380 ms of two 100 MB tweet imports with 16 statements a message): 64 wake it a quarter as often.
 */
const OPS_PER_MESSAGE = 64;
/**
 * Messages the writer may lag behind. Between chunks the import thread waits until it is at most LOW_WATER behind,
 * without blocking (drained()), so the engine answers other calls meanwhile; within a chunk (about 11 messages per
 * MiB of edges) it blocks only past MAX_IN_FLIGHT: 32 x 64 x 128 rows, about 260k rows held, as with 16 a message.
 * LOW_WATER lets the writer work on one chunk while the next is parsed, where waiting for it to drain each chunk ran
 * the two threads one after the other; 16 (two of the writer's NOTIFY_EVERY) waited 18 ms less per 100 MB of tweet
 * pages than 8, and 24 no less than 16.
 */
const MAX_IN_FLIGHT = 32;
const LOW_WATER = 16;

type Op = [statement: number, sql: string] | [statement: number, params: unknown[], named: Record<string, unknown> | undefined];

/** An error of the writer thread, rethrown on the import thread with the SQLite error's message and code. */
export class ImportWriteError extends Error {
  constructor(message: string, readonly code: string | undefined) {
    super(message);
    this.name = 'SqliteError';
  }
}

/**
 * The import's writes, run on a thread of their own with their own connection, while the import thread reads and
 * parses the next rows: a 5M-row import spends about half its time in SQLite (measured with --cpu-prof). Calls are
 * synchronous for the sink: statements queue in order and the writer runs them in order; commit() waits (Atomics)
 * until everything sent is written and committed, so the import thread's own writes and reads of the staging rows
 * after it see them. The writer commits only at consistent points (batchEnd), so a kill -9 leaves a staging dataset
 * whose committed rows all refer to committed rows, as before.
 */
export class ImportWriter {
  private readonly state = new Int32Array(new SharedArrayBuffer(4 * 5));
  private readonly port: MessagePort;
  private readonly replies: MessagePort;
  private readonly worker: Worker;
  private ops: Op[] = [];
  /** Chunks of the file being read, for the sha256 the writer computes (fileSha256). */
  private chunks: Buffer[] = [];
  /** The memory of chunks handed over whole, moved to the writer with the next message instead of copied. */
  private handedOver: ArrayBuffer[] = [];
  private digestWanted = false;
  private statementCount = 0;
  private sent = 0;
  /** `sent` when the last sync was done: nothing sent since means nothing is uncommitted. */
  private sentAtSync = 0;
  private syncs = 0;
  private closed = false;
  private failure: ImportWriteError | undefined;

  constructor(file: string, pragmas: readonly string[]) {
    const ops = new MessageChannel();
    const replies = new MessageChannel();
    this.port = ops.port1;
    this.replies = replies.port1;
    this.worker = new Worker(WRITER_THREAD_SOURCE, {
      eval: true,
      workerData: { file, pragmas, module: betterSqlite3Path(), nativeBinding: process.env.INFLUENCE_LENS_SQLITE_BINDING,
        state: this.state.buffer, slots: SLOT, commitMs: COMMIT_MS, idleCommitMs: IDLE_COMMIT_MS, port: ops.port2, replies: replies.port2 },
      transferList: [ops.port2, replies.port2],
    });
    // Referenced while the import runs: between chunks the import thread may wait on nothing but the writer
    // (Atomics.waitAsync holds no handle), and an unreferenced thread let a CLI import exit there. The thread ends
    // itself after close or abort.
  }

  /** A statement the writer prepares once; returns its key for run(). */
  prepare(sql: string): number {
    const key = this.statementCount++;
    this.ops.push([key, sql]);
    return key;
  }

  run(statement: number, params: unknown[], named?: Record<string, unknown>): void {
    this.ops.push([statement, params, named]);
    if (this.ops.length >= OPS_PER_MESSAGE) this.send();
  }

  /**
   * The sha256 of the file being read, computed on the writer thread: hashing took about 8% of the import thread's
   * time on tweet pages, while the writer waits for work half of the time. Each chunk goes with the next message,
   * moved when the reader handed it over (copying 512 MiB of tweet pages cost about 45 ms on each thread, and page
   * faults on the writer's), else copied; digest() waits for the writer like commit() and starts the next file's hash.
   */
  fileSha256(): ChunkHasher {
    return {
      update: (chunk, handedOver) => {
        this.chunks.push(chunk);
        const memory = handedOver ? wholeMemoryOf(chunk) : null;
        if (memory) this.handedOver.push(memory);
      },
      digest: () => {
        this.digestWanted = true;
        this.syncUntilDone('sync');
        const reply = receiveMessageOnPort(this.replies)?.message as { digest?: string } | undefined;
        if (typeof reply?.digest !== 'string') throw new ImportWriteError('the import writer sent no sha256 of the file', undefined);
        return reply.digest;
      },
    };
  }

  /** A consistent point: everything sent so far may be committed (the writer does after COMMIT_MS, or when idle). */
  batchEnd(): void {
    this.send('batch');
  }

  /** Resolves once the writer is at most LOW_WATER messages behind, leaving this thread free meanwhile. */
  async drained(): Promise<void> {
    for (let processed = Atomics.load(this.state, SLOT.processed); this.sent - processed > LOW_WATER;
      processed = Atomics.load(this.state, SLOT.processed)) {
      const wait = Atomics.waitAsync(this.state, SLOT.processed, processed);
      if (wait.async) await wait.value;
    }
    this.throwIfFailed();
  }

  /**
   * Waits until every statement sent is written and committed; throws the writer's error if one failed. With
   * nothing sent since the last commit it returns at once: the first one of an import waited about 40 ms for the
   * thread to start and open its connection.
   */
  commit(): void {
    if (this.ops.length === 0 && this.sent === this.sentAtSync) return this.throwIfFailed();
    this.syncUntilDone('sync');
  }

  /** Commits what is left and ends the thread. */
  close(): void {
    if (this.closed) return;
    this.syncUntilDone('close');
  }

  /** Rolls back the open batch and ends the thread; what it committed stays (the caller removes the staging rows). */
  abort(): void {
    if (this.closed) return;
    this.closed = true;
    this.ops = [];
    this.chunks = [];
    this.handedOver = [];
    this.post('abort', ++this.syncs);
    this.waitForSync(this.syncs);
  }

  private syncUntilDone(marker: 'sync' | 'close'): void {
    this.send(marker, ++this.syncs);
    this.waitForSync(this.syncs);
    this.sentAtSync = this.sent;
    // After `close` the thread has ended, whether or not its last commit failed: nothing is left to abort.
    if (marker === 'close') this.closed = true;
    this.throwIfFailed();
  }

  private send(marker?: 'batch' | 'sync' | 'close', seq?: number): void {
    this.throwIfFailed();
    this.post(marker, seq);
  }

  private post(marker?: 'batch' | 'sync' | 'close' | 'abort', seq?: number): void {
    this.port.postMessage({ ops: this.ops, chunks: this.chunks, marker, seq, digest: this.digestWanted }, this.handedOver);
    this.ops = [];
    this.chunks = [];
    this.handedOver = [];
    this.digestWanted = false;
    this.sent++;
    Atomics.store(this.state, SLOT.sent, this.sent);
    // Only a sleeping writer needs the wake-up (a system call). It says it sleeps before it checks `sent` in
    // Atomics.wait, and these accesses are sequentially consistent: either it sees the new count or we see it asleep.
    if (Atomics.load(this.state, SLOT.asleep) === 1) Atomics.notify(this.state, SLOT.sent);
    for (let processed = Atomics.load(this.state, SLOT.processed); this.sent - processed > MAX_IN_FLIGHT;
      processed = Atomics.load(this.state, SLOT.processed)) {
      Atomics.wait(this.state, SLOT.processed, processed);
    }
  }

  private waitForSync(seq: number): void {
    for (let synced = Atomics.load(this.state, SLOT.synced); synced < seq; synced = Atomics.load(this.state, SLOT.synced)) {
      Atomics.wait(this.state, SLOT.synced, synced);
    }
  }

  private throwIfFailed(): void {
    if (Atomics.load(this.state, SLOT.failed) === 0) return;
    const reply = receiveMessageOnPort(this.replies)?.message as { message: string; code?: string } | undefined;
    this.failure ??= new ImportWriteError(reply?.message ?? 'the import writer failed', reply?.code);
    if (!this.closed) this.abort();
    throw this.failure;
  }
}

/** The chunk's ArrayBuffer when the chunk is all of it (a file stream's chunk), not a view into a pool shared with others. */
function wholeMemoryOf(chunk: Buffer): ArrayBuffer | null {
  const memory = chunk.buffer;
  return memory instanceof ArrayBuffer && chunk.byteOffset === 0 && chunk.byteLength === memory.byteLength ? memory : null;
}

/** better-sqlite3 as this process loads it, for the writer thread's require. */
function betterSqlite3Path(): string {
  return createRequire(import.meta.url).resolve('better-sqlite3');
}
