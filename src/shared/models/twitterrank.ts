import { z } from 'zod';
import { GRAPH_CONSTANTS } from './fidelity';
import { defineModel, graphParams, type OutputColumn } from './descriptor';

/** Outputs are fixed per descriptor, so each topic has a column of its own and at most this many topics run. */
export const TWITTERRANK_MAX_TOPICS = 5;

/** Output column of the i-th topic (0-based) of the `topics` parameter. */
export const twitterrankTopicColumn = (index: number): string => `topic_${index + 1}`;

/** topicStrength strips a leading "#" and matches case-insensitively, so "#AI" and "ai" are one topic. */
const topicKey = (topic: string) => topic.replace(/^#/, '').toLowerCase();

const topicColumns: OutputColumn[] = Array.from({ length: TWITTERRANK_MAX_TOPICS }, (_, i) => ({
  name: twitterrankTopicColumn(i),
  description:
    `TwitterRank in the ${i + 1}. topic of \`topics\` (sums to 1); 0 for every account when fewer topics are ` +
    'given. The run statistics name the topic of each column.',
}));

export const twitterrankModel = defineModel({
  id: 'twitterrank',
  version: '1',
  label: 'TwitterRank',
  description:
    'Topic-sensitive PageRank (Weng et al. 2010). An account u splits its attention over the accounts v it gives ' +
    'attention to in proportion to their activity |posts of v| / (sum of the posts of every account u gives ' +
    'attention to), times their topical similarity sim_t(u, v) = 1 - |DT_ut - DT_vt|, where DT_ut is the share of ' +
    "topic t in u's strength over the chosen topics (own posts tagged with the topic plus endorsements received " +
    'for it). An account none of whose attention goes to an account with posts splits it by edge weight instead; ' +
    'attention an account gives itself is ignored. With probability alpha (Weng\'s gamma) the reader follows that ' +
    "attention, else jumps to an account drawn by its share of the topic's strength (Weng's E_t). Attention lost " +
    'to dissimilarity and the mass of accounts giving none jump the same way, which makes each topic\'s score ' +
    "Weng's TR_t scaled to sum 1. The score aggregates the topics, each weighted by its share of all strength in " +
    'them. Without topics the score is activity-weighted PageRank with uniform jumps. Each topic is a power ' +
    'iteration from the uniform vector, stopping once the L1 change is below the tolerance or after max_iterations.',
  citation:
    'Weng, J., Lim, E.-P., Jiang, J., He, Q. (2010). TwitterRank: finding topic-sensitive influential twitterers. ' +
    'Proceedings of WSDM 2010, 261-270.',
  fidelity: 'reconstructed',
  constants: [
    ...GRAPH_CONSTANTS,
    { name: 'alpha', value: 0.85, source: 'Weng et al. 2010 (gamma = 0.85)' },
    { name: 'tolerance', value: 1e-10, source: 'ours: as pagerank' },
    { name: 'max_iterations', value: 100, source: 'ours: as pagerank, per topic' },
    {
      name: 'max_topics',
      value: TWITTERRANK_MAX_TOPICS,
      source:
        'ours: outputs are fixed per descriptor, so at most 5 topic columns; Weng et al. use LDA topics, here hashtags',
    },
  ],
  params: z.strictObject({
    ...graphParams,
    alpha: z
      .number()
      .gt(0)
      .lt(1)
      .default(0.85)
      .describe("probability of following attention rather than jumping (Weng's gamma)"),
    topics: z
      .array(z.string().min(1).max(200))
      .max(TWITTERRANK_MAX_TOPICS)
      .refine((topics) => new Set(topics.map(topicKey)).size === topics.length, {
        error: 'each topic may be listed once ("#tag" and "tag" are the same topic)',
      })
      .default(() => [])
      .describe(
        `up to ${TWITTERRANK_MAX_TOPICS} topics (hashtags), each scored in its own column topic_1, topic_2, ...; ` +
          'none: the score alone, without topical similarity',
      ),
    tolerance: z
      .number()
      .min(1e-15)
      .max(1)
      .default(1e-10)
      .describe('stop when the L1 change between iterations is below this'),
    max_iterations: z.number().int().min(1).max(10_000).default(100).describe('per topic'),
  }),
  outputs: [
    { name: 'score', description: "TwitterRank over all topics, each weighted by its share of strength; sums to 1" },
    ...topicColumns,
  ],
  stochastic: false,
});
