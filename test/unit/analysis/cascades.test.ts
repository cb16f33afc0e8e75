import { describe, expect, it } from 'vitest';
import { treeMetrics } from '../../../src/main/analysis/cascades';

const tree = (parents: number[]) => Int32Array.from(parents);
const zeros = (n: number) => new Float64Array(n);

/** Mean distance over all pairs by breadth-first search from every node: the definition, in O(n^2). */
function meanDistanceByBfs(parent: Int32Array): number {
  const n = parent.length;
  const adjacent: number[][] = Array.from({ length: n }, () => []);
  parent.forEach((up, node) => {
    if (up < 0) return;
    adjacent[up]!.push(node);
    adjacent[node]!.push(up);
  });
  let total = 0;
  for (let source = 0; source < n; source++) {
    const distance = new Array<number>(n).fill(-1);
    distance[source] = 0;
    const queue = [source];
    for (const node of queue) {
      for (const next of adjacent[node]!) {
        if (distance[next] !== -1) continue;
        distance[next] = distance[node]! + 1;
        queue.push(next);
      }
    }
    total += distance.reduce((sum, d) => sum + d, 0);
  }
  return total / (n * (n - 1));
}

/** A seeded random tree on n nodes whose labels are shuffled, so parents often come after their children. */
function randomTree(n: number, seed: number): Int32Array {
  let state = seed;
  const random = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const label = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 1; i--) {
    const j = 1 + Math.floor(random() * i);
    [label[i], label[j]] = [label[j]!, label[i]!];
  }
  const parent = new Int32Array(n).fill(-1);
  for (let i = 1; i < n; i++) parent[label[i]!] = label[Math.floor(random() * i)]!;
  return parent;
}

describe('treeMetrics', () => {
  it('gives a lone root depth 0, breadth 1, no structural virality (it needs a pair) and no spreaders', () => {
    expect(treeMetrics(tree([-1]), Float64Array.of(0))).toEqual({
      size: 1, depth: 0, max_breadth: 1, structural_virality: null, half_size_minutes: 0, top_spreaders: [],
    });
  });

  it('gives a path of n nodes mean distance (n + 1) / 3, the viral extreme of Goel et al.', () => {
    const metrics = treeMetrics(tree([-1, 0, 1, 2, 3]), Float64Array.of(0, 1, 2, 3, 4));
    expect(metrics).toMatchObject({ size: 5, depth: 4, max_breadth: 1, half_size_minutes: 2 });
    expect(metrics.structural_virality).toBeCloseTo(2, 12);
    expect(metrics.top_spreaders).toEqual([
      { node: 0, descendants: 4 }, { node: 1, descendants: 3 }, { node: 2, descendants: 2 }, { node: 3, descendants: 1 },
    ]);
  });

  it('gives a star of n nodes 2 (n - 1) / n, the broadcast extreme', () => {
    const metrics = treeMetrics(tree([-1, 0, 0, 0, 0, 0]), zeros(6));
    expect(metrics).toMatchObject({ size: 6, depth: 1, max_breadth: 5, top_spreaders: [{ node: 0, descendants: 5 }] });
    expect(metrics.structural_virality).toBeCloseTo(10 / 6, 12);
  });

  it('matches distances counted by hand', () => {
    // 0 -> 1, 2; 1 -> 3, 4; 3 -> 5. Distances from 0: 1+1+2+2+3 = 9; from 1 to 2..5: 2+1+1+2 = 6;
    // from 2 to 3..5: 3+3+4 = 10; from 3 to 4, 5: 2+1 = 3; from 4 to 5: 3. Sum 31 over 15 pairs.
    const metrics = treeMetrics(tree([-1, 0, 0, 1, 1, 3]), zeros(6));
    expect(metrics).toMatchObject({ size: 6, depth: 3, max_breadth: 2 });
    expect(metrics.structural_virality).toBeCloseTo(31 / 15, 12);
  });

  it('reads parents that come after their children the same as in order', () => {
    // The hand-counted tree above relabelled: old 1 is 5, old 3 is 1, old 5 is 2, old 2 is 3, old 4 stays.
    const inOrder = treeMetrics(tree([-1, 0, 0, 1, 1, 3]), Float64Array.of(0, 1, 2, 3, 4, 5));
    const shuffled = treeMetrics(tree([-1, 5, 1, 0, 5, 0]), Float64Array.of(0, 3, 5, 2, 4, 1));
    expect({ ...shuffled, top_spreaders: [] }).toEqual({ ...inOrder, top_spreaders: [] });
    expect(shuffled.top_spreaders).toEqual([
      { node: 0, descendants: 5 }, { node: 5, descendants: 3 }, { node: 1, descendants: 1 },
    ]);
  });

  it('agrees with breadth-first search from every node on random trees with shuffled labels', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const parent = randomTree(2 + (seed % 60), seed);
      expect(treeMetrics(parent, zeros(parent.length)).structural_virality).toBeCloseTo(meanDistanceByBfs(parent), 9);
    }
  });

  it('gives the same answer for a tree measured again after a larger one', () => {
    const small = () => treeMetrics(tree([-1, 3, 0, 0, 1]), Float64Array.of(0, 4, 1, 2, 3));
    const first = small();
    treeMetrics(randomTree(5_000, 3), zeros(5_000));
    expect(small()).toEqual(first);
  });

  it('leaves out nodes that do not reach the root: a second root, a cycle, a node that is its own parent', () => {
    const metrics = treeMetrics(tree([-1, 0, -1, 4, 3, 5, 2]), Float64Array.of(0, 1, Number.NaN, 7, 8, 9, 10));
    expect(metrics).toMatchObject({ size: 2, depth: 1, max_breadth: 1, structural_virality: 1, half_size_minutes: 0 });
    expect(metrics.top_spreaders).toEqual([{ node: 0, descendants: 1 }]);
  });

  it('takes the ceil(size / 2)-th smallest delay, whatever the order, and null when a delay is unknown', () => {
    expect(treeMetrics(tree([-1, 0, 0, 0, 0]), Float64Array.of(0, 5, 1, 3, 2)).half_size_minutes).toBe(2);
    expect(treeMetrics(tree([-1, 0, 0, 0]), Float64Array.of(0, 9, 4, 4)).half_size_minutes).toBe(4);
    expect(treeMetrics(tree([-1, 0, 0]), Float64Array.of(0, Number.NaN, 1)).half_size_minutes).toBeNull();
  });

  it('keeps the five nodes with most descendants, ties by lower index', () => {
    // Root 0 with six children 1..6, each with one leaf child 7..12; node 4 has a second leaf, 13.
    const parent = tree([-1, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 4]);
    expect(treeMetrics(parent, zeros(14)).top_spreaders).toEqual([
      { node: 0, descendants: 13 }, { node: 4, descendants: 2 }, { node: 1, descendants: 1 },
      { node: 2, descendants: 1 }, { node: 3, descendants: 1 },
    ]);
  });

  it('lists an owner once, through its node with the most descendants', () => {
    const parent = tree([-1, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 4]);
    // Node 1 and node 4 belong to account 7, node 0 to account 7 too; nodes 2, 3, 5, 6 to accounts 2, 3, 5, 6.
    const owner = Int32Array.from([7, 7, 2, 3, 7, 5, 6, 8, 8, 8, 8, 8, 8, 8]);
    expect(treeMetrics(parent, zeros(14), owner).top_spreaders).toEqual([
      { node: 0, descendants: 13 }, { node: 2, descendants: 1 }, { node: 3, descendants: 1 },
      { node: 5, descendants: 1 }, { node: 6, descendants: 1 },
    ]);
  });

  it('walks a chain 100,000 deep, given leaf first, without recursion', () => {
    const n = 100_000;
    // The root is node 0; node n - 1 is its child and node i's parent is i + 1, so every parent comes later.
    const parent = new Int32Array(n).map((_, i) => (i === 0 ? -1 : i === n - 1 ? 0 : i + 1));
    const metrics = treeMetrics(parent, zeros(n));
    expect(metrics).toMatchObject({ size: n, depth: n - 1, max_breadth: 1 });
    expect(metrics.structural_virality).toBeCloseTo((n + 1) / 3, 6);
  });

  it('rejects arrays that are not a tree rooted at node 0', () => {
    expect(() => treeMetrics(tree([]), zeros(0))).toThrow(RangeError);
    expect(() => treeMetrics(tree([1, -1]), zeros(2))).toThrow(/root as node 0/);
    expect(() => treeMetrics(tree([-1, 2]), zeros(2))).toThrow(/node 1 names parent 2/);
    expect(() => treeMetrics(tree([-1, 0]), zeros(3))).toThrow(/needs 2 delays/);
  });
});
