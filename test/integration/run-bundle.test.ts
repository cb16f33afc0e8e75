import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BundleManifest } from '../../src/shared/run-bundle';
import { datasetsDir, tempDb, tempDir } from '../helpers';
import { call } from '../run-helpers';

const karate = path.join(datasetsDir, 'karate', 'karate_club_weighted.csv');
const map = { source: 'source', target: 'target', weight: 'weight' };

describe('run bundles: lens runs export and lens runs verify', () => {
  const { db } = tempDb();
  afterAll(() => db.close());

  async function exportRun(model: string, params: Record<string, unknown> = {}) {
    const scored = await call(db, 'runs.score', { dataset: 'karate', model, params });
    const out = path.join(tempDir(), 'bundle');
    const exported = await call(db, 'runs.export', { run: scored.run.id, out });
    return { run: scored.run.id, out, exported };
  }

  it('writes the manifest, the scores CSV and the dataset hash, and verifies as identical', async () => {
    await call(db, 'datasets.import', { paths: [karate], dataset: 'karate', map });
    const { run, out, exported } = await exportRun('pagerank');
    expect(exported.files.sort()).toEqual(['dataset.sha256', 'manifest.json', 'scores.csv']);
    const bundle = BundleManifest.parse(JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')));
    expect(bundle.run).toBe(run);
    expect(bundle.manifest.model).toEqual({ id: 'pagerank', version: '1', fidelity: 'published' });
    expect(bundle.manifest.provenance?.ties).toBe('mean rank');
    expect(fs.readFileSync(path.join(out, 'dataset.sha256'), 'utf8')).toBe(`${bundle.manifest.dataset.contentHash}  karate\n`);
    const csv = fs.readFileSync(path.join(out, 'scores.csv'), 'utf8').trimEnd().split('\n');
    expect(csv[0]).toBe('account_id,handle,score,rank,model');
    expect(csv).toHaveLength(35);
    const verified = await call(db, 'runs.verify', { dir: out });
    expect(verified).toMatchObject({ run, identical: true, differences: [] });
  });

  it('names the account whose score was changed in the bundle', async () => {
    const { out } = await exportRun('kcore');
    const file = path.join(out, 'scores.csv');
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const [account, handle, score, ...rest] = lines[1]!.split(',');
    const tampered = [account, handle, String(Number(score) + 1), ...rest].join(',');
    lines[1] = tampered;
    fs.writeFileSync(file, lines.join('\n'));
    const verified = await call(db, 'runs.verify', { dir: out });
    expect(verified.identical).toBe(false);
    expect(verified.differences).toEqual([{ what: 'scores', bundle: tampered, database: `${account},${handle},${score},${rest.join(',')}` }]);
  });

  it('says the dataset differs once it is re-imported from other data under the same name', async () => {
    const { out } = await exportRun('pagerank', { alpha: 0.9 });
    await call(db, 'datasets.delete', { name: 'karate' });
    // The same club without the file's last edge: one interaction fewer, so another content hash and other scores.
    const lines = fs.readFileSync(karate, 'utf8').trimEnd().split('\n');
    const changed = path.join(tempDir(), 'karate_club_weighted.csv');
    fs.writeFileSync(changed, `${lines.slice(0, -1).join('\n')}\n`);
    await call(db, 'datasets.import', { paths: [changed], dataset: 'karate', map });
    const verified = await call(db, 'runs.verify', { dir: out });
    expect(verified.identical).toBe(false);
    const what = new Set(verified.differences.map((d) => d.what));
    expect(what.has('dataset')).toBe(true);
    expect(what.has('scores')).toBe(true);
  });

  it('refuses a folder that is not a bundle, and says so when the dataset is not in the database', async () => {
    await expect(call(db, 'runs.verify', { dir: tempDir() })).rejects.toThrow(/not_found: .* is not a run bundle/);
    const { out } = await exportRun('indegree');
    const bundle = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    bundle.manifest.dataset.name = 'no-such-dataset';
    fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(bundle));
    const verified = await call(db, 'runs.verify', { dir: out });
    expect(verified.differences).toEqual([
      { what: 'dataset', bundle: `"no-such-dataset" ${bundle.manifest.dataset.contentHash}`, database: 'no dataset of that name' },
    ]);
  });
});
