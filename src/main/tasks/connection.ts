import { JOB_CACHE_MIB } from '../scoring/tasks';
import { openDatabase, type Db } from '../store/db';

/**
 * A read task's own connection to the workbench file, closed when the task ends. `query_only` makes it read-only
 * in SQLite itself: a read that tried to write would fail here instead of taking the write lock from the engine's
 * queue. WAL lets it read the last committed state while the engine or an import writes.
 */
export async function withReadConnection<T>(dbPath: string, read: (db: Db) => T | Promise<T>): Promise<T> {
  const db = openDatabase(dbPath, { cacheMib: JOB_CACHE_MIB });
  try {
    db.pragma('query_only = ON');
    return await read(db);
  } finally {
    db.close();
  }
}
