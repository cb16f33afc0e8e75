import { INTERACTION_KINDS, POST_KINDS } from '../../shared/domain';
import { indexAccounts } from '../scoring/input/accounts';
import { rowIdRange, scanRows } from '../store/scan';
import type { Db } from '../store/db';

/**
 * A dataset as the audit reads it, in memory: accounts are nodes 0..n-1 in row-id order, posts and interactions
 * refer to them by node. Kinds index INTERACTION_KINDS and POST_KINDS; times are ms since the epoch, NaN unknown.
 */
export interface AuditData {
  accounts: {
    count: number;
    rowIds: Int32Array;
    platformIds: string[];
    handles: (string | null)[];
    bios: (string | null)[];
    locations: (string | null)[];
    /** NaN when unknown. */
    followers: Float64Array;
    following: Float64Array;
  };
  posts: {
    count: number;
    rowIds: Int32Array;
    platformIds: string[];
    author: Int32Array;
    createdAt: Float64Array;
    kind: Uint8Array;
    text: (string | null)[];
    /** Lower-cased, without '#'. */
    hashtags: string[][];
    /** Index of the post this one retweets, quotes or replies to, when the dataset holds it; else -1. */
    parent: Int32Array;
  };
  interactions: {
    count: number;
    rowIds: Int32Array;
    actor: Int32Array;
    target: Int32Array;
    kind: Uint8Array;
    time: Float64Array;
    weight: Float64Array;
    /** Lower-cased topic of an endorsement, else null. */
    topic: (string | null)[];
    /** Index of the post the interaction came with, or -1. */
    post: Int32Array;
  };
}

export const kindIndex = (kind: (typeof INTERACTION_KINDS)[number]) => INTERACTION_KINDS.indexOf(kind);
export const postKindIndex = (kind: (typeof POST_KINDS)[number]) => POST_KINDS.indexOf(kind);

const kindCase = (kinds: readonly string[]) => `CASE kind ${kinds.map((_, i) => `WHEN ? THEN ${i}`).join(' ')} END`;

export function loadAuditData(db: Db, datasetId: number): AuditData {
  const accountCount = db.prepare('SELECT count(*) FROM accounts WHERE dataset_id = ?').pluck().get(datasetId) as number;
  const accounts: AuditData['accounts'] = {
    count: 0,
    rowIds: new Int32Array(accountCount),
    platformIds: [],
    handles: [],
    bios: [],
    locations: [],
    followers: new Float64Array(accountCount),
    following: new Float64Array(accountCount),
  };
  const [accountLow, accountHigh] = rowIdRange(db, 'accounts', datasetId);
  scanRows(
    db,
    'id, platform_id, handle, bio, location, followers, following',
    'accounts NOT INDEXED WHERE id BETWEEN ? AND ? AND dataset_id = ?',
    [accountLow, accountHigh, datasetId],
    (id: number, platformId: string, handle: string | null, bio: string | null, location: string | null, followers: number | null, following: number | null) => {
      const at = accounts.count++;
      accounts.rowIds[at] = id;
      accounts.platformIds.push(platformId);
      accounts.handles.push(handle);
      accounts.bios.push(bio);
      accounts.locations.push(location);
      accounts.followers[at] = followers ?? Number.NaN;
      accounts.following[at] = following ?? Number.NaN;
    },
  );
  const nodeOf = indexAccounts(accounts.rowIds).nodeOf;
  const posts = readPosts(db, datasetId, nodeOf);
  const postOf = indexAccounts(posts.rowIds).nodeOf;
  return { accounts, posts, interactions: readInteractions(db, datasetId, nodeOf, postOf) };
}

function readPosts(db: Db, datasetId: number, nodeOf: (accountId: number) => number): AuditData['posts'] {
  const count = db.prepare('SELECT count(*) FROM posts WHERE dataset_id = ?').pluck().get(datasetId) as number;
  const posts: AuditData['posts'] = {
    count: 0,
    rowIds: new Int32Array(count),
    platformIds: [],
    author: new Int32Array(count),
    createdAt: new Float64Array(count),
    kind: new Uint8Array(count),
    text: [],
    hashtags: [],
    parent: new Int32Array(count).fill(-1),
  };
  const parentRowIds = new Int32Array(count).fill(-1);
  const [low, high] = rowIdRange(db, 'posts', datasetId);
  scanRows(
    db,
    `posts.id, posts.platform_id, author_id, created_at, ${kindCase(POST_KINDS)}, text,
     (SELECT group_concat(lower(tag), ' ') FROM post_hashtags WHERE post_id = posts.id),
     (SELECT parent.id FROM posts AS parent WHERE parent.dataset_id = posts.dataset_id AND parent.platform_id = posts.ref_platform_id)`,
    'posts NOT INDEXED WHERE posts.id BETWEEN ? AND ? AND posts.dataset_id = ?',
    [...POST_KINDS, low, high, datasetId],
    (id: number, platformId: string, authorId: number, createdAt: number | null, kind: number, text: string | null, tags: string | null, parentId: number | null) => {
      const at = posts.count++;
      posts.rowIds[at] = id;
      posts.platformIds.push(platformId);
      posts.author[at] = nodeOf(authorId);
      posts.createdAt[at] = createdAt ?? Number.NaN;
      posts.kind[at] = kind;
      posts.text.push(text);
      posts.hashtags.push(tags ? tags.split(' ') : []);
      parentRowIds[at] = parentId ?? -1;
    },
  );
  const postOf = indexAccounts(posts.rowIds).nodeOf;
  for (let at = 0; at < posts.count; at++) if (parentRowIds[at]! >= 0) posts.parent[at] = postOf(parentRowIds[at]!);
  return posts;
}

function readInteractions(
  db: Db,
  datasetId: number,
  nodeOf: (accountId: number) => number,
  postOf: (postId: number) => number,
): AuditData['interactions'] {
  const count = db.prepare('SELECT count(*) FROM interactions WHERE dataset_id = ?').pluck().get(datasetId) as number;
  const interactions: AuditData['interactions'] = {
    count: 0,
    rowIds: new Int32Array(count),
    actor: new Int32Array(count),
    target: new Int32Array(count),
    kind: new Uint8Array(count),
    time: new Float64Array(count),
    weight: new Float64Array(count),
    topic: [],
    post: new Int32Array(count),
  };
  const [low, high] = rowIdRange(db, 'interactions', datasetId);
  scanRows(
    db,
    `id, actor_id, target_id, ${kindCase(INTERACTION_KINDS)}, time, weight, lower(topic), post_id`,
    'interactions NOT INDEXED WHERE id BETWEEN ? AND ? AND dataset_id = ?',
    [...INTERACTION_KINDS, low, high, datasetId],
    (id: number, actorId: number, targetId: number, kind: number, time: number | null, weight: number, topic: string | null, postId: number | null) => {
      const at = interactions.count++;
      interactions.rowIds[at] = id;
      interactions.actor[at] = nodeOf(actorId);
      interactions.target[at] = nodeOf(targetId);
      interactions.kind[at] = kind;
      interactions.time[at] = time ?? Number.NaN;
      interactions.weight[at] = weight;
      interactions.topic.push(topic);
      interactions.post[at] = postId === null ? -1 : postOf(postId);
    },
  );
  return interactions;
}
