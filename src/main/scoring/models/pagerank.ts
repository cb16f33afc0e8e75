import type { z } from 'zod';
import { pagerankModel } from '../../../shared/models/pagerank';
import {
  defineImplementation,
  ModelInputError,
  type Contribution,
  type ModelInput,
  type ScoreContext,
} from '../model';
import { solvePagerank } from '../parallel/pagerank-solver';

type PagerankParams = z.output<typeof pagerankModel.params>;

/** alpha, p, the dangling distribution and out-weights as the run used them, rebuilt identically by explain. */
interface Setup {
  alpha: number;
  teleportDistribution: Float64Array;
  danglingDistribution: Float64Array;
  /** Out-weight, or out-degree when unweighted; 0 means dangling. */
  outWeight: Float64Array;
}

function setup(input: ModelInput, params: PagerankParams, context: ScoreContext): Setup {
  const { graph } = input;
  const nodeCount = graph.nodeCount;
  const teleportDistribution = personalization(params, nodeCount, context) ?? uniform(nodeCount);
  const danglingDistribution = params.dangling_weights
    ? normalised(
        weightsByAccount(params.dangling_weights, nodeCount, context),
        'the dangling weights sum to 0, so they do not say where the mass of accounts without out-edges goes',
      )
    : teleportDistribution;
  const outWeight = params.weighted ? graph.outWeight : Float64Array.from(graph.outDegree);
  return { alpha: params.alpha, teleportDistribution, danglingDistribution, outWeight };
}

function personalization(params: PagerankParams, nodeCount: number, context: ScoreContext): Float64Array | null {
  const chosen = params.personalization;
  if (!chosen) return null;
  if ('topic' in chosen) {
    const strength = context.topicStrength(chosen.topic);
    for (const value of strength) {
      if (!(value >= 0)) throw new ModelInputError(`topic "${chosen.topic}" has an invalid strength (${value})`);
    }
    return normalised(strength, `no account has any strength in the topic "${chosen.topic}" to personalize by`);
  }
  const weights = new Float64Array(nodeCount);
  for (const account of chosen.accounts) weights[context.nodeOf(account)] = 1;
  return normalised(weights, 'the personalization accounts weigh 0 in all');
}

function weightsByAccount(byAccount: Record<string, number>, nodeCount: number, context: ScoreContext): Float64Array {
  const weights = new Float64Array(nodeCount);
  for (const [account, weight] of Object.entries(byAccount)) weights[context.nodeOf(account)]! += weight;
  return weights;
}

/** Weights scaled to sum 1; `problem` says why it cannot be done when they sum to 0. */
function normalised(weights: Float64Array, problem: string): Float64Array {
  let total = 0;
  for (const weight of weights) total += weight;
  if (!(total > 0)) throw new ModelInputError(problem);
  return weights.map((weight) => weight / total);
}

function uniform(nodeCount: number): Float64Array {
  return new Float64Array(nodeCount).fill(1 / nodeCount);
}

export const pagerankImplementation = defineImplementation<PagerankParams>({
  id: pagerankModel.id,
  needs: {},

  async score(input, params, context) {
    const nodeCount = input.graph.nodeCount;
    if (nodeCount === 0) return { outputs: { score: new Float64Array(0) }, stats: { iterations: 0, converged: true } };
    const { alpha, teleportDistribution, danglingDistribution, outWeight } = setup(input, params, context);
    context.checkCancelled();
    const run = await solvePagerank({
      incoming: input.graph.incoming(),
      weighted: params.weighted,
      scaledInverseOut: outWeight.map((weight) => (weight > 0 ? alpha / weight : 0)),
      teleport: teleportDistribution.map((p) => (1 - alpha) * p),
      danglingTarget: danglingDistribution,
      alpha,
      tolerance: params.tolerance,
      maxIterations: params.max_iterations,
      onIteration: (iteration) => {
        context.progress(iteration / params.max_iterations, `iteration ${iteration}`);
        context.checkCancelled();
      },
    });
    const notes = run.converged
      ? []
      : [`did not converge: L1 change ${run.residual.toExponential(2)} after ${run.iterations} iterations`];
    return {
      outputs: { score: run.scores },
      stats: {
        iterations: run.iterations,
        residual: run.residual,
        converged: run.converged,
        threads: run.threads,
        helper_share: run.helperShare,
        notes,
      },
    };
  },

  explain(input, params, outputs, node, context, limit) {
    const { graph } = input;
    const scores = outputs.score!;
    const { alpha, teleportDistribution, danglingDistribution, outWeight } = setup(input, params, context);
    const score = scores[node]!;
    const share = (value: number) => (score > 0 ? value / score : null);
    const incoming = graph.incoming();
    const contributions: Contribution[] = [];
    for (let e = incoming.offsets[node]!; e < incoming.offsets[node + 1]!; e++) {
      const from = incoming.targets[e]!;
      const weight = params.weighted ? incoming.weights[e]! : 1;
      if (!(outWeight[from]! > 0)) continue;
      const value = (alpha * scores[from]! * weight) / outWeight[from]!;
      contributions.push({ node: from, label: 'attention from this account', value, share: share(value) });
    }
    let danglingMass = 0;
    for (let v = 0; v < graph.nodeCount; v++) if (!(outWeight[v]! > 0)) danglingMass += scores[v]!;
    const teleport = (1 - alpha) * teleportDistribution[node]!;
    const dangling = alpha * danglingMass * danglingDistribution[node]!;
    contributions.push(
      { node: null, label: 'teleport (random jump)', value: teleport, share: share(teleport) },
      { node: null, label: 'mass of accounts that give no attention', value: dangling, share: share(dangling) },
    );
    contributions.sort((a, b) => b.value - a.value || (a.node ?? -1) - (b.node ?? -1));
    const inDegree = incoming.offsets[node + 1]! - incoming.offsets[node]!;
    const fromNeighbours = contributions.reduce((sum, c) => (c.node === null ? sum : sum + c.value), 0);
    return {
      summary:
        `PageRank ${score.toPrecision(4)}: ${percent(share(fromNeighbours))} from ${inDegree} accounts giving ` +
        `attention, ${percent(share(teleport))} from random jumps, ${percent(share(dangling))} from accounts that ` +
        'give none.',
      factors: [
        { label: 'score', value: score },
        { label: 'in-degree', value: inDegree, note: 'accounts giving attention to this one' },
        { label: 'out-degree', value: graph.outDegree[node]! },
        { label: 'alpha', value: alpha, note: 'probability of following an edge rather than jumping' },
      ],
      contributions: contributions.filter((c) => c.value > 0).slice(0, limit),
    };
  },
});

function percent(fraction: number | null): string {
  return fraction === null ? 'n/a' : `${(100 * fraction).toFixed(1)}%`;
}
