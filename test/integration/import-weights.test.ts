import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runImport } from '../../src/main/import/run-import';
import type { Db } from '../../src/main/store/db';
import { snapshot, tempDb, tempDir } from '../helpers';

/*
 * Hostile weights: a weight of -1 made PageRank return 1e12 and Kred -4994 on its 1-1000 scale, and 1e309 reads as
 * Infinity. SPEC's derivation rules: negative, NaN or infinite weights are refused at import naming the file and
 * line; --skip-invalid skips them, counted with their reasons.
 */

let db: Db;
let dir: string;
beforeEach(() => {
  db = tempDb().db;
  dir = tempDir();
});
afterEach(() => db.close());

const write = (name: string, content: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
};

const hostile: [weight: string, reason: string][] = [
  ['-1', 'the weight "-1" is negative; weights must be 0 or more'],
  ['NaN', 'the weight "NaN" is not a number'],
  ['Infinity', 'the weight "Infinity" is infinite (beyond ±1.8e308); weights must be finite'],
  ['-Infinity', 'the weight "-Infinity" is infinite (beyond ±1.8e308); weights must be finite'],
  ['1e309', 'the weight "1e309" is infinite (beyond ±1.8e308); weights must be finite'],
];

describe('hostile weights are refused with the file and line, and the database is left as it was', () => {
  it.each(hostile)('CSV weight %s', async (weight, reason) => {
    const file = write('edges.csv', `source,target,weight\na,b,2\nb,c,${weight}\n`);
    const before = snapshot(db);
    await expect(runImport(db, { paths: [file], dataset: 'csv' })).rejects.toMatchObject({ message: `${file}:3: ${reason}` });
    expect(snapshot(db)).toEqual(before);
  });

  it.each(hostile)('edge list weight %s, as a third column and as networkx edge data', async (weight, reason) => {
    const plain = write('plain.edgelist', `# a comment\n1 2 0.5\n2 3 ${weight}\n`);
    await expect(runImport(db, { paths: [plain], dataset: 'plain' })).rejects
      .toMatchObject({ message: expect.stringMatching(new RegExp(`^${escape(`${plain}:3: ${reason};`)}`)) });
    const dict = write('dict.edgelist', `1 2 {'weight': 0.5}\n2 3 {'weight': ${weight}}\n`);
    const inDict = reason.replace(`"${weight}"`, weight);
    await expect(runImport(db, { paths: [dict], dataset: 'dict' })).rejects
      .toMatchObject({ message: expect.stringMatching(new RegExp(`^${escape(`${dict}:2: ${inDict};`)}`)) });
    expect(db.prepare('SELECT count(*) FROM datasets').pluck().get()).toBe(0);
  });

  it('GEXF and a network JSON with a negative weight', async () => {
    const gexf = write('neg.gexf', '<?xml version="1.0"?>\n<gexf xmlns="http://www.gexf.net/1.3" version="1.3">\n<graph>\n' +
      '<nodes><node id="a"/><node id="b"/></nodes>\n<edges>\n<edge id="e1" source="a" target="b" weight="-1"/>\n</edges>\n</graph>\n</gexf>\n');
    await expect(runImport(db, { paths: [gexf], dataset: 'gexf' })).rejects
      .toMatchObject({ message: `${gexf}:6: edge "e1": the weight "-1" is negative; weights must be 0 or more` });
    const json = write('network.json', JSON.stringify([{ inList: [[], [0]], inWeight: [[], [-0.5]], outList: [[1], []],
      outWeight: [[-0.5], []], usernameList: ['ann', 'bob'] }]));
    await expect(runImport(db, { paths: [json], dataset: 'json' })).rejects
      // Byte 62 is where `"outWeight":` starts in the file: the list the bad weight is in.
      .toMatchObject({ message: `${json} at byte 62: outWeight[0][0]: the weight -0.5 is negative; weights must be 0 or more` });
  });

  it('--skip-invalid skips each hostile weight, counts it and keeps its line and reason; 0 is a weight', async () => {
    const rows = hostile.map(([weight]) => `x,y,${weight}`).join('\n');
    const file = write('mixed.csv', `source,target,weight\na,b,0\n${rows}\nb,c,1.5\n`);
    const out = await runImport(db, { paths: [file], dataset: 'mixed', skipInvalid: true });
    expect(out.files[0]).toMatchObject({ skipped: 5, skipReasons: hostile.map(([, reason], i) => `line ${i + 3}: ${reason}`) });
    expect(db.prepare('SELECT weight FROM interactions ORDER BY id').pluck().all()).toEqual([0, 1.5]);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
