import { z } from 'zod';
import { GRAPH_CONSTANTS } from './fidelity';
import { defineModel, graphParams } from './descriptor';

/** Where a reader's |following(Y)| comes from: its profile's following count, or the accounts it attends to here. */
export const FollowingSource = z.enum(['profile', 'graph']);
export type FollowingSource = z.infer<typeof FollowingSource>;

export const tunkrankModel = defineModel({
  id: 'tunkrank',
  // 2: |following(Y)| taken from Y's profile where the dataset has it (version 1 always counted the graph).
  version: '2',
  label: 'TunkRank',
  description:
    'The expected number of accounts that read a post by the account, directly or through retweets: ' +
    'TR(X) = sum over the accounts Y that give X attention of (1 + p x TR(Y)) / |following(Y)|, ' +
    'where p is the probability that a reader retweets. |following(Y)| is the following count of Y\'s profile ' +
    'where the dataset has one (following_from = profile), else the number of other accounts Y gives attention ' +
    'to in the interaction graph; a profile count below that number (a profile fetched at another time than the ' +
    'interactions) is replaced by it, since Y cannot give away more than all its attention. following_from = ' +
    'graph always counts the graph. Attention is a distinct edge of the interaction graph whatever its weight, ' +
    'and attention an account gives itself is ignored. Solved by Jacobi iteration from TR = 0, stopping once the ' +
    'L1 change between two iterations is at most the tolerance (default 1e-10) or after max_iterations (default ' +
    '1000); the run records whether it converged. With p < 1 the iteration contracts by a factor p at each step, ' +
    'so it always converges.',
  citation:
    'Tunkelang, D. (2009). A Twitter analog to PageRank. The Noisy Channel (blog), 13 January 2009.',
  fidelity: 'published',
  constants: [
    ...GRAPH_CONSTANTS,
    {
      name: 'p',
      value: 0.05,
      source:
        'ours: Tunkelang 2009 leaves p open; 0.05 is a plausible retweet probability per read',
    },
    {
      name: 'following_from',
      value: 'profile',
      source: 'Tunkelang 2009 divides by |following(Y)|, the accounts Y follows on the platform: its profile count',
    },
    { name: 'tolerance', value: 1e-10, source: 'ours: L1 change between Jacobi iterations' },
    {
      name: 'max_iterations',
      value: 1000,
      source:
        'ours: the iteration contracts by p per step, so p = 0.05 needs about 8 steps for 1e-10; 1000 bounds p near 1',
    },
  ],
  params: z.strictObject({
    ...graphParams,
    p: z.number().min(0).lt(1).default(0.05).describe('probability that a reader retweets what it reads'),
    following_from: FollowingSource.default('profile').describe(
      "|following(Y)| from Y's profile where known (else the graph), or always from the graph",
    ),
    tolerance: z
      .number()
      .min(1e-15)
      .max(1)
      .default(1e-10)
      .describe('stop when the L1 change between iterations is at most this'),
    max_iterations: z.number().int().min(1).max(100_000).default(1000),
  }),
  outputs: [{ name: 'score', description: 'TunkRank: expected readers of a post' }],
  stochastic: false,
});
