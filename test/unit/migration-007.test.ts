import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/store/db';
import { listRuns } from '../../src/main/store/runs';
import { migrations } from '../../src/main/store/migrations';
import { tempDir } from '../helpers';

describe('migration 7: warnings stored with runs', () => {
  it('leaves runs from before it unchecked (null, not an empty list) and takes only a JSON array', () => {
    const file = path.join(tempDir(), 'v6.sqlite');
    const raw = new Database(file);
    for (const sql of migrations.slice(0, 6)) raw.exec(sql);
    raw.pragma('user_version = 6');
    raw.prepare("INSERT INTO datasets (name, created_at, updated_at) VALUES ('old', 'then', 'then')").run();
    const manifest = { params: { edge_direction: 'attention' }, provenance: { edgeDirection: null } };
    raw.prepare(
      `INSERT INTO runs (dataset_id, model_id, model_version, params, seed, manifest, started_at, finished_at, accounts_scored, excluded, account_ids)
       VALUES (1, 'pagerank', '1', '{}', 1, ?, 'then', 'then', 0, 0, x'')`,
    ).run(JSON.stringify(manifest));
    raw.close();
    const db = openDatabase(file);
    const [run] = listRuns(db);
    expect(run).toMatchObject({ id: 1, warnings: null, edges: { read: 'attention', declared: null } });
    db.prepare(`UPDATE runs SET warnings = '[{"code":"mostly_tied","message":"m"}]'`).run();
    expect(listRuns(db)[0]!.warnings).toEqual([{ code: 'mostly_tied', message: 'm' }]);
    expect(() => db.prepare(`UPDATE runs SET warnings = '{"code":"x"}'`).run()).toThrow(/CHECK constraint/);
    db.close();
  });
});
