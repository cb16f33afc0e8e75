import { z } from 'zod';
import { INTERACTION_KINDS } from '../domain';
import { commonParams, defineModel, kindList } from './descriptor';

export const indegreeModel = defineModel({
  id: 'indegree',
  version: '1',
  label: 'Interactions received',
  description:
    'The number of interactions of the chosen kinds an account receives from other accounts, the measures Cha ' +
    'et al. compare: with kinds [follow] it is their indegree, with [retweet] their retweet influence, with ' +
    '[mention] their mention influence. Every stored interaction counts once (or, when weighted, by its stored ' +
    'weight, so an interaction of weight 2 counts 2); interactions an account gives itself are not counted. ' +
    'Every kind counts by default.',
  citation:
    'Cha, M., Haddadi, H., Benevenuto, F., Gummadi, K. P. (2010). Measuring user influence in Twitter: the ' +
    'million follower fallacy. Proceedings of ICWSM 2010.',
  fidelity: 'published',
  constants: [],
  params: z.strictObject({
    ...commonParams,
    kinds: kindList(INTERACTION_KINDS, 'interaction kinds that count'),
    weighted: z
      .boolean()
      .default(false)
      .describe('sum the stored weight of each interaction instead of counting interactions'),
  }),
  outputs: [{ name: 'score', description: 'interactions of the chosen kinds received' }],
  stochastic: false,
});
