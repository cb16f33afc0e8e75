import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BatchInserter } from '../../src/main/import/batch';
import { ImportWriter } from '../../src/main/import/writer';
import { openDatabase } from '../../src/main/store/db';
import { writeEdgeList } from '../engine-helpers';
import { repoRoot, tempDb, tempDir } from '../helpers';

const PRAGMAS = ['journal_mode = WAL', 'synchronous = NORMAL', 'busy_timeout = 30000'];

function withTable() {
  const { db, file } = tempDb();
  db.exec('CREATE TABLE t (n INTEGER NOT NULL) STRICT');
  return { db, file, count: () => db.prepare('SELECT count(*) FROM t').pluck().get() as number };
}

/** Polls until a write transaction cannot start (the writer thread began its batch); false after 5 s. */
function writerHoldsLock(file: string): boolean {
  const probe = new Database(file);
  probe.pragma('busy_timeout = 0');
  try {
    for (const deadline = performance.now() + 5_000; performance.now() < deadline;) {
      try {
        probe.exec('BEGIN IMMEDIATE');
        probe.exec('ROLLBACK');
      } catch {
        return true;
      }
    }
    return false;
  } finally {
    probe.close();
  }
}

describe('the import writer thread', () => {
  it('runs statements in order and commit() makes them visible to the import thread', () => {
    const { db, file, count } = withTable();
    const writer = new ImportWriter(file, PRAGMAS);
    const insert = writer.prepare('INSERT INTO t VALUES (?), (?)');
    for (let n = 0; n < 1000; n += 2) writer.run(insert, [n, n + 1]);
    writer.commit();
    expect(count()).toBe(1000);
    expect(db.prepare('SELECT sum(n) FROM t').pluck().get()).toBe((999 * 1000) / 2);
    writer.close();
    db.close();
  });

  it('commits an idle batch after its time, so a write of another connection on this thread waits, then lands', () => {
    const { db, file, count } = withTable();
    const writer = new ImportWriter(file, PRAGMAS);
    writer.run(writer.prepare('INSERT INTO t VALUES (?)'), [1]);
    writer.batchEnd();
    expect(writerHoldsLock(file)).toBe(true);
    // This thread now blocks in SQLite's busy handler and sends nothing more: the writer must commit on its own.
    const other = openDatabase(file);
    const started = performance.now();
    other.prepare('INSERT INTO t VALUES (2)').run();
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(count()).toBe(2);
    other.close();
    writer.close();
    db.close();
  });

  it('throws the failed statement\'s SQLite error at the next call, rolls back its batch and ends the thread', () => {
    const { db, file, count } = withTable();
    const writer = new ImportWriter(file, PRAGMAS);
    const insert = writer.prepare('INSERT INTO t VALUES (?)');
    writer.run(insert, [1]);
    writer.commit();
    writer.run(insert, [2]);
    writer.run(insert, ['not a number']);
    writer.run(insert, [3]);
    expect(() => writer.commit()).toThrow(/cannot store TEXT value in INTEGER column t\.n/);
    expect(count()).toBe(1);
    // Ended: the connection is closed, so this one can take the write lock at once.
    db.prepare('INSERT INTO t VALUES (4)').run();
    expect(() => writer.close()).not.toThrow();
    expect(count()).toBe(2);
    db.close();
  });

  it('a multi-row INSERT that fails halfway (OR FAIL, no statement journal) leaves none of its rows once the batch is rolled back', () => {
    const { db, file } = tempDb();
    db.exec('CREATE TABLE u (k TEXT NOT NULL UNIQUE) STRICT');
    const count = () => db.prepare('SELECT count(*) FROM u').pluck().get() as number;
    const writer = new ImportWriter(file, PRAGMAS);
    const rows = new BatchInserter(writer, 'u', ['k'], 4);
    rows.buffer.push('a', 'b', 'c', 'd');
    rows.flush();
    writer.commit();
    // The fourth row repeats the first: the statement stops there, after writing 'e' and 'f'.
    rows.buffer.push('e', 'f', 'a', 'g');
    rows.flush();
    expect(() => writer.commit()).toThrow(/UNIQUE constraint failed: u\.k/);
    expect(count()).toBe(4);
    expect(db.prepare("SELECT count(*) FROM u WHERE k IN ('e', 'f', 'g')").pluck().get()).toBe(0);
    db.close();
  });

  it('commit() with nothing sent since the last one returns at once: the thread may not even have opened its database', () => {
    // A directory cannot be opened as a database: the thread fails as it starts, which only a sync would wait for.
    const writer = new ImportWriter(tempDir(), PRAGMAS);
    expect(() => writer.commit()).not.toThrow();
    writer.run(writer.prepare('SELECT 1'), []);
    expect(() => writer.commit()).toThrow(/directory|unable to open/i);
  });

  it('hashes the file\'s chunks in order: handed-over chunks are moved to the thread, others copied', () => {
    const { db, file } = withTable();
    const writer = new ImportWriter(file, PRAGMAS);
    const hasher = writer.fileSha256();
    const own = Buffer.from(new Uint8Array(1 << 16).fill(7).buffer);
    const pooled = Buffer.from('a short chunk from a shared pool');
    const kept = Buffer.alloc(1 << 10, 9);
    hasher.update(own, true);
    hasher.update(pooled, true);
    hasher.update(kept);
    writer.batchEnd();
    const expected = createHash('sha256').update(new Uint8Array(1 << 16).fill(7)).update('a short chunk from a shared pool')
      .update(Buffer.alloc(1 << 10, 9)).digest('hex');
    expect(hasher.digest()).toBe(expected);
    // Moved: its memory now belongs to the writer thread. A pooled chunk (a view of memory others use) and one not
    // handed over are copied and stay readable here.
    expect(own.byteLength).toBe(0);
    expect(pooled.toString()).toBe('a short chunk from a shared pool');
    expect(kept.every((byte) => byte === 9)).toBe(true);
    writer.close();
    db.close();
  });

  it('abort() rolls back what was not committed', () => {
    const { db, file, count } = withTable();
    const writer = new ImportWriter(file, PRAGMAS);
    const insert = writer.prepare('INSERT INTO t VALUES (?)');
    writer.run(insert, [1]);
    writer.commit();
    writer.run(insert, [2]);
    writer.abort();
    expect(count()).toBe(1);
    db.close();
  });
});

describe('an import in a process with nothing else to do', () => {
  it('does not exit while it waits for the writer between chunks', () => {
    const dir = tempDir();
    const file = writeEdgeList(path.join(dir, 'three-chunks.edgelist'), 300_000, 50_000);
    const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'bench', 'tasks.ts'), 'import',
      path.join(dir, 'plain.sqlite'), file], { cwd: repoRoot, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const { detail } = JSON.parse(result.stdout.trim().split('\n').pop()!) as { detail: { totals: { interactions: { edge: number } } } };
    expect(detail.totals.interactions.edge).toBe(300_000);
  }, 120_000);
});
