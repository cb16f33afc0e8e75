import type { Csr } from '../src/main/scoring/graph/csr';

/**
 * Baselines for the score benchmark, written the plain way: a single-threaded typed-array PageRank loop as a
 * textbook would write it, and k-core by repeatedly peeling nodes with JavaScript Sets (networkx's approach).
 */
export function plainPagerank(incoming: Csr, outWeight: Float64Array, alpha: number, iterations: number): Float64Array {
  const n = incoming.nodeCount;
  let x = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  for (let iteration = 0; iteration < iterations; iteration++) {
    let dangling = 0;
    for (let v = 0; v < n; v++) if (outWeight[v] === 0) dangling += x[v]!;
    const base = (1 - alpha) / n + (alpha * dangling) / n;
    for (let v = 0; v < n; v++) {
      let sum = 0;
      for (let e = incoming.offsets[v]!; e < incoming.offsets[v + 1]!; e++) {
        const u = incoming.targets[e]!;
        sum += (x[u]! * incoming.weights[e]!) / outWeight[u]!;
      }
      next[v] = base + alpha * sum;
    }
    [x, next] = [next, x];
  }
  return x;
}

export function plainCoreNumbers(out: Csr): Int32Array {
  const n = out.nodeCount;
  const neighbours: number[][] = Array.from({ length: n }, () => []);
  for (let v = 0; v < n; v++) {
    for (let e = out.offsets[v]!; e < out.offsets[v + 1]!; e++) {
      const u = out.targets[e]!;
      if (u === v) continue;
      neighbours[v]!.push(u);
      neighbours[u]!.push(v);
    }
  }
  const degree = neighbours.map((list) => list.length);
  const core = new Int32Array(n);
  const removed = new Uint8Array(n);
  const buckets = new Map<number, Set<number>>();
  for (let v = 0; v < n; v++) {
    if (!buckets.has(degree[v]!)) buckets.set(degree[v]!, new Set());
    buckets.get(degree[v]!)!.add(v);
  }
  let k = 0;
  for (let done = 0; done < n; done++) {
    while (!buckets.get(k)?.size) k++;
    const bucket = buckets.get(k)!;
    const v = bucket.values().next().value!;
    bucket.delete(v);
    removed[v] = 1;
    core[v] = k;
    for (const u of neighbours[v]!) {
      if (removed[u] || degree[u]! <= k) continue;
      buckets.get(degree[u]!)!.delete(u);
      degree[u]!--;
      if (!buckets.has(degree[u]!)) buckets.set(degree[u]!, new Set());
      buckets.get(degree[u]!)!.add(u);
    }
  }
  return core;
}

/**
 * Independent Cascade the plain way: a fresh visited Set and one coin per edge tried, for `runs` cascades from
 * each of the first `accounts` accounts. Returns the mean sizes.
 */
export function plainCascades(rows: Csr, probability: number, runs: number, accounts: number, random: () => number): Float64Array {
  const means = new Float64Array(accounts);
  for (let source = 0; source < accounts; source++) {
    let total = 0;
    for (let run = 0; run < runs; run++) {
      const active = new Set<number>([source]);
      const queue = [source];
      while (queue.length > 0) {
        const u = queue.shift()!;
        for (let e = rows.offsets[u]!; e < rows.offsets[u + 1]!; e++) {
          const v = rows.targets[e]!;
          if (!active.has(v) && random() < probability) {
            active.add(v);
            queue.push(v);
          }
        }
      }
      total += active.size;
    }
    means[source] = total / runs;
  }
  return means;
}
