import type { ModelDescriptor } from './descriptor';
import { followersModel } from './followers';
import { hitsModel } from './hits';
import { indegreeModel } from './indegree';
import { kcoreModel } from './kcore';
import { kloutModel } from './klout';
import { kredModel } from './kred';
import { pagerankModel } from './pagerank';
import { peerindexModel } from './peerindex';
import { spreadModel } from './spread';
import { tunkrankModel } from './tunkrank';
import { tweetlevelModel } from './tweetlevel';
import { twitterrankModel } from './twitterrank';

/** Every scoring model, in the order `lens models` lists them. The worker registers an implementation for each. */
export const modelDescriptors: readonly ModelDescriptor[] = [
  followersModel,
  indegreeModel,
  pagerankModel,
  hitsModel,
  kcoreModel,
  tunkrankModel,
  kredModel,
  kloutModel,
  spreadModel,
  twitterrankModel,
  peerindexModel,
  tweetlevelModel,
];

export function findModel(id: string): ModelDescriptor | undefined {
  return modelDescriptors.find((model) => model.id === id);
}
