/** A node of a tree and how many nodes descend from it (its subtree without itself). */
export interface Spreader {
  node: number;
  descendants: number;
}

export interface TreeMetrics {
  /** Nodes reachable from the root, the root included. */
  size: number;
  /** The largest distance from the root (a lone root has depth 0). */
  depth: number;
  /** The largest number of nodes at one depth. */
  max_breadth: number;
  /**
   * Goel et al. 2016: the mean shortest-path distance over all pairs of distinct nodes. Null for a lone root,
   * which has no pairs (the paper defines it for n >= 2).
   */
  structural_virality: number | null;
  /** The delay of the ceil(size / 2)-th node to appear, in the delays' own minutes; null if a delay is unknown (NaN). */
  half_size_minutes: number | null;
  /** Up to TOP_SPREADERS nodes with at least one descendant, most descendants first, ties by lower index. */
  top_spreaders: Spreader[];
}

const TOP_SPREADERS = 5;

/**
 * Metrics of one propagation tree in O(n) time (expected, for the half-size delay) and memory, without recursion
 * (real cascades can be chains 10^5 deep). `parent[i]` is the index of node i's parent, -1 for the root, which is
 * node 0; a parent may have a higher index than its child. Nodes whose parent chain does not reach the root (a second -1, a cycle) are not part of the
 * tree and are left out of every metric. With `owner` (an account per node), a spreader is an owner: each is
 * listed once, through its node with the most descendants, because an account that posted twice in a cascade is
 * still one account.
 */
export function treeMetrics(parent: Int32Array, delayMinutes: Float64Array, owner?: Int32Array): TreeMetrics {
  const n = parent.length;
  if (n === 0 || parent[0] !== -1) throw new RangeError('a tree needs its root as node 0, with parent -1');
  if (delayMinutes.length !== n || (owner && owner.length !== n)) {
    throw new RangeError(`a tree of ${n} nodes needs ${n} delays${owner ? ' and owners' : ''}`);
  }
  const work = workspace(n);
  const { offsets, children } = childLists(parent, work);

  // Breadth-first order from the root: every parent before its children, and the depths in runs.
  const order = work.subarray(3 * n + 1, 4 * n + 1);
  const depthOf = work.subarray(4 * n + 1, 5 * n + 1);
  order[0] = 0;
  depthOf[0] = 0;
  let size = 1;
  for (let head = 0; head < size; head++) {
    const node = order[head]!;
    for (let edge = offsets[node]!; edge < offsets[node + 1]!; edge++) {
      const child = children[edge]!;
      depthOf[child] = depthOf[node]! + 1;
      order[size++] = child;
    }
  }

  let maxBreadth = 0;
  for (let start = 0, end = 0; start < size; start = end) {
    while (end < size && depthOf[order[end]!] === depthOf[order[start]!]) end++;
    maxBreadth = Math.max(maxBreadth, end - start);
  }

  // Each edge lies on the path of every pair it separates, s * (size - s) pairs for a subtree of s nodes, so the
  // sum of all pairwise distances (the Wiener index) is the sum of that over edges.
  const subtree = work.subarray(5 * n + 1, 6 * n + 1).fill(0);
  let wiener = 0;
  for (let at = size - 1; at > 0; at--) {
    const node = order[at]!;
    const s = ++subtree[node]!;
    subtree[parent[node]!]! += s;
    wiener += s * (size - s);
  }
  subtree[0]!++;

  return {
    size,
    depth: depthOf[order[size - 1]!]!,
    max_breadth: maxBreadth,
    structural_virality: size < 2 ? null : (2 * wiener) / (size * (size - 1)),
    half_size_minutes: halfSizeDelay(order.subarray(0, size), delayMinutes),
    top_spreaders: topSpreaders(subtree, owner),
  };
}

/**
 * Working memory reused from call to call (a thread runs one call at a time, and no result refers to it): for trees
 * of tens of nodes, allocating seven arrays per tree took longer than the metrics (about 8 us a tree against 2).
 * It stays at the size of the largest tree measured.
 */
let scratch = new Int32Array(1024);
let delayScratch = new Float64Array(256);
function workspace(n: number): Int32Array {
  if (scratch.length < 6 * n + 1) scratch = new Int32Array(Math.max(6 * n + 1, 2 * scratch.length));
  return scratch;
}

/** Children of every node as compressed lists (counting sort by parent), checking that each parent exists. */
function childLists(parent: Int32Array, work: Int32Array): { offsets: Int32Array; children: Int32Array } {
  const n = parent.length;
  const offsets = work.subarray(0, n + 1).fill(0);
  for (let node = 1; node < n; node++) {
    const up = parent[node]!;
    if (up < -1 || up >= n) throw new RangeError(`node ${node} names parent ${up}, outside a tree of ${n} nodes`);
    if (up >= 0) offsets[up + 1]!++;
  }
  for (let node = 0; node < n; node++) offsets[node + 1]! += offsets[node]!;
  const children = work.subarray(n + 1, 2 * n + 1);
  const fill = work.subarray(2 * n + 1, 3 * n + 1);
  fill.set(offsets.subarray(0, n));
  for (let node = 1; node < n; node++) {
    const up = parent[node]!;
    if (up >= 0) children[fill[up]!++] = node;
  }
  return { offsets, children };
}

function halfSizeDelay(members: Int32Array, delayMinutes: Float64Array): number | null {
  if (delayScratch.length < members.length) delayScratch = new Float64Array(Math.max(members.length, 2 * delayScratch.length));
  const delays = delayScratch.subarray(0, members.length);
  for (let at = 0; at < members.length; at++) {
    const delay = delayMinutes[members[at]!]!;
    if (Number.isNaN(delay)) return null;
    delays[at] = delay;
  }
  return kthSmallest(delays, Math.ceil(delays.length / 2) - 1);
}

/**
 * Hoare's selection (Wirth's variant) in place: expected linear time. The middle pivot keeps delays that arrive
 * already sorted, as most cascades' do, linear too.
 */
function kthSmallest(values: Float64Array, k: number): number {
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const pivot = values[(low + high) >>> 1]!;
    let i = low;
    let j = high;
    do {
      while (values[i]! < pivot) i++;
      while (pivot < values[j]!) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i++] = values[j]!;
        values[j--] = swap;
      }
    } while (i <= j);
    if (j < k) low = i;
    if (k < i) high = j;
  }
  return values[k]!;
}

/** One pass in index order over the subtree sizes (0 for nodes outside the tree), keeping the best few. */
function topSpreaders(subtree: Int32Array, owner: Int32Array | undefined): Spreader[] {
  const best: Spreader[] = [];
  for (let node = 0; node < subtree.length; node++) {
    const descendants = subtree[node]! - 1;
    if (descendants < 1) continue;
    if (owner) {
      const same = best.findIndex((spreader) => owner[spreader.node] === owner[node]);
      if (same >= 0) {
        if (best[same]!.descendants >= descendants) continue;
        best.splice(same, 1);
      }
    }
    if (best.length === TOP_SPREADERS && best[TOP_SPREADERS - 1]!.descendants >= descendants) continue;
    let at = best.length;
    while (at > 0 && best[at - 1]!.descendants < descendants) at--;
    best.splice(at, 0, { node, descendants });
    if (best.length > TOP_SPREADERS) best.pop();
  }
  return best;
}
