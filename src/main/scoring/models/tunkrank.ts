import type { z } from 'zod';
import { tunkrankModel } from '../../../shared/models/tunkrank';
import type { Csr } from '../graph/csr';
import { defineImplementation, type Contribution, type ModelInput } from '../model';

type TunkrankParams = z.infer<typeof tunkrankModel.params>;

const CANCEL_CHECK_MASK = 0xffff;

const short = (x: number) => String(Number(x.toPrecision(6)));

/** Where one reader's |following(Y)| came from. */
const enum Origin {
  Profile,
  /** No profile count, or following_from = graph. */
  Graph,
  /** The profile's count is below the accounts Y gives attention to here: the graph's count replaces it. */
  ProfileBelowGraph,
}

/** Number of other accounts a node gives attention to (its self-loop, if any, left out). */
function graphFollowing(out: Csr, v: number): number {
  let count = out.offsets[v + 1]! - out.offsets[v]!;
  for (let e = out.offsets[v]!; e < out.offsets[v + 1]!; e++) if (out.targets[e] === v) count--;
  return count;
}

/**
 * |following(Y)| for every node and where it came from. The profile's following count is Tunkelang's divisor;
 * it cannot be smaller than the accounts Y gives attention to in the data (Y would hand out more than its whole
 * attention, shares summing above 1), which happens when profiles were fetched at another time than the
 * interactions, so there the graph's count is used.
 */
export function followingCounts(input: ModelInput, params: TunkrankParams): { count: Float64Array; origin: Uint8Array } {
  const { out, nodeCount } = input.graph;
  const profile = params.following_from === 'profile' ? input.following : undefined;
  const count = new Float64Array(nodeCount);
  const origin = new Uint8Array(nodeCount);
  for (let v = 0; v < nodeCount; v++) {
    const inGraph = graphFollowing(out, v);
    const fromProfile = profile?.[v] ?? Number.NaN;
    if (!Number.isFinite(fromProfile)) [count[v], origin[v]] = [inGraph, Origin.Graph];
    else if (fromProfile < inGraph) [count[v], origin[v]] = [inGraph, Origin.ProfileBelowGraph];
    else [count[v], origin[v]] = [fromProfile, Origin.Profile];
  }
  return { count, origin };
}

/** "250 accounts it follows (profile)": the divisor of a reader's share and where it came from. */
function divisorLabel(count: number, origin: Origin): string {
  const accounts = `${count} account${count === 1 ? '' : 's'}`;
  if (origin === Origin.Profile) return `${accounts} it follows (profile)`;
  const why = origin === Origin.Graph ? 'no profile count' : 'its profile count is smaller';
  return `${accounts} it gives attention to (graph: ${why})`;
}

/** How many of the nodes (all, or those listed) took their divisor from each origin. */
function originTally(origin: Uint8Array, nodes: Iterable<number>): Record<'profile' | 'graph' | 'profile_below_graph', number> {
  const tally = [0, 0, 0];
  for (const v of nodes) tally[origin[v]!]!++;
  return { profile: tally[Origin.Profile]!, graph: tally[Origin.Graph]!, profile_below_graph: tally[Origin.ProfileBelowGraph]! };
}

export const tunkrankImplementation = defineImplementation<TunkrankParams>({
  id: tunkrankModel.id,
  needs: { following: true },

  score(input, params, context) {
    const { out, nodeCount: n } = input.graph;
    const { count: following, origin } = followingCounts(input, params);
    let rank = new Float64Array(n);
    let next = new Float64Array(n);
    let iterations = 0;
    let residual = Number.POSITIVE_INFINITY;
    while (iterations < params.max_iterations && residual > params.tolerance) {
      context.progress(iterations / params.max_iterations, `iteration ${iterations + 1}`);
      next.fill(0);
      // Pushed along the forward rows, so no transpose is needed: Y hands each account it follows a share.
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
    const givers = [...Array(n).keys()].filter((v) => out.offsets[v + 1]! > out.offsets[v]!);
    return {
      outputs: { score: rank },
      stats: {
        iterations,
        residual,
        converged,
        // Of the accounts giving attention: whose |following| came from the profile, the graph, or the guard.
        following_from: originTally(origin, givers),
        notes: converged ? [] : [`not converged after ${iterations} iterations (L1 change ${residual})`],
      },
    };
  },

  explain(input, params, outputs, node, _context, limit) {
    const incoming = input.graph.incoming();
    const { count: following, origin } = followingCounts(input, params);
    const rank = outputs.score!;
    const contributions: Contribution[] = [];
    const readers: number[] = [];
    let total = 0;
    for (let e = incoming.offsets[node]!; e < incoming.offsets[node + 1]!; e++) {
      const y = incoming.targets[e]!;
      if (y === node) continue;
      const value = (1 + params.p * rank[y]!) / following[y]!;
      total += value;
      readers.push(y);
      contributions.push({
        node: y,
        label: `(1 + ${params.p} x ${short(rank[y]!)}) / ${divisorLabel(following[y]!, origin[y]!)}`,
        value,
        share: null,
      });
    }
    for (const contribution of contributions) contribution.share = total > 0 ? contribution.value / total : null;
    contributions.sort((a, b) => b.value - a.value || a.node! - b.node!);
    const tally = originTally(origin, readers);
    return {
      summary:
        `TunkRank ${short(rank[node]!)}: a post by this account is expected to reach that many readers through the ` +
        `${contributions.length} accounts that give it attention and their retweets (p = ${params.p}); each ` +
        `reader's share is divided by its following count from its profile for ${tally.profile} of them and by ` +
        `the accounts it gives attention to in the data for ${tally.graph + tally.profile_below_graph}` +
        (tally.profile_below_graph > 0 ? ` (${tally.profile_below_graph} of these because the profile's count was smaller)` : '') +
        '.',
      factors: [
        { label: 'TunkRank', value: rank[node]! },
        { label: 'followers', value: contributions.length, note: 'accounts giving it attention' },
        { label: 'retweet probability p', value: params.p },
        { label: 'following from profile', value: tally.profile, note: 'readers divided by their profile following count' },
        {
          label: 'following from graph',
          value: tally.graph + tally.profile_below_graph,
          note: `readers divided by the accounts they give attention to (${tally.profile_below_graph} whose profile count was smaller)`,
        },
        { label: 'following_from', value: params.following_from },
      ],
      contributions: contributions.slice(0, limit),
    };
  },
});
