import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Db } from '../src/main/store/db';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The real datasets every developer and CI run has beside the project. */
export const datasetsDir = path.resolve(repoRoot, '..', 'shared', 'datasets');
export const referenceDir = path.resolve(repoRoot, '..', 'shared', 'reference');
export const fixturesDir = path.join(repoRoot, 'test', 'fixtures');

export function tempDir(prefix = 'lens-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A fresh workbench database in its own temp folder. */
export function tempDb(): { db: Db; file: string; dir: string } {
  const dir = tempDir();
  const file = path.join(dir, 'workbench.sqlite');
  return { db: openDatabase(file), file, dir };
}

/** Row counts of every table and the integrity check: equal snapshots mean an unchanged database. */
export function snapshot(db: Db): Record<string, unknown> {
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const counts = Object.fromEntries(
    tables.map((table) => [table, db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()]),
  );
  return { counts, integrity: db.pragma('integrity_check', { simple: true }) };
}
