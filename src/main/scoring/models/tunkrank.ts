import type { z } from 'zod';
import { tunkrankModel } from '../../../shared/models/tunkrank';
import type { Csr } from '../graph/csr';
import { defineImplementation, type Contribution } from '../model';

type TunkrankParams = z.infer<typeof tunkrankModel.params>;

const CANCEL_CHECK_MASK = 0xffff;

const short = (x: number) => String(Number(x.toPrecision(6)));

/** Number of other accounts each node gives attention to (its self-loop, if any, left out). */
function followingCounts(out: Csr): Int32Array {
  const counts = new Int32Array(out.nodeCount);
  for (let v = 0; v < out.nodeCount; v++) {
    let count = out.offsets[v + 1]! - out.offsets[v]!;
    for (let e = out.offsets[v]!; e < out.offsets[v + 1]!; e++) if (out.targets[e] === v) count--;
    counts[v] = count;
  }
  return counts;
}

function hasSelfLoop(out: Csr, v: number): boolean {
  let low = out.offsets[v]!;
  let high = out.offsets[v + 1]!;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (out.targets[mid]! < v) low = mid + 1;
    else high = mid;
  }
  return low < out.offsets[v + 1]! && out.targets[low] === v;
}

export const tunkrankImplementation = defineImplementation<TunkrankParams>({
  id: tunkrankModel.id,
  needs: {},

  score(input, params, context) {
    const { out, nodeCount: n } = input.graph;
    const following = followingCounts(out);
    let rank = new Float64Array(n);
    let next = new Float64Array(n);
    let iterations = 0;
    let residual = Number.POSITIVE_INFINITY;
    while (iterations < params.max_iterations && residual > params.tolerance) {
      context.progress(iterations / params.max_iterations, `iteration ${iterations + 1}`);
      next.fill(0);
      // Pushed along the forward rows, so no transpose is needed: Y hands each account it follows an equal share.
      for (let y = 0; y < n; y++) {
        if ((y & CANCEL_CHECK_MASK) === 0) context.checkCancelled();
        if (following[y] === 0) continue;
        const share = (1 + params.p * rank[y]!) / following[y]!;
        for (let e = out.offsets[y]!; e < out.offsets[y + 1]!; e++) {
          const x = out.targets[e]!;
          if (x !== y) next[x]! += share;
        }
      }
      residual = 0;
      for (let v = 0; v < n; v++) residual += Math.abs(next[v]! - rank[v]!);
      [rank, next] = [next, rank];
      iterations++;
    }
    const converged = residual <= params.tolerance;
    context.progress(1, converged ? 'converged' : 'stopped');
    return {
      outputs: { score: rank },
      stats: {
        iterations,
        residual,
        converged,
        notes: converged ? [] : [`not converged after ${iterations} iterations (L1 change ${residual})`],
      },
    };
  },

  explain(input, params, outputs, node, _context, limit) {
    const { out } = input.graph;
    const incoming = input.graph.incoming();
    const rank = outputs.score!;
    const contributions: Contribution[] = [];
    let total = 0;
    for (let e = incoming.offsets[node]!; e < incoming.offsets[node + 1]!; e++) {
      const y = incoming.targets[e]!;
      if (y === node) continue;
      const following = out.offsets[y + 1]! - out.offsets[y]! - (hasSelfLoop(out, y) ? 1 : 0);
      const value = (1 + params.p * rank[y]!) / following;
      total += value;
      contributions.push({
        node: y,
        label: `(1 + ${params.p} x ${short(rank[y]!)}) / ${following} accounts it gives attention to`,
        value,
        share: null,
      });
    }
    for (const contribution of contributions) contribution.share = total > 0 ? contribution.value / total : null;
    contributions.sort((a, b) => b.value - a.value || a.node! - b.node!);
    return {
      summary:
        `TunkRank ${short(rank[node]!)}: a post by this account is expected to reach that many readers through the ` +
        `${contributions.length} accounts that give it attention and their retweets (p = ${params.p}).`,
      factors: [
        { label: 'TunkRank', value: rank[node]! },
        { label: 'followers', value: contributions.length, note: 'accounts giving it attention' },
        { label: 'retweet probability p', value: params.p },
      ],
      contributions: contributions.slice(0, limit),
    };
  },
});
