import type { z } from 'zod';
import { hitsModel } from '../../../shared/models/hits';
import type { Csr } from '../graph/csr';
import { defineImplementation, type Contribution } from '../model';

type HitsParams = z.output<typeof hitsModel.params>;

/** into[v] = sum over row v of from[column] * weight: authorities over the incoming rows, hubs over the outgoing. */
function pull(csr: Csr, weighted: boolean, from: Float64Array, into: Float64Array): void {
  const { nodeCount, offsets, targets, weights } = csr;
  let e = 0;
  if (weighted) {
    for (let v = 0; v < nodeCount; v++) {
      const end = offsets[v + 1]!;
      let sum = 0;
      for (; e < end; e++) sum += from[targets[e]!]! * weights[e]!;
      into[v] = sum;
    }
  } else {
    for (let v = 0; v < nodeCount; v++) {
      const end = offsets[v + 1]!;
      let sum = 0;
      for (; e < end; e++) sum += from[targets[e]!]!;
      into[v] = sum;
    }
  }
}

/** Multiplies by the reciprocal, as networkx does, so that results match it to the last bits. */
function scaleBy(values: Float64Array, divisor: number): void {
  const factor = 1 / divisor;
  for (let v = 0; v < values.length; v++) values[v]! *= factor;
}

function maximum(values: Float64Array): number {
  let max = Number.NEGATIVE_INFINITY;
  for (const value of values) if (value > max) max = value;
  return max;
}

function total(values: Float64Array): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum;
}

export const hitsImplementation = defineImplementation<HitsParams>({
  id: hitsModel.id,
  needs: {},

  score(input, params, context) {
    const { graph } = input;
    const nodeCount = graph.nodeCount;
    const incoming = graph.incoming();
    let hub = new Float64Array(nodeCount).fill(1 / nodeCount);
    let last = new Float64Array(nodeCount);
    const authority = new Float64Array(nodeCount);
    let iterations = 0;
    let residual = Number.POSITIVE_INFINITY;
    let converged = nodeCount === 0;
    while (!converged && iterations < params.max_iterations) {
      context.checkCancelled();
      [hub, last] = [last, hub];
      pull(incoming, params.weighted, last, authority);
      pull(graph.out, params.weighted, authority, hub);
      iterations++;
      const hubMax = maximum(hub);
      const authorityMax = maximum(authority);
      if (!(hubMax > 0 && authorityMax > 0)) {
        // No edge carries weight: networkx divides by zero here; every account is equally no hub and no authority.
        hub.fill(0);
        authority.fill(0);
        residual = 0;
        converged = true;
        break;
      }
      scaleBy(hub, hubMax);
      scaleBy(authority, authorityMax);
      residual = 0;
      for (let v = 0; v < nodeCount; v++) residual += Math.abs(hub[v]! - last[v]!);
      converged = residual < params.tolerance;
      context.progress(iterations / params.max_iterations, `iteration ${iterations}`);
    }
    if (params.normalization === 'sum' && nodeCount > 0 && maximum(hub) > 0) {
      scaleBy(authority, total(authority));
      scaleBy(hub, total(hub));
    }
    const notes = converged
      ? []
      : [`did not converge: L1 change of the hubs ${residual.toExponential(2)} after ${iterations} iterations`];
    return { outputs: { score: authority, hub }, stats: { iterations, residual, converged, notes } };
  },

  explain(input, params, outputs, node, _context, limit) {
    const { graph } = input;
    const authority = outputs.score!;
    const hub = outputs.hub!;
    const incoming = graph.incoming();
    const weightOf = (csr: Csr, e: number) => (params.weighted ? csr.weights[e]! : 1);
    let received = 0;
    for (let e = incoming.offsets[node]!; e < incoming.offsets[node + 1]!; e++) {
      received += hub[incoming.targets[e]!]! * weightOf(incoming, e);
    }
    const contributions: Contribution[] = [];
    for (let e = incoming.offsets[node]!; e < incoming.offsets[node + 1]!; e++) {
      const from = incoming.targets[e]!;
      const share = received > 0 ? (hub[from]! * weightOf(incoming, e)) / received : 0;
      if (share > 0) {
        const value = share * authority[node]!;
        contributions.push({ node: from, label: 'attention from this hub', value, share });
      }
    }
    contributions.sort((a, b) => b.share! - a.share! || a.node! - b.node!);
    const inDegree = incoming.offsets[node + 1]! - incoming.offsets[node]!;
    const outDegree = graph.outDegree[node]!;
    const outWeight = params.weighted ? graph.outWeight[node]! : outDegree;
    return {
      summary:
        `Authority ${authority[node]!.toPrecision(4)} from the hub scores of the ${inDegree} accounts giving it ` +
        `attention; hub ${hub[node]!.toPrecision(4)} from the authority of the ${outDegree} accounts it attends to.`,
      factors: [
        { label: 'authority (score)', value: authority[node]! },
        { label: 'hub', value: hub[node]! },
        { label: 'in-degree', value: inDegree, note: 'accounts giving attention to this one' },
        { label: 'out-degree', value: outDegree, note: 'accounts this one gives attention to' },
        { label: 'out-weight', value: outWeight, note: params.weighted ? 'sum of edge weights' : 'edges counted once' },
      ],
      contributions: contributions.slice(0, limit),
    };
  },
});
