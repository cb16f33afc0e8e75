import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callService } from '../../src/main/services';
import { datasetContentHash } from '../../src/main/store/datasets';
import { DERIVATION_VERSION } from '../../src/main/store/derivation';
import { datasetsDir, tempDb, tempDir } from '../helpers';
import { call, scoreRun } from '../run-helpers';

const congress = path.join(datasetsDir, 'congress-twitter', 'congress.edgelist');

describe('the direction of plain edges is declared at import', () => {
  it('a declared influence dataset is reversed by default, as edge_direction=influence does on an undeclared one', async () => {
    const { db } = tempDb();
    const declared = await call(db, 'datasets.import', { paths: [congress], dataset: 'declared', edges: 'influence' });
    expect(declared.warnings).toEqual([]);
    const undeclared = await call(db, 'datasets.import', { paths: [congress], dataset: 'undeclared' });
    expect(undeclared.warnings.map((w) => w.code)).toEqual(['direction_undeclared']);
    expect(undeclared.warnings[0]!.message).toMatch(/^13,289 plain graph edges|^13289 plain graph edges/);

    const byDeclaration = await scoreRun(db, 'declared', 'pagerank');
    const byParam = await scoreRun(db, 'undeclared', 'pagerank', { edge_direction: 'influence' });
    const unwarned = await scoreRun(db, 'undeclared', 'pagerank');
    expect(byDeclaration.run.warnings).toEqual([]);
    expect(byDeclaration.run.run.params.edge_direction).toBe('influence');
    expect(byDeclaration.score).toEqual(byParam.score);
    expect(byParam.run.warnings).toEqual([]);
    expect(unwarned.run.warnings.map((w) => w.code)).toEqual(['direction_undeclared']);
    expect(unwarned.score).not.toEqual(byDeclaration.score);
    // The parameter still overrides the declaration, and says so.
    const overridden = await scoreRun(db, 'declared', 'pagerank', { edge_direction: 'attention' });
    expect(overridden.score).toEqual(unwarned.score);
    expect(overridden.run.warnings.map((w) => w.code)).toEqual(['direction_overridden']);

    const list = await call(db, 'datasets.list', {});
    expect(list.map((d) => [d.dataset.name, d.edgeDirection, d.derivation])).toEqual([
      ['declared', 'influence', { version: DERIVATION_VERSION, current: DERIVATION_VERSION, reimport: null }],
      ['undeclared', null, { version: DERIVATION_VERSION, current: DERIVATION_VERSION, reimport: null }],
    ]);
    db.close();
  }, 60_000);

  it('a second import may repeat or add the declaration but not contradict it', async () => {
    const { db } = tempDb();
    const dir = tempDir();
    const first = path.join(dir, 'a.edges');
    const second = path.join(dir, 'b.edges');
    fs.writeFileSync(first, '1 2\n2 3\n');
    fs.writeFileSync(second, '3 1\n');
    await call(db, 'datasets.import', { paths: [first], dataset: 'g' });
    await call(db, 'datasets.import', { paths: [second], dataset: 'g', edges: 'attention' });
    expect((await call(db, 'datasets.show', { name: 'g' })).edgeDirection).toBe('attention');
    const third = path.join(dir, 'c.edges');
    fs.writeFileSync(third, '4 1\n');
    const refused = await callService('datasets.import', { paths: [third], dataset: 'g', edges: 'influence' }, { db });
    expect(refused).toEqual({ ok: false, error: expect.objectContaining({
      message: "g: this dataset's edges were declared attention at import; --edges influence would change the meaning of the edges already stored: import into a new dataset",
    }) });
    db.close();
  });
});

describe('datasets imported under older derivation rules', () => {
  it('are marked, and the dataset list, detail and every score run say how to re-import them', async () => {
    const { db } = tempDb();
    await call(db, 'datasets.import', { paths: [congress], dataset: 'old congress', edges: 'influence' });
    // A dataset as migration 5 leaves one imported before it: derivation version 1.
    db.prepare("UPDATE datasets SET derivation_version = 1 WHERE name = 'old congress'").run();
    const reimport = `lens dataset delete 'old congress' && lens import ${congress} --dataset 'old congress' --edges influence`;
    const detail = await call(db, 'datasets.show', { name: 'old congress' });
    expect(detail.derivation).toEqual({ version: 1, current: DERIVATION_VERSION, reimport });
    const run = await scoreRun(db, 'old congress', 'indegree');
    expect(run.run.warnings).toEqual([{ code: 'derivation_outdated', message: expect.stringContaining(`re-import it: ${reimport}`) }]);
    db.close();
  }, 30_000);
});

describe('the content hash covers the derived rows', () => {
  it('is the same for the same rows stored in another order, and differs when the derived rows differ', async () => {
    const { db } = tempDb();
    const dir = tempDir();
    const lines = ['source,target,kind,weight', 'a,b,retweet,1', 'b,c,mention,2', 'c,a,reply,1', 'd,a,follow,1'];
    const forward = path.join(dir, 'forward.csv');
    const backward = path.join(dir, 'backward.csv');
    fs.writeFileSync(forward, lines.join('\n'));
    fs.writeFileSync(backward, [lines[0], ...lines.slice(1).reverse()].join('\n'));
    const one = await call(db, 'datasets.import', { paths: [forward], dataset: 'one' });
    const two = await call(db, 'datasets.import', { paths: [backward], dataset: 'two' });
    const hashOf = (id: number) => datasetContentHash(db, id);
    // Different files (other sha256s), so the file part differs; the rows' digest is the same.
    const digest = db.prepare('SELECT rows_sha256 FROM datasets WHERE id = ?').pluck();
    expect(digest.get(one.totals.dataset.id)).toBe(digest.get(two.totals.dataset.id));
    expect(hashOf(one.totals.dataset.id)).not.toBe(hashOf(two.totals.dataset.id));

    // Another importer that derived one weight differently from the same file: another hash.
    const before = hashOf(one.totals.dataset.id);
    db.prepare("UPDATE interactions SET weight = 3 WHERE dataset_id = ? AND kind = 'mention'").run(one.totals.dataset.id);
    db.prepare('UPDATE datasets SET rows_sha256 = NULL WHERE id = ?').run(one.totals.dataset.id);
    expect(hashOf(one.totals.dataset.id)).not.toBe(before);
    db.prepare("UPDATE interactions SET weight = 2 WHERE dataset_id = ? AND kind = 'mention'").run(one.totals.dataset.id);
    expect(hashOf(one.totals.dataset.id)).toBe(before);
    db.close();
  });
});
