import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/store/db';
import { migrations } from '../../src/main/store/migrations';
import { tempDir } from '../helpers';

/** A database at version 3 (before audit runs) with a dataset and a score run in it. */
function versionThree(file: string): void {
  const raw = new Database(file);
  for (const migration of migrations.slice(0, 3)) raw.exec(migration);
  raw.pragma('user_version = 3');
  raw.prepare("INSERT INTO datasets (name, created_at, updated_at) VALUES ('d', 'then', 'then')").run();
  raw.prepare(`INSERT INTO runs (dataset_id, model_id, model_version, params, seed, manifest, started_at, finished_at,
    accounts_scored, excluded, account_ids) VALUES (1, 'kcore', '1', '{}', 1, '{}', 'a', 'b', 0, 0, x'')`).run();
  raw.close();
}

const insertAuditRun = `INSERT INTO audit_runs (dataset_id, whatif_model, kinds, manifest, started_at, finished_at, case_count, cases)
  VALUES (?, 'kred', ?, ?, 'a', 'b', ?, ?)`;

describe('migration 4: audit runs', () => {
  it('upgrades a version-3 database in place: a STRICT audit_runs table of JSON, removed with its dataset', () => {
    const file = path.join(tempDir(), 'v3.sqlite');
    versionThree(file);
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(4);
    expect(db.prepare('SELECT count(*) FROM runs').pluck().get()).toBe(1);
    const sql = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'audit_runs'").pluck().get() as string;
    expect(sql).toMatch(/\)\s*STRICT/);

    db.prepare(insertAuditRun).run(1, null, '{}', 0, '[]');
    db.prepare(insertAuditRun).run(1, '["minor"]', '{}', 1, '[{}]');
    expect(() => db.prepare(insertAuditRun).run(1, null, '{', 0, '[]')).toThrow(/CHECK/);
    expect(() => db.prepare(insertAuditRun).run(1, 'minor', '{}', 0, '[]')).toThrow(/CHECK/);
    expect(() => db.prepare(insertAuditRun).run(1, null, '{}', 'none', '[]')).toThrow(/cannot store TEXT value in INTEGER column/);
    expect(() => db.prepare(insertAuditRun).run(9, null, '{}', 0, '[]')).toThrow(/FOREIGN KEY/);
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT max(id) FROM audit_runs WHERE dataset_id = 1').all() as { detail: string }[];
    expect(plan.map((step) => step.detail).join(' ')).toContain('audit_runs_by_dataset');

    db.prepare('DELETE FROM datasets WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM audit_runs').pluck().get()).toBe(0);
    db.close();
  });

  it('runs in one transaction: if it fails, the database stays at version 3 with nothing of it left', () => {
    const file = path.join(tempDir(), 'clash.sqlite');
    versionThree(file);
    const raw = new Database(file);
    // The index of migration 4 clashes with this one; its table, created first, must be rolled back.
    raw.exec('CREATE INDEX audit_runs_by_dataset ON runs (dataset_id)');
    raw.close();
    expect(() => openDatabase(file)).toThrow(/already exists/);
    const check = new Database(file);
    expect(check.pragma('user_version', { simple: true })).toBe(3);
    expect(check.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'audit_runs'").pluck().get()).toBe(0);
    expect(check.prepare('SELECT count(*) FROM runs').pluck().get()).toBe(1);
    check.close();
  });
});
