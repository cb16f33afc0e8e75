import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/store/db';
import { migrations, schemaVersion } from '../../src/main/store/migrations';
import { tempDir } from '../helpers';

describe('migration 5: derivation version and declared edge direction of datasets', () => {
  it('marks datasets imported before it as derivation version 1 with no declared direction, and checks the direction', () => {
    const file = path.join(tempDir(), 'v4.sqlite');
    const raw = new Database(file);
    for (const sql of migrations.slice(0, 4)) raw.exec(sql);
    raw.pragma('user_version = 4');
    raw.prepare("INSERT INTO datasets (name, created_at, updated_at) VALUES ('old', 'then', 'then')").run();
    raw.close();
    const db = openDatabase(file);
    expect(schemaVersion).toBeGreaterThanOrEqual(5);
    expect(db.prepare('SELECT name, derivation_version, edge_direction, rows_sha256 FROM datasets').all())
      .toEqual([{ name: 'old', derivation_version: 1, edge_direction: null, rows_sha256: null }]);
    db.prepare("UPDATE datasets SET edge_direction = 'influence' WHERE name = 'old'").run();
    expect(() => db.prepare("UPDATE datasets SET edge_direction = 'sideways' WHERE name = 'old'").run()).toThrow(/CHECK constraint/);
    expect(() => db.prepare("UPDATE datasets SET derivation_version = 'two' WHERE name = 'old'").run()).toThrow(/cannot store TEXT/);
    db.close();
  });
});
