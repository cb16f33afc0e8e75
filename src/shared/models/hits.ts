import { z } from 'zod';
import { GRAPH_CONSTANTS } from './fidelity';
import { defineModel, graphParams } from './descriptor';

export const hitsModel = defineModel({
  id: 'hits',
  version: '1',
  label: 'HITS authority and hub',
  description:
    'Hubs and authorities: an account is a good authority when good hubs give it attention, and a good hub when ' +
    'it gives attention to good authorities (each in proportion to the edge weight). Computed by power iteration ' +
    'from uniform hubs as networkx `hits` (pure-Python variant): authorities = A^T hubs, hubs = A authorities, ' +
    'both scaled to a maximum of 1 every iteration, stopping once the L1 change of the hubs is below the ' +
    'tolerance; finally both are scaled to sum 1 (or left with maximum 1). The score is the authority.',
  citation:
    'Kleinberg, J. M. (1999). Authoritative sources in a hyperlinked environment. Journal of the ACM 46(5), ' +
    '604-632. Semantics as networkx.hits (NetworkX 3).',
  fidelity: 'published',
  constants: [
    ...GRAPH_CONSTANTS,
    { name: 'max_iterations', value: 100, source: 'networkx default' },
    {
      name: 'tolerance',
      value: 1e-10,
      source:
        "ours: tighter than networkx's 1e-8, agreeing with networkx to about 1e-15 in the reference tests",
    },
  ],
  params: z.strictObject({
    ...graphParams,
    weighted: z
      .boolean()
      .default(true)
      .describe('use edge weights; false counts every distinct edge once'),
    max_iterations: z.number().int().min(1).max(10_000).default(100),
    tolerance: z
      .number()
      .min(1e-15)
      .max(1)
      .default(1e-10)
      .describe('stop when the L1 change of the hub vector between iterations is below this'),
    normalization: z
      .enum(['sum', 'max'])
      .default('sum')
      .describe('scale the final vectors to sum 1, or leave them with maximum 1'),
  }),
  outputs: [
    { name: 'score', description: 'authority: attention received from good hubs' },
    { name: 'hub', description: 'hub: attention given to good authorities' },
  ],
  stochastic: false,
});
