import { z } from 'zod';
import { GRAPH_CONSTANTS } from './fidelity';
import { defineModel, graphParams } from './descriptor';

const AccountReference = z.string().min(1).max(200);

export const pagerankModel = defineModel({
  id: 'pagerank',
  version: '1',
  label: 'PageRank',
  description:
    'The share of time a random reader spends on each account when, with probability alpha, they follow the ' +
    'attention one account gives another (in proportion to its weight) and otherwise jump to a random account, or ' +
    'to one drawn from the personalization. Accounts that give no attention pass their mass on along the dangling ' +
    'weights when given, else along the personalization, else uniformly. Computed by power iteration from the ' +
    'uniform vector with the semantics of networkx `pagerank`; iteration stops once the L1 change between two ' +
    'iterations is below the tolerance (networkx scales its tolerance by the number of nodes; this does not). ' +
    'Scores sum to 1.',
  citation:
    'Page, L., Brin, S., Motwani, R., Winograd, T. (1999). The PageRank citation ranking: bringing order to the ' +
    'web. Stanford InfoLab technical report 1999-66. Semantics as networkx.pagerank (NetworkX 3).',
  fidelity: 'published',
  constants: [
    ...GRAPH_CONSTANTS,
    { name: 'alpha', value: 0.85, source: 'Page et al. 1999 (damping factor d = 0.85); networkx default' },
    {
      name: 'tolerance',
      value: 1e-10,
      source:
        "ours: L1 change, not scaled by N as networkx's 1e-6 x N is, so large graphs converge as tightly as small ones",
    },
    { name: 'max_iterations', value: 100, source: 'networkx default' },
  ],
  params: z.strictObject({
    ...graphParams,
    alpha: z.number().gt(0).lt(1).default(0.85).describe('probability of following an edge rather than teleporting'),
    weighted: z
      .boolean()
      .default(true)
      .describe('use edge weights; false counts every distinct edge once (networkx weight=None)'),
    personalization: z
      .union([
        z.strictObject({ accounts: z.array(AccountReference).min(1).max(1_000_000) }),
        z.strictObject({ topic: z.string().min(1).max(200) }),
      ])
      .optional()
      .describe('teleport to these accounts (platform ids or handles, weight 1 each) or by strength in a topic'),
    dangling_weights: z
      .record(AccountReference, z.number().min(0).max(1e12))
      .optional()
      .describe('where mass of accounts without out-edges goes (account -> weight); default: as teleporting'),
    tolerance: z
      .number()
      .min(1e-15)
      .max(1)
      .default(1e-10)
      .describe('stop when the L1 change between iterations is below this'),
    max_iterations: z.number().int().min(1).max(10_000).default(100),
  }),
  outputs: [{ name: 'score', description: 'PageRank; sums to 1 over the scored accounts' }],
  stochastic: false,
});
