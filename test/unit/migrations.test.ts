import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DatabaseTooNewError, openDatabase } from '../../src/main/store/db';
import { migrations, schemaVersion } from '../../src/main/store/migrations';
import { tempDir } from '../helpers';

const tablesOf = (db: Database.Database) =>
  db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
    name: string;
    sql: string;
  }[];

describe('migrations', () => {
  it('migration 1 creates the canonical model in STRICT tables and sets user_version', () => {
    const db = openDatabase(path.join(tempDir(), 'a.sqlite'));
    expect(db.pragma('user_version', { simple: true })).toBe(schemaVersion);
    const tables = tablesOf(db);
    expect(tables.map((t) => t.name)).toEqual([
      'accounts', 'audit_runs', 'cascade_nodes', 'cascades', 'datasets', 'graph_cache', 'graph_cache_chunks', 'interactions',
      'post_hashtags', 'posts', 'run_outputs', 'runs', 'settings', 'source_files',
    ]);
    for (const table of tables) expect(table.sql, table.name).toMatch(/\)\s*STRICT/);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    // STRICT rejects a value of the wrong type instead of storing it.
    db.prepare("INSERT INTO datasets (name, created_at, updated_at) VALUES ('d', 'now', 'now')").run();
    expect(() => db.prepare("INSERT INTO accounts (dataset_id, platform_id, placeholder, followers) VALUES (1, 'x', 0, 'many')").run())
      .toThrow(/cannot store TEXT value in INTEGER column/);
    // Foreign keys are enforced.
    expect(() => db.prepare("INSERT INTO accounts (dataset_id, platform_id, placeholder) VALUES (99, 'x', 0)").run())
      .toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('applies each migration once: reopening keeps data and version', () => {
    const file = path.join(tempDir(), 'b.sqlite');
    const first = openDatabase(file);
    first.prepare("INSERT INTO settings (key, value) VALUES ('k', 'v')").run();
    first.close();
    const again = openDatabase(file);
    expect(again.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(again.prepare("SELECT value FROM settings WHERE key = 'k'").pluck().get()).toBe('v');
    again.close();
  });

  it('a failing migration leaves the database at its previous version', () => {
    const file = path.join(tempDir(), 'c.sqlite');
    const raw = new Database(file);
    raw.exec('CREATE TABLE datasets (x INTEGER) STRICT'); // clashes with migration 1
    raw.close();
    expect(() => openDatabase(file)).toThrow(/already exists/);
    const check = new Database(file);
    expect(check.pragma('user_version', { simple: true })).toBe(0);
    expect(tablesOf(check).map((t) => t.name)).toEqual(['datasets']);
    check.close();
  });

  it('refuses a database from a newer version with a clear message', () => {
    const file = path.join(tempDir(), 'd.sqlite');
    const raw = new Database(file);
    raw.pragma(`user_version = ${schemaVersion + 1}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(DatabaseTooNewError);
    expect(() => openDatabase(file)).toThrow(
      `has schema version ${schemaVersion + 1}, but this Influence Lens understands up to version ${schemaVersion}`,
    );
  });

  it('migration 2 upgrades a version-1 database with data in place: runs and graph cache, removed with their dataset', () => {
    const file = path.join(tempDir(), 'e.sqlite');
    const raw = new Database(file);
    raw.exec(migrations[0]!);
    raw.pragma('user_version = 1');
    raw.prepare("INSERT INTO datasets (name, created_at, updated_at) VALUES ('old', 'then', 'then')").run();
    raw.close();
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(schemaVersion);
    expect(db.prepare('SELECT name FROM datasets').pluck().all()).toEqual(['old']);
    const insertRun = db.prepare(`INSERT INTO runs (dataset_id, model_id, model_version, params, seed, manifest, started_at,
      finished_at, accounts_scored, excluded, account_ids) VALUES (1, 'pagerank', '1', '{}', 1, '{}', 'a', 'b', 0, 0, x'')`);
    insertRun.run();
    db.prepare("INSERT INTO run_outputs (run_id, name, position, scores) VALUES (1, 'score', 0, x'')").run();
    expect(() => db.prepare("INSERT INTO run_outputs (run_id, name, position, scores) VALUES (1, 'score', 0, 'text')").run())
      .toThrow(/cannot store TEXT value in BLOB column|UNIQUE/);
    expect(() => db.prepare("INSERT INTO run_outputs (run_id, name, position, scores) VALUES (7, 'hub', 1, x'')").run())
      .toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM datasets WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM runs').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM run_outputs').pluck().get()).toBe(0);
    db.close();
  });

  it('migration 3 replaces a version-2 graph cache (one BLOB per array) by chunks, keeping runs', () => {
    const file = path.join(tempDir(), 'f.sqlite');
    const raw = new Database(file);
    raw.exec(migrations[0]!);
    raw.exec(migrations[1]!);
    raw.pragma('user_version = 2');
    raw.prepare("INSERT INTO datasets (name, created_at, updated_at) VALUES ('d', 'then', 'then')").run();
    raw.prepare(`INSERT INTO graph_cache (dataset_id, cache_key, content_hash, node_count, edge_count, interactions_read,
      account_ids, offsets, targets, weights, created_at) VALUES (1, 'k', 'h', 0, 0, 0, x'', x'', x'', x'', 'then')`).run();
    raw.prepare(`INSERT INTO runs (dataset_id, model_id, model_version, params, seed, manifest, started_at, finished_at,
      accounts_scored, excluded, account_ids) VALUES (1, 'kcore', '1', '{}', 1, '{}', 'a', 'b', 0, 0, x'')`).run();
    raw.close();
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(schemaVersion);
    expect(db.prepare('SELECT count(*) FROM graph_cache').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM runs').pluck().get()).toBe(1);
    db.prepare("INSERT INTO graph_cache (dataset_id, cache_key, content_hash, node_count, edge_count, interactions_read, created_at) VALUES (1, 'k', 'h', 0, 0, 0, 'now')").run();
    db.prepare("INSERT INTO graph_cache_chunks (graph_id, array, seq, bytes) VALUES (1, 'targets', 0, x'00')").run();
    expect(() => db.prepare("INSERT INTO graph_cache_chunks (graph_id, array, seq, bytes) VALUES (1, 'nodes', 0, x'00')").run()).toThrow(/CHECK/);
    db.prepare('DELETE FROM graph_cache').run();
    expect(db.prepare('SELECT count(*) FROM graph_cache_chunks').pluck().get()).toBe(0);
    db.close();
  });
});
