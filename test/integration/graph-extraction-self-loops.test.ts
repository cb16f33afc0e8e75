import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/main/import/run-import';
import { fixturesDir, tempDb, tempDir } from '../helpers';
import { scoreRun } from '../run-helpers';

/*
 * SPEC, derivation rules: self-interactions are stored, since they are in the data, but no model counts them as
 * attention received. Before the rule, PageRank and HITS took a self-reply as a self-loop (here it moved c from
 * 0.320 to 0.461) while the other models dropped it. Expected values: networkx, written by
 * scripts/reference/self_loop_pagerank.py into test/fixtures/reference/self-loop-pagerank.json (versions in the file).
 */
const reference = JSON.parse(fs.readFileSync(path.join(fixturesDir, 'reference', 'self-loop-pagerank.json'), 'utf8')) as {
  networkx: string;
  interactions: [string, string, string, number][];
  pagerank_without_self_loops: Record<string, number>;
  pagerank_with_self_loop: Record<string, number>;
};

const GRAPH_MODELS = ['pagerank', 'hits', 'indegree', 'kcore', 'tunkrank', 'kred'] as const;

async function importRows(db: ReturnType<typeof tempDb>['db'], dataset: string, rows: [string, string, string, number][]) {
  const file = path.join(tempDir(), `${dataset}.csv`);
  fs.writeFileSync(file, ['source,target,kind,weight', ...rows.map((row) => row.join(','))].join('\n'));
  return runImport(db, { paths: [file], dataset });
}

describe('self-interactions are stored but move no score', () => {
  it('PageRank equals networkx on the graph without the self-loop, and every graph model ignores it', async () => {
    const { db } = tempDb();
    const withSelf = reference.interactions;
    const withoutSelf = withSelf.filter(([actor, target]) => actor !== target);
    expect(withoutSelf.length).toBe(withSelf.length - 1);
    await importRows(db, 'with-self', withSelf);
    await importRows(db, 'without-self', withoutSelf);
    expect(db.prepare("SELECT count(*) FROM interactions i JOIN datasets d ON d.id = i.dataset_id WHERE d.name = 'with-self' AND actor_id = target_id").pluck().get()).toBe(1);

    const pagerank = await scoreRun(db, 'with-self', 'pagerank', { tolerance: 1e-14, max_iterations: 1000 });
    for (const [node, expected] of Object.entries(reference.pagerank_without_self_loops)) {
      expect(pagerank.score[node], node).toBeCloseTo(expected, 12);
    }
    // The self-loop would have mattered: networkx with it gives c 0.461 instead of 0.320.
    expect(reference.pagerank_with_self_loop.c! - reference.pagerank_without_self_loops.c!).toBeGreaterThan(0.1);

    for (const model of GRAPH_MODELS) {
      const a = await scoreRun(db, 'with-self', model);
      const b = await scoreRun(db, 'without-self', model);
      for (const output of a.scores.columns) expect(a.column(output), `${model} ${output}`).toEqual(b.column(output));
    }
    db.close();
  }, 60_000);
});
