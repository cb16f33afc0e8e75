import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { scoresCsv } from '../../src/shared/scores-csv';
import { tempDb, tempDir } from '../helpers';
import { call } from '../run-helpers';

/**
 * A CSV of interactions whose account ids are spreadsheet formulas, imported and scored through the real services:
 * the scores CSV (the CLI's and the page's, one writer) keeps every such cell as text.
 */
describe('scores CSV against formula injection', () => {
  it('prefixes cells starting with = + - @, tab or CR with an apostrophe, and leaves numbers alone', async () => {
    const { db } = tempDb();
    const hostile = ['=HYPERLINK("http://example.invalid","click")', '+SUM(1,2)', '-2+3', '@cmd', 'plain'];
    const file = path.join(tempDir(), 'hostile.csv');
    const rows = hostile.flatMap((actor, at) => hostile.filter((_, other) => other !== at).map((target) => [actor, target]));
    const quote = (cell: string) => `"${cell.replaceAll('"', '""')}"`;
    fs.writeFileSync(file, `source,target\n${rows.map((row) => row.map(quote).join(',')).join('\n')}\n`);
    await call(db, 'datasets.import', { paths: [file], dataset: 'hostile', map: { actor: 'source', target: 'target' } });
    const run = await call(db, 'runs.score', { dataset: 'hostile', model: 'indegree' });
    const csv = scoresCsv(await call(db, 'runs.scores', { run: run.run.id }));
    const [header, ...cells] = parse(csv) as string[][];
    expect(cells.map((row) => row[0]).sort()).toEqual([`'+SUM(1,2)`, `'-2+3`, `'=HYPERLINK("http://example.invalid","click")`, `'@cmd`, 'plain']);
    // Every row still has the header's cells, and the scores stay plain numbers.
    expect(header).toEqual(['account_id', 'handle', 'score', 'rank', 'model']);
    for (const row of cells) expect(row.slice(2, 4)).toEqual(['4', '1']);
  });
});
