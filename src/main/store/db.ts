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
    // A writer waits for an import's batch to commit: the import's writer thread commits every 250 ms, and after
    // 50 ms idle (import/writer.ts), so 30 s only expires on a stuck process.
    db.pragma('busy_timeout = 30000');
    migrate(db, file);
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

/** 0600 for a database file this user owns; a file someone else owns (a shared copy opened read-write) is left as is. */
function restrictToOwner(file: string): void {
  if (process.platform === 'win32' || file === ':memory:') return;
  const stat = fs.statSync(file);
  if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) return;
  if ((stat.mode & 0o077) !== 0) fs.chmodSync(file, stat.mode & 0o700);
}
