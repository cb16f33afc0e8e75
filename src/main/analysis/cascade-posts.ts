import { rowIdRange, scanRows } from '../store/scan';
import type { Db } from '../store/db';
import { TreeBuffer, type MeasuredTree } from './cascade-buffer';
import { inferParents, readFollows, type AdoptionNode, type CascadeParents, type FollowLookup } from './cascade-parents';

const MINUTE_MS = 60_000;

/**
 * Retweet, reply and quote trees rebuilt from a dataset's posts: a post's parent is the post it retweets, replies to
 * or quotes, when that post is in the dataset. A root is a post without a parent in the dataset; only roots with at
 * least one child make a tree. Delays are minutes since the root post (NaN where either time is unknown). Posts
 * whose references run in a cycle reach no root and belong to no tree. Trees come ordered by root post id.
 *
 * Retweet metadata names only the original post, so the retweets of a root all hang from it: the tree is a star,
 * labelled `star (parents unknown)`. Where the dataset has follow interactions, each retweet's parent is inferred
 * as Goel et al. 2016 do (cascade-parents.ts) and the tree is labelled `inferred`; a tree of replies and quotes
 * only has its parents `given`.
 */
export function reconstructedTrees(db: Db, datasetId: number): MeasuredTree[] {
  const posts = readPosts(db, datasetId);
  const { count, author, createdAt, parent, retweet } = posts;
  const follows = readFollows(db, datasetId);
  const offsets = new Int32Array(count + 1);
  for (let post = 0; post < count; post++) if (parent[post]! >= 0) offsets[parent[post]! + 1]!++;
  for (let post = 0; post < count; post++) offsets[post + 1]! += offsets[post]!;
  const children = new Int32Array(offsets[count]!);
  const fill = offsets.slice(0, count);
  for (let post = 0; post < count; post++) if (parent[post]! >= 0) children[fill[parent[post]!]!++] = post;

  const rootRows: number[] = [];
  for (let post = 0; post < count; post++) {
    if (parent[post] === -1 && offsets[post + 1]! > offsets[post]!) rootRows.push(post + posts.low);
  }
  const roots = [...readPlatformIds(db, rootRows)]
    .map(([row, postId]) => ({ root: row - posts.low, postId }))
    .sort((a, b) => byPostId(a.postId, b.postId));

  const trees: MeasuredTree[] = [];
  const tree = new TreeBuffer();
  // A post's index within the tree being built; every post belongs to at most one tree, so it is set once.
  const local = new Int32Array(count);
  const queue = new Int32Array(count);
  for (const { root, postId: rootPostId } of roots) {
    let size = 0;
    queue[size++] = root;
    for (let head = 0; head < size; head++) {
      const post = queue[head]!;
      local[post] = head;
      const delay = (createdAt[post]! - createdAt[root]!) / MINUTE_MS;
      tree.set(head, head === 0 ? -1 : local[parent[post]!]!, delay, author[post]!);
      for (let edge = offsets[post]!; edge < offsets[post + 1]!; edge++) queue[size++] = children[edge]!;
    }
    const retweets: number[] = [];
    for (let at = 1; at < size; at++) if (retweet[queue[at]!] === 1 && parent[queue[at]!] === root) retweets.push(at);
    const parents: CascadeParents = retweets.length === 0 ? 'given' : follows ? 'inferred' : 'star (parents unknown)';
    if (parents === 'inferred') {
      const adopters = [0, ...retweets].map((at) => queue[at]!);
      const postIds = readPlatformIds(db, adopters.map((post) => post + posts.low));
      const nodes = adopters.map((post, at): AdoptionNode => ({
        node: at === 0 ? 0 : retweets[at - 1]!, account: author[post]!, time: createdAt[post]!, postId: postIds.get(post + posts.low)!,
      }));
      reattach(tree, queue, nodes, follows!, createdAt, root);
    }
    const { metrics, spreaderAccounts } = tree.measure();
    const rootAccount = author[root]!;
    trees.push({ cascadeId: null, rootPostId, rootAccount, label: null, source: 'reconstructed', parents, metrics, spreaderAccounts });
    tree.clear();
  }
  return trees;
}

/** Moves each retweet node under its inferred parent; its delay stays minutes since the root post. */
function reattach(tree: TreeBuffer, queue: Int32Array, nodes: AdoptionNode[], follows: FollowLookup, createdAt: Float64Array, root: number) {
  for (const [node, parentNode] of inferParents(nodes, follows)) {
    const post = queue[node]!;
    tree.set(node, parentNode, (createdAt[post]! - createdAt[root]!) / MINUTE_MS, nodes.find((n) => n.node === node)!.account);
  }
}

/**
 * The dataset's posts by row id (index = row id - the dataset's lowest post id), each with the index of its parent
 * (-1 for none). SQLite finds the parents through the (dataset, platform id) index: twice the time of a plain scan,
 * where a JavaScript map from platform id to post took four times it. Rows of other datasets inside the id range
 * stay at -1 with no children, so they never form a tree.
 */
function readPosts(db: Db, datasetId: number) {
  const [low, high] = rowIdRange(db, 'posts', datasetId);
  const count = high - low + 1;
  const author = new Int32Array(count);
  const createdAt = new Float64Array(count);
  const parent = new Int32Array(count).fill(-1);
  const retweet = new Uint8Array(count);
  scanRows(
    db,
    "p.id - ?, p.author_id, p.created_at, q.id - ?, p.kind = 'retweet'",
    `posts p NOT INDEXED LEFT JOIN posts q ON q.dataset_id = p.dataset_id AND q.platform_id = p.ref_platform_id
      AND p.kind IN ('retweet', 'reply', 'quote') WHERE p.id BETWEEN ? AND ? AND p.dataset_id = ?`,
    [low, low, low, high, datasetId],
    (post: number, authorId: number, created: number | null, up: number | null, isRetweet: number) => {
      author[post] = authorId;
      retweet[post] = isRetweet;
      createdAt[post] = created ?? Number.NaN;
      // A post that names itself has no parent in any useful sense; it can still be a root.
      if (up !== null && up !== post) parent[post] = up;
    },
  );
  return { low, count, author, createdAt, parent, retweet };
}

function readPlatformIds(db: Db, postIds: number[]): Map<number, string> {
  const platformIds = new Map<number, string>();
  scanRows(
    db,
    'id, platform_id',
    'posts WHERE id IN (SELECT value FROM json_each(?))',
    [JSON.stringify(postIds)],
    (id: number, platformId: string) => {
      platformIds.set(id, platformId);
    },
  );
  return platformIds;
}

/** Tweet ids are decimal numbers too long for a double: a shorter id is a smaller number. */
function byPostId(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
