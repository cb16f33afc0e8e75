import type { ModelImplementation } from '../model';
import { followersImplementation } from './followers';
import { hitsImplementation } from './hits';
import { indegreeImplementation } from './indegree';
import { kcoreImplementation } from './kcore';
import { kloutImplementation } from './klout';
import { kredImplementation } from './kred';
import { pagerankImplementation } from './pagerank';
import { peerindexImplementation } from './peerindex';
import { spreadImplementation } from './spread';
import { tunkrankImplementation } from './tunkrank';
import { tweetlevelImplementation } from './tweetlevel';
import { twitterrankImplementation } from './twitterrank';

/** Every model implementation the scoring worker can run; a test checks it matches the descriptor list. */
export const modelImplementations: readonly ModelImplementation<never>[] = [
  followersImplementation,
  indegreeImplementation,
  pagerankImplementation,
  hitsImplementation,
  kcoreImplementation,
  tunkrankImplementation,
  kredImplementation,
  kloutImplementation,
  spreadImplementation,
  twitterrankImplementation,
  peerindexImplementation,
  tweetlevelImplementation,
];

export function findImplementation(id: string): ModelImplementation {
  const implementation = modelImplementations.find((model) => model.id === id);
  if (!implementation) throw new Error(`the scoring worker has no model "${id}"`);
  return implementation as unknown as ModelImplementation;
}
