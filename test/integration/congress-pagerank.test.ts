import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callService } from '../../src/main/services';
import { datasetsDir, tempDb } from '../helpers';
import { scoreRun } from '../run-helpers';

const edgelist = path.join(datasetsDir, 'congress-twitter', 'congress.edgelist');

/**
 * A deliberately plain PageRank, written from the definition and independent of the product's code: dictionaries,
 * no CSR, no threads. An edge i -> j of the file means j reacted to i (influence i -> j), so attention runs j -> i.
 */
function plainPagerank(alpha: number, iterations: number) {
  const outWeight = new Map<string, number>();
  const edges: { from: string; to: string; weight: number }[] = [];
  const nodes = new Set<string>();
  for (const line of fs.readFileSync(edgelist, 'utf8').split('\n')) {
    const match = /^(\S+) (\S+) \{'weight': ([^}]+)\}$/.exec(line.trim());
    if (!match) continue;
    const [, influencer, reactor, weight] = match;
    edges.push({ from: reactor!, to: influencer!, weight: Number(weight) });
    outWeight.set(reactor!, (outWeight.get(reactor!) ?? 0) + Number(weight));
    nodes.add(influencer!).add(reactor!);
  }
  const n = nodes.size;
  let rank = new Map([...nodes].map((node) => [node, 1 / n]));
  for (let i = 0; i < iterations; i++) {
    let dangling = 0;
    for (const node of nodes) if (!outWeight.get(node)) dangling += rank.get(node)!;
    const next = new Map([...nodes].map((node) => [node, (1 - alpha) / n + (alpha * dangling) / n]));
    for (const { from, to, weight } of edges) next.set(to, next.get(to)! + (alpha * rank.get(from)! * weight) / outWeight.get(from)!);
    rank = next;
  }
  return { rank, n, edges: edges.length };
}

describe('PageRank on the 117th Congress network', () => {
  it('matches a plain power iteration written from the definition', async () => {
    const { db } = tempDb();
    const imported = await callService('datasets.import', { paths: [edgelist], dataset: 'congress' }, { db });
    expect(imported.ok).toBe(true);
    const expected = plainPagerank(0.85, 200);
    expect(expected.n).toBe(475);
    expect(expected.edges).toBe(13_289);
    const run = await scoreRun(db, 'congress', 'pagerank', { edge_direction: 'influence', tolerance: 1e-14, max_iterations: 1000 });
    expect(run.scores.total).toBe(475);
    let worst = 0;
    for (const [node, value] of expected.rank) worst = Math.max(worst, Math.abs(run.score[node]! - value));
    expect(worst).toBeLessThan(1e-12);
    const sum = Object.values(run.score).reduce((a, b) => a! + b!, 0)!;
    expect(sum).toBeCloseTo(1, 12);
    const manifest = (await callService('runs.show', { run: run.run.run.id }, { db }));
    expect(manifest.ok && manifest.value.manifest.stats.converged).toBe(true);
  });
});
