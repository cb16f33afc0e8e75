/**
 * The writer thread of an import (import/writer.ts), as plain CommonJS run with `new Worker(code, { eval: true })`:
 * it needs nothing of the app but better-sqlite3, so it runs the same from source (tsx), from the bundle and in
 * Electron without a bundle entry of its own. It is a synchronous loop, not an event loop: messages are taken
 * with receiveMessageOnPort and the thread sleeps in Atomics.wait until the import thread counts a new one.
 *
 * Shared state (Int32Array over a SharedArrayBuffer), indices as in writer.ts SLOT.
 * A `batch` marker ends a consistent group (the sink flushed every buffered row, accounts before what refers to
 * them), the only points at which it commits: once the batch is COMMIT_MS old, or after IDLE_COMMIT_MS without a
 * message, since the import thread may then be waiting for the write lock (another connection's write on its
 * thread) and would send nothing more. `sync` commits and says so; `close` commits and closes; `abort` rolls back and
 * closes. After a failed statement (or a database it could not open) every later statement is skipped, the error is
 * sent once on the reply port, and syncs are still answered. A message may carry chunks of the file being read,
 * hashed in order; one with `digest` set answers the file's sha256 on the reply port and starts the next.
 */
export const WRITER_THREAD_SOURCE = String.raw`
const { workerData, receiveMessageOnPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const Database = require(workerData.module);
const SLOT = workerData.slots;
const COMMIT_MS = workerData.commitMs;
const NOTIFY_EVERY = 8;
const IDLE_COMMIT_MS = workerData.idleCommitMs;
const shared = new Int32Array(workerData.state);
const { port, replies } = workerData;
/** The connection, opened below; null when it could not be. */
let db = null;
const statements = [];
let failed = false;
let markerPending = false;
let batchStarted = Date.now();
let processed = 0;
let fileHash = createHash('sha256');
const signal = (slot, value) => { Atomics.store(shared, slot, value); Atomics.notify(shared, slot); };
function commit() {
  if (db.inTransaction) db.exec('COMMIT');
  markerPending = false;
  batchStarted = Date.now();
}
function fail(error) {
  if (failed) return;
  failed = true;
  try { if (db && db.inTransaction) db.exec('ROLLBACK'); } catch {}
  replies.postMessage({ message: String(error && error.message), code: error && error.code, name: error && error.name });
  signal(SLOT.failed, 1);
}
function apply(op) {
  if (op.length === 2) { statements[op[0]] = db.prepare(op[1]); return; }
  if (!db.inTransaction) db.exec('BEGIN IMMEDIATE');
  const statement = statements[op[0]];
  if (op[2] === undefined) statement.run(op[1]); else statement.run(op[1], op[2]);
}
// A database that cannot be opened fails the writer like a failed statement: every sync is still answered.
try {
  db = new Database(workerData.file, workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {});
  for (const pragma of workerData.pragmas) db.pragma(pragma);
} catch (error) { fail(error); }
for (;;) {
  const received = receiveMessageOnPort(port);
  if (received === undefined) {
    signal(SLOT.processed, processed);
    const canCommit = markerPending && !failed;
    Atomics.store(shared, SLOT.asleep, 1);
    const waited = Atomics.wait(shared, SLOT.sent, processed, canCommit ? IDLE_COMMIT_MS : undefined);
    Atomics.store(shared, SLOT.asleep, 0);
    if (canCommit && (waited === 'timed-out' || Date.now() - batchStarted >= COMMIT_MS)) {
      try { commit(); } catch (error) { fail(error); }
    }
    continue;
  }
  const { ops, chunks, marker, seq, digest } = received.message;
  for (const chunk of chunks) fileHash.update(chunk);
  if (!failed) {
    try {
      // Rows after the last marker may refer to rows not sent yet: no commit until the next marker.
      if (ops.length > 0) markerPending = false;
      for (const op of ops) apply(op);
      if (marker === 'batch') {
        markerPending = true;
        if (Date.now() - batchStarted >= COMMIT_MS) commit();
      } else if (marker === 'sync' || marker === 'close') commit();
    } catch (error) { fail(error); }
  }
  if (digest) {
    if (!failed) replies.postMessage({ digest: fileHash.digest('hex') });
    fileHash = createHash('sha256');
  }
  processed++;
  if (marker === 'close' || marker === 'abort') {
    try { if (db && db.inTransaction) db.exec('ROLLBACK'); if (db) db.close(); } catch (error) { fail(error); }
  }
  if (marker === 'sync' || marker === 'close' || marker === 'abort') signal(SLOT.synced, seq);
  // A wake-up costs a system call when the import thread waits: every NOTIFY_EVERY messages, and when idle (above).
  if (processed % NOTIFY_EVERY === 0) signal(SLOT.processed, processed);
  else Atomics.store(shared, SLOT.processed, processed);
  if (marker === 'close' || marker === 'abort') break;
}
`;
