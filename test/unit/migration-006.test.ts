import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/store/db';
import { listDatasets } from '../../src/main/store/datasets';
import { migrations } from '../../src/main/store/migrations';
import { tempDir } from '../helpers';

describe('migration 6: staging datasets', () => {
  it('leaves datasets from before it published, and reads do not see a staging one', () => {
    const file = path.join(tempDir(), 'v5.sqlite');
    const raw = new Database(file);
    for (const sql of migrations.slice(0, 5)) raw.exec(sql);
    raw.pragma('user_version = 5');
    raw.prepare("INSERT INTO datasets (name, created_at, updated_at) VALUES ('old', 'then', 'then')").run();
    raw.close();
    const db = openDatabase(file);
    expect(db.prepare('SELECT name, staged_by FROM datasets').all()).toEqual([{ name: 'old', staged_by: null }]);
    db.prepare("INSERT INTO datasets (name, created_at, updated_at, staged_by) VALUES ('half', 'now', 'now', 1)").run();
    expect(listDatasets(db).map((d) => d.dataset.name)).toEqual(['old']);
    expect(() => db.prepare("UPDATE datasets SET staged_by = 'me' WHERE name = 'half'").run()).toThrow(/cannot store TEXT/);
    db.close();
  });
});
