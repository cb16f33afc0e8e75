import { z } from 'zod';
import { GRAPH_CONSTANTS } from './fidelity';
import { defineModel, graphParams } from './descriptor';

export const spreadModel = defineModel({
  id: 'spread',
  version: '1',
  label: 'Expected spread (Independent Cascade)',
  description:
    'The expected number of accounts activated, the account itself included, when it alone starts a cascade ' +
    'under the Independent Cascade model of Kempe et al.: each newly activated account X gets one chance to ' +
    'activate each account Y that gives X attention (influence flows against attention), succeeding with the ' +
    'given probability, or with min(1, edge weight) when edge_probability is "weight" (for graphs whose weights ' +
    'are activation probabilities). Estimated by Monte Carlo: each account runs its own cascades (default 100), ' +
    'whose coins come from a counter-based hash (lowbias32) of the seed, the account, the run and the edge, so ' +
    "an account's estimate depends only on the seed and the account. With a constant probability the coins give " +
    'the gap to the next successful edge (geometric skipping), which draws the same distribution as one coin per ' +
    'edge. stderr is the standard error of the mean (sample standard deviation / sqrt(runs); unknown, NaN, for a ' +
    'single run).',
  citation:
    'Kempe, D., Kleinberg, J., Tardos, E. (2003). Maximizing the spread of influence through a social network. ' +
    'Proceedings of KDD 2003, 137-146.',
  fidelity: 'published',
  constants: [
    ...GRAPH_CONSTANTS,
    {
      name: 'probability',
      value: 0.01,
      source:
        "ours: the uniform IC probability of Kempe et al.'s experiments (they use 1% and 10%)",
    },
    {
      name: 'runs',
      value: 100,
      source:
        'ours: about 10% relative standard error on a cascade of size 2; stderr is reported with every score',
    },
  ],
  params: z.strictObject({
    ...graphParams,
    probability: z.number().gt(0).max(1).default(0.01).describe('activation probability of every edge'),
    edge_probability: z
      .enum(['constant', 'weight'])
      .default('constant')
      .describe('"constant": the probability above; "weight": min(1, edge weight)'),
    runs: z.number().int().min(1).max(100_000).default(100).describe('cascades simulated per account'),
  }),
  outputs: [
    { name: 'score', description: 'mean cascade size, the account included' },
    { name: 'stderr', description: 'standard error of the mean' },
  ],
  stochastic: true,
});
