import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrations, schemaVersion } from './migrations';

export type Db = Database.Database;

export class DatabaseTooNewError extends Error {
  constructor(file: string, found: number) {
    super(
      `${file} has schema version ${found}, but this Influence Lens understands up to version ${schemaVersion}; ` +
        'open it with a newer Influence Lens, or choose another database with --db',
    );
  }
}

export interface OpenOptions {
  /** SQLite's page cache for this connection; scoring workers read large BLOBs once and need little. */
  cacheMib?: number;
}

/** Opens (creating if needed) a workbench database and brings its schema up to date. */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  // A workbench holds private exports: folders made here are the user's alone (0700), and the file is 0600 before
  // SQLite makes its -wal and -shm files, which take the database file's mode.
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // The Electron app loads a better-sqlite3 build for Electron's ABI (docs/ARCHITECTURE.md, "Native module");
  // Node (CLI, tests, browser mode) loads the one in node_modules.
  const nativeBinding = process.env.INFLUENCE_LENS_SQLITE_BINDING;
  const db = new Database(file, nativeBinding ? { nativeBinding } : {});
  restrictToOwner(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma(`cache_size = -${(options.cacheMib ?? 64) * 1024}`);
    db.pragma('temp_store = MEMORY');
    // A writer from another thread (a scoring worker storing a graph cache) waits for an import's batch to commit;
    // a batch is about 1 MiB of input, well under a second, so 30 s only expires on a stuck process.
    db.pragma('busy_timeout = 30000');
    migrate(db, file);
    guardWrites(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function migrate(db: Db, file = db.name): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > schemaVersion) throw new DatabaseTooNewError(file, current);
  for (let version = current; version < schemaVersion; version++) {
    db.transaction(() => {
      db.exec(migrations[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

/** Connections of this thread that keep a write transaction open between awaits: an import's staging batches. */
const batching = new Set<Db>();

/**
 * Makes `db` write in batch transactions that the import commits at its own pace (commitBatch), opened at its
 * first write. Any other connection of this thread that is about to write first commits them: the batch holds
 * SQLite's one write lock, and a writer of the same thread waiting for it would wait on itself.
 */
export function startBatching(db: Db): void {
  batching.add(db);
}

/** Commits the open batch, if any; its rows are in the staging dataset, which no read sees. */
export function commitBatch(db: Db): void {
  if (db.inTransaction) db.exec('COMMIT');
}

/** Ends batching: rolls back what the last batch wrote (the caller commits first when it wants to keep it). */
export function stopBatching(db: Db): void {
  batching.delete(db);
  if (db.inTransaction) db.exec('ROLLBACK');
}

function beforeWrite(writer: Db): void {
  for (const other of batching) if (other !== writer) commitBatch(other);
  if (batching.has(writer) && !writer.inTransaction) writer.exec('BEGIN IMMEDIATE');
}

/** Routes every write of the connection (statements that are not readers, exec, transactions) through beforeWrite. */
function guardWrites(db: Db): void {
  const prepare = db.prepare.bind(db);
  const exec = db.exec.bind(db);
  const transaction = db.transaction.bind(db);
  db.prepare = ((source: string) => {
    const statement = prepare(source);
    if (statement.reader) return statement;
    const run = statement.run.bind(statement);
    statement.run = ((...params: unknown[]) => {
      beforeWrite(db);
      return run(...params);
    }) as typeof statement.run;
    return statement;
  }) as typeof db.prepare;
  db.exec = ((source: string) => {
    if (!/^\s*(COMMIT|ROLLBACK|BEGIN|RELEASE|SAVEPOINT)\b/i.test(source)) beforeWrite(db);
    return exec(source);
  }) as typeof db.exec;
  db.transaction = ((fn: (...args: unknown[]) => unknown) => {
    const wrapped = transaction(fn);
    const guard = (run: (...args: unknown[]) => unknown) => (...args: unknown[]) => {
      beforeWrite(db);
      return run(...args);
    };
    const guarded = Object.assign(guard(wrapped), {
      deferred: guard(wrapped.deferred),
      immediate: guard(wrapped.immediate),
      exclusive: guard(wrapped.exclusive),
    });
    return guarded;
  }) as typeof db.transaction;
}

/** 0600 for a database file this user owns; a file someone else owns (a shared copy opened read-write) is left as is. */
function restrictToOwner(file: string): void {
  if (process.platform === 'win32' || file === ':memory:') return;
  const stat = fs.statSync(file);
  if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) return;
  if ((stat.mode & 0o077) !== 0) fs.chmodSync(file, stat.mode & 0o700);
}
