import { alignRuns } from '../src/main/analysis/align';
import { treeMetrics } from '../src/main/analysis/cascades';
import { compareRuns } from '../src/main/analysis/rank-agreement';
import { openDatabase } from '../src/main/store/db';
import { readRunResults } from '../src/main/store/runs';
import { seededRandom } from './random';

const seconds = (start: number) => (performance.now() - start) / 1000;

/** A random recursive tree: each node's parent is a uniformly chosen earlier node, delays growing along edges. */
function randomTree(size: number, random: () => number) {
  const parent = new Int32Array(size);
  const delay = new Float64Array(size);
  parent[0] = -1;
  for (let v = 1; v < size; v++) {
    parent[v] = Math.floor(random() * v);
    delay[v] = delay[parent[v]!]! + random() * 60;
  }
  return { parent, delay };
}

/** Mean distance over all pairs by BFS from every node: the definition, quadratic. */
function plainVirality(parent: Int32Array): number {
  const n = parent.length;
  const neighbours: number[][] = Array.from({ length: n }, () => []);
  for (let v = 1; v < n; v++) {
    neighbours[v]!.push(parent[v]!);
    neighbours[parent[v]!]!.push(v);
  }
  let total = 0;
  for (let s = 0; s < n; s++) {
    const distance = new Array<number>(n).fill(-1);
    distance[s] = 0;
    const queue = [s];
    for (let head = 0; head < queue.length; head++) {
      const u = queue[head]!;
      for (const w of neighbours[u]!) {
        if (distance[w] === -1) {
          distance[w] = distance[u]! + 1;
          total += distance[w]!;
          queue.push(w);
        }
      }
    }
  }
  return total / (n * (n - 1));
}

export const analysisTasks: Record<string, (args: string[]) => Promise<Record<string, unknown>>> = {
  async 'compare-kernels'([dbFile, a, b]) {
    const db = openDatabase(dbFile!);
    let start = performance.now();
    const aligned = alignRuns(readRunResults(db, Number(a)), readRunResults(db, Number(b)));
    const readSeconds = seconds(start);
    db.close();
    start = performance.now();
    const agreement = compareRuns(aligned, { k: [10, 100] });
    return { readSeconds, compareSeconds: seconds(start), spearman: agreement.spearman };
  },
  async 'cascade-kernels'([count, meanSize, seed]) {
    const random = seededRandom(Number(seed));
    const trees = Array.from({ length: Number(count) }, () => randomTree(2 + Math.floor(random() * 2 * (Number(meanSize) - 2)), random));
    const nodes = trees.reduce((sum, tree) => sum + tree.parent.length, 0);
    let start = performance.now();
    const ours = trees.map((tree) => treeMetrics(tree.parent, tree.delay));
    const oursSeconds = seconds(start);
    const sampled = 1000;
    start = performance.now();
    let difference = 0;
    for (let i = 0; i < sampled; i++) difference = Math.max(difference, Math.abs(plainVirality(trees[i]!.parent) - ours[i]!.structural_virality!));
    const plainSeconds = seconds(start);
    return { trees: trees.length, nodes, oursSeconds, sampled, plainSeconds, plainProjected: (plainSeconds * trees.length) / sampled, difference };
  },
};
