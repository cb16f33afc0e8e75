import type { z } from 'zod';
import type { twitterrankModel } from '../../../shared/models/twitterrank';
import type { Csr } from '../graph/csr';
import { ModelInputError, type ModelInput, type ScoreContext } from '../model';

export type TwitterrankParams = z.output<typeof twitterrankModel.params>;

/** One topic's random walk: the transition folded into weights on the incoming graph, as the PageRank solver takes. */
export interface TopicWalk {
  /** null: the run without topics, where every similarity is 1. */
  topic: string | null;
  /** Share of the aggregate score. */
  weight: number;
  /** Weng's E_t: where the reader jumps; sums to 1. */
  teleport: Float64Array;
  /** Entry e of incoming row v, from u: the attention u gives v before dividing by attentionTotal[u]. */
  incomingWeights: Float64Array;
}

export interface TwitterrankSetup {
  incoming: Csr;
  /** Denominator of u's transition row: posts of the accounts u gives attention to, or its out-weight; 0 = dangling. */
  attentionTotal: Float64Array;
  /** Accounts that give attention but split it by edge weight, none of their out-neighbours having posts. */
  byEdgeWeight: number;
  walks: TopicWalk[];
}

/** The transition of every topic, rebuilt identically by explain. */
export function twitterrankSetup(input: ModelInput, params: TwitterrankParams, context: ScoreContext): TwitterrankSetup {
  if (!input.posts) throw new Error('twitterrank needs the posts loaded');
  const n = input.graph.nodeCount;
  const incoming = input.graph.incoming();
  // Weng's |T_v|: every post the account published, retweets included, as a tweet count would have it.
  const posts = new Float64Array(n);
  for (let p = 0; p < input.posts.count; p++) posts[input.posts.author[p]!]!++;

  const activityTotal = new Float64Array(n);
  const weightTotal = new Float64Array(n);
  forEachEdge(incoming, (e, from, to) => {
    if (from === to) return;
    activityTotal[from]! += posts[to]!;
    weightTotal[from]! += incoming.weights[e]!;
  });
  let byEdgeWeight = 0;
  const attentionTotal = activityTotal.map((total, u) => {
    if (total > 0) return total;
    if (weightTotal[u]! > 0) byEdgeWeight++;
    return weightTotal[u]!;
  });
  const base = new Float64Array(incoming.weights.length);
  forEachEdge(incoming, (e, from, to) => {
    if (from !== to) base[e] = activityTotal[from]! > 0 ? posts[to]! : incoming.weights[e]!;
  });

  context.checkCancelled();
  const walks =
    params.topics.length === 0
      ? [{ topic: null, weight: 1, teleport: new Float64Array(n).fill(1 / n), incomingWeights: base }]
      : topicWalks(params.topics, incoming, base, context);
  return { incoming, attentionTotal, byEdgeWeight, walks };
}

function topicWalks(topics: readonly string[], incoming: Csr, base: Float64Array, context: ScoreContext): TopicWalk[] {
  const n = incoming.nodeCount;
  const strengths = topics.map((topic) => {
    const strength = context.topicStrength(topic);
    for (const value of strength) {
      if (!(value >= 0 && value < Infinity)) {
        throw new ModelInputError(`topic "${topic}" has an invalid strength (${value})`);
      }
    }
    return strength;
  });
  const totals = strengths.map((strength) => strength.reduce((sum, value) => sum + value, 0));
  topics.forEach((topic, t) => {
    if (!(totals[t]! > 0)) throw new ModelInputError(`no account has any strength in the topic "${topic}"`);
  });
  const grandTotal = totals.reduce((sum, total) => sum + total, 0);
  // Weng's DT': each account's strength spread over the chosen topics, 0 where it has none in any.
  const ownTotal = new Float64Array(n);
  for (const strength of strengths) for (let v = 0; v < n; v++) ownTotal[v]! += strength[v]!;

  return topics.map((topic, t) => {
    const strength = strengths[t]!;
    const share = strength.map((value, v) => (ownTotal[v]! > 0 ? value / ownTotal[v]! : 0));
    const incomingWeights = new Float64Array(base.length);
    forEachEdge(incoming, (e, from, to) => {
      incomingWeights[e] = base[e]! * (1 - Math.abs(share[from]! - share[to]!));
    });
    context.checkCancelled();
    return {
      topic,
      weight: totals[t]! / grandTotal,
      teleport: strength.map((value) => value / totals[t]!),
      incomingWeights,
    };
  });
}

/** Visits every edge from -> to of the incoming graph with its entry e. */
export function forEachEdge(incoming: Csr, visit: (e: number, from: number, to: number) => void): void {
  for (let to = 0; to < incoming.nodeCount; to++) {
    for (let e = incoming.offsets[to]!; e < incoming.offsets[to + 1]!; e++) visit(e, incoming.targets[e]!, to);
  }
}
