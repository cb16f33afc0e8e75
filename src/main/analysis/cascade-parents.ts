import type { Db } from '../store/db';

/**
 * Where a cascade's parent links come from. `given`: the data names each node's parent (a Twitter15/16 tree file, a
 * reply's replied-to post). `star (parents unknown)`: retweet metadata names only the original post, so every
 * retweet hangs from the root and the tree is a star whatever really happened. `inferred`: retweets' parents chosen
 * as Goel et al. 2016 do, from the follow interactions of the dataset.
 */
export type CascadeParents = 'given' | 'inferred' | 'star (parents unknown)';

export const STAR_VIRALITY_NOTE =
  'not reported: retweet metadata names only the original post, so every retweet hangs from the root and the tree ' +
  'is a star (structural virality below 2 by construction); import follow interactions to infer parents as Goel et al. 2016 do';

/** Who each account follows, by account row id (follow interactions run follower -> followed). */
export type FollowLookup = (follower: number, followed: number) => boolean;

/** The dataset's follows, or null when it has none (then retweet trees stay stars). */
export function readFollows(db: Db, datasetId: number): FollowLookup | null {
  const follows = new Map<number, Set<number>>();
  const rows = db
    .prepare("SELECT actor_id, target_id FROM interactions WHERE dataset_id = ? AND kind = 'follow' AND actor_id <> target_id")
    .raw()
    .iterate(datasetId) as Iterable<[number, number]>;
  for (const [actor, target] of rows) {
    let followed = follows.get(actor);
    if (!followed) follows.set(actor, (followed = new Set()));
    followed.add(target);
  }
  if (follows.size === 0) return null;
  return (follower, followed) => follows.get(follower)?.has(followed) === true;
}

export interface AdoptionNode {
  /** Index of the node in its tree; 0 is the root. */
  node: number;
  account: number;
  /** Milliseconds since the epoch, NaN when unknown. */
  time: number;
  /** The post's platform id: orders adoptions at the same millisecond, whatever order the rows are stored in. */
  postId: string;
}

/**
 * Goel et al. 2016 (section 3, "inferring diffusion trees"): a retweet's parent is the most recent earlier adopter
 * the retweeter follows, the root's author included; with none, the root. `adopters` are the root and the retweets
 * of the tree; returns each retweet's parent node. A retweet of unknown time cannot be placed and stays on the root.
 */
export function inferParents(adopters: readonly AdoptionNode[], follows: FollowLookup): Map<number, number> {
  const ordered = adopters.filter((a) => !Number.isNaN(a.time) || a.node === 0).sort(adoptionOrder);
  const parents = new Map<number, number>();
  for (const adopter of adopters) if (adopter.node !== 0) parents.set(adopter.node, 0);
  ordered.forEach((adopter, at) => {
    if (adopter.node === 0) return;
    for (let earlier = at - 1; earlier >= 0; earlier--) {
      const candidate = ordered[earlier]!;
      if (follows(adopter.account, candidate.account)) {
        parents.set(adopter.node, candidate.node);
        return;
      }
    }
  });
  return parents;
}

/** The root first, then by time, then by post id as a number (tweet ids grow with time). */
function adoptionOrder(a: AdoptionNode, b: AdoptionNode): number {
  if (a.node === 0 || b.node === 0) return a.node === 0 ? (b.node === 0 ? 0 : -1) : 1;
  return a.time - b.time || a.postId.length - b.postId.length || (a.postId < b.postId ? -1 : a.postId > b.postId ? 1 : 0);
}
