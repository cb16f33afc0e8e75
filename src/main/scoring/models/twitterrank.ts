import {
  TWITTERRANK_MAX_TOPICS,
  twitterrankModel,
  twitterrankTopicColumn,
} from '../../../shared/models/twitterrank';
import { defineImplementation, type Contribution, type RunStats } from '../model';
import { solvePagerank } from '../parallel/pagerank-solver';
import { forEachEdge, twitterrankSetup, type TopicWalk, type TwitterrankParams } from './twitterrank-setup';

const emptyColumns = (n: number) =>
  Object.fromEntries(
    ['score', ...Array.from({ length: TWITTERRANK_MAX_TOPICS }, (_, i) => twitterrankTopicColumn(i))].map((name) => [
      name,
      new Float64Array(n),
    ]),
  );

const topicName = (walk: TopicWalk) => walk.topic ?? 'all';

export const twitterrankImplementation = defineImplementation<TwitterrankParams>({
  id: twitterrankModel.id,
  needs: { posts: true },

  async score(input, params, context) {
    const n = input.graph.nodeCount;
    const outputs = emptyColumns(n);
    if (n === 0) return { outputs, stats: { iterations: 0, converged: true } };
    const { incoming, attentionTotal, byEdgeWeight, walks } = twitterrankSetup(input, params, context);
    const { alpha } = params;
    const scaledInverseOut = attentionTotal.map((total) => (total > 0 ? alpha / total : 0));
    const iterationsPerTopic: Record<string, number> = {};
    const residualPerTopic: Record<string, number> = {};
    const notes: string[] = [];
    let converged = true;
    for (const [t, walk] of walks.entries()) {
      context.checkCancelled();
      const run = await solvePagerank({
        incoming: { ...incoming, weights: walk.incomingWeights },
        weighted: true,
        scaledInverseOut,
        teleport: walk.teleport.map((p) => (1 - alpha) * p),
        danglingTarget: walk.teleport,
        alpha,
        tolerance: params.tolerance,
        maxIterations: params.max_iterations,
        onIteration: (iteration) => {
          const fraction = (t + iteration / params.max_iterations) / walks.length;
          context.progress(fraction, `${walk.topic === null ? '' : `topic "${walk.topic}", `}iteration ${iteration}`);
          context.checkCancelled();
        },
      });
      // The walk leaks attention lost to dissimilarity; scaling gives the walk that sends it along the teleport.
      const total = run.scores.reduce((sum, x) => sum + x, 0);
      const scores = run.scores.map((x) => x / total);
      if (walk.topic !== null) outputs[twitterrankTopicColumn(t)] = scores;
      const aggregate = outputs.score!;
      for (let v = 0; v < n; v++) aggregate[v]! += walk.weight * scores[v]!;
      iterationsPerTopic[topicName(walk)] = run.iterations;
      residualPerTopic[topicName(walk)] = run.residual;
      converged &&= run.converged;
      if (!run.converged) {
        notes.push(
          `topic "${topicName(walk)}" did not converge: L1 change ${run.residual.toExponential(2)} after ` +
            `${run.iterations} iterations`,
        );
      }
    }
    if (byEdgeWeight > 0) {
      notes.push(`${byEdgeWeight} accounts split their attention by edge weight: none they give it to has posts`);
    }
    const stats: RunStats = {
      iterations: Math.max(...Object.values(iterationsPerTopic)),
      residual: Math.max(...Object.values(residualPerTopic)),
      converged,
      iterations_per_topic: iterationsPerTopic,
      topic_columns: Object.fromEntries(
        Array.from({ length: TWITTERRANK_MAX_TOPICS }, (_, i) => [twitterrankTopicColumn(i), params.topics[i] ?? null]),
      ),
      topic_weights: Object.fromEntries(walks.map((walk) => [topicName(walk), walk.weight])),
      accounts_by_edge_weight: byEdgeWeight,
      notes,
    };
    return { outputs, stats };
  },

  explain(input, params, outputs, node, context, limit) {
    const { incoming, attentionTotal, walks } = twitterrankSetup(input, params, context);
    const { alpha } = params;
    const score = outputs.score![node]!;
    const share = (value: number) => (score > 0 ? value / score : null);
    const contributions: Contribution[] = [];
    const factors: Array<{ label: string; value: number | string; note?: string }> = [{ label: 'score', value: score }];
    let jumps = 0;
    let lost = 0;
    for (const [t, walk] of walks.entries()) {
      const scores = walk.topic === null ? outputs.score! : outputs[twitterrankTopicColumn(t)]!;
      // Attention each account passes on along its row; the rest (dissimilarity, none given) jumps by E_t.
      const passedOn = new Float64Array(incoming.nodeCount);
      forEachEdge(incoming, (e, from) => {
        if (attentionTotal[from]! > 0) passedOn[from]! += walk.incomingWeights[e]! / attentionTotal[from]!;
      });
      let leaked = 0;
      for (let u = 0; u < incoming.nodeCount; u++) leaked += scores[u]! * (1 - passedOn[u]!);
      const topicJump = (1 - alpha) * walk.teleport[node]!;
      const topicLost = alpha * leaked * walk.teleport[node]!;
      jumps += walk.weight * topicJump;
      lost += walk.weight * topicLost;
      for (let e = incoming.offsets[node]!; e < incoming.offsets[node + 1]!; e++) {
        const from = incoming.targets[e]!;
        if (!(attentionTotal[from]! > 0) || walk.incomingWeights[e] === 0) continue;
        const value = (walk.weight * alpha * scores[from]! * walk.incomingWeights[e]!) / attentionTotal[from]!;
        const label = walk.topic === null ? 'attention from this account' : `attention in "${walk.topic}"`;
        contributions.push({ node: from, label, value, share: share(value) });
      }
      if (walk.topic !== null) {
        const topicScore = scores[node]!;
        factors.push({
          label: `topic "${walk.topic}" (${twitterrankTopicColumn(t)})`,
          value: topicScore,
          note:
            `weight ${walk.weight.toPrecision(3)} in the score; ` +
            `${percent(topicScore > 0 ? (topicJump + topicLost) / topicScore : null)} from jumps by topic strength`,
        });
      }
    }
    contributions.push(
      { node: null, label: 'random jump', value: jumps, share: share(jumps) },
      {
        node: null,
        label: 'attention not passed on (topical dissimilarity, accounts giving none), jumping like the reader',
        value: lost,
        share: share(lost),
      },
    );
    contributions.sort((a, b) => b.value - a.value || (a.node ?? -1) - (b.node ?? -1));
    const fromNeighbours = contributions.reduce((sum, c) => (c.node === null ? sum : sum + c.value), 0);
    const inDegree = incoming.offsets[node + 1]! - incoming.offsets[node]!;
    factors.push(
      { label: 'in-degree', value: inDegree, note: 'accounts giving attention to this one' },
      { label: 'posts', value: countPosts(input.posts?.author, node), note: 'activity that draws attention' },
      { label: 'alpha', value: alpha, note: 'probability of following attention rather than jumping' },
    );
    const over = walks[0]!.topic === null ? '' : ` over ${walks.length} topics`;
    return {
      summary:
        `TwitterRank ${score.toPrecision(4)}${over}: ${percent(share(fromNeighbours))} from ${inDegree} accounts ` +
        `giving attention, ${percent(share(jumps))} from random jumps, ${percent(share(lost))} from attention ` +
        'lost elsewhere.',
      factors,
      contributions: contributions.filter((c) => c.value > 0).slice(0, limit),
    };
  },
});

function countPosts(authors: Int32Array | undefined, node: number): number {
  let count = 0;
  for (const author of authors ?? []) if (author === node) count++;
  return count;
}

function percent(fraction: number | null): string {
  return fraction === null ? 'n/a' : `${(100 * fraction).toFixed(1)}%`;
}
