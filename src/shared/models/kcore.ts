import { z } from 'zod';
import { GRAPH_CONSTANTS } from './fidelity';
import { defineModel, graphParams } from './descriptor';

export const kcoreModel = defineModel({
  id: 'kcore',
  version: '1',
  label: 'k-core (coreness)',
  description:
    "An account's coreness: the largest k such that it belongs to the k-core, the largest group in which every " +
    'account has at least k links to other members. Kitsak et al. found the accounts of the innermost shells to ' +
    'spread best. A link is a distinct pair (actor gives attention to target) of the interaction graph, whatever its ' +
    "weight; an account's degree is its in-degree plus its out-degree, so a reciprocal pair counts twice, as in " +
    'networkx core_number on a directed graph. Attention an account gives itself is ignored. Computed with the ' +
    'O(m) peeling algorithm of Batagelj and Zaversnik.',
  citation:
    'Kitsak, M., Gallos, L. K., Havlin, S., Liljeros, F., Muchnik, L., Stanley, H. E., Makse, H. A. (2010). ' +
    'Identification of influential spreaders in complex networks. Nature Physics 6, 888-893. Batagelj, V., ' +
    'Zaversnik, M. (2003). An O(m) algorithm for cores decomposition of networks. arXiv:cs/0310049.',
  fidelity: 'published',
  constants: [...GRAPH_CONSTANTS],
  params: z.strictObject({ ...graphParams }),
  outputs: [{ name: 'score', description: 'core number' }],
  stochastic: false,
});
