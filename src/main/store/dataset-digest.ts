import { createHash } from 'node:crypto';
import type { Db } from './db';

/** 2^256: per-row digests are added modulo this, so the sum is the same in any row order. */
const MODULUS = 1n << 256n;

/**
 * One query per table of derived rows, each row written with platform ids instead of row ids, so that the same
 * content imported in another order (or into another database) gives the same rows.
 */
const ROW_QUERIES: Record<string, string> = {
  accounts: `SELECT platform_id, handle, display_name, bio, location, followers, following, post_count, created_at,
    placeholder, attributes FROM accounts WHERE dataset_id = ?`,
  posts: `SELECT p.platform_id, a.platform_id, p.created_at, p.text, p.lang, p.kind, p.ref_platform_id,
    (SELECT group_concat(tag, ' ') FROM (SELECT tag FROM post_hashtags h WHERE h.post_id = p.id ORDER BY tag))
    FROM posts p JOIN accounts a ON a.id = p.author_id WHERE p.dataset_id = ?`,
  interactions: `SELECT actor.platform_id, target.platform_id, i.kind, p.platform_id, i.time, i.weight, i.topic, i.directed
    FROM interactions i JOIN accounts actor ON actor.id = i.actor_id JOIN accounts target ON target.id = i.target_id
    LEFT JOIN posts p ON p.id = i.post_id WHERE i.dataset_id = ?`,
  cascades: `SELECT c.root_post_platform_id, a.platform_id, c.label FROM cascades c JOIN accounts a ON a.id = c.root_account_id
    WHERE c.dataset_id = ?`,
  cascade_nodes: `SELECT c.root_post_platform_id, n.node_index, a.platform_id, n.post_platform_id, n.parent_index, n.delay_minutes
    FROM cascade_nodes n JOIN cascades c ON c.id = n.cascade_id JOIN accounts a ON a.id = n.account_id WHERE c.dataset_id = ?`,
};

/**
 * A digest of everything an import derived for a dataset: accounts, posts with their hashtags, interactions and
 * cascades. Independent of storage order (each row's sha256 is summed modulo 2^256, a multiset hash, so no sort of
 * millions of rows is needed: about 2 us per row), and different whenever two importers derive different rows from
 * the same files.
 */
export function derivedRowsDigest(db: Db, datasetId: number): string {
  const total = createHash('sha256');
  for (const [table, sql] of Object.entries(ROW_QUERIES)) {
    let sum = 0n;
    let rows = 0;
    for (const row of db.prepare(sql).raw().iterate(datasetId) as Iterable<unknown[]>) {
      sum = (sum + BigInt(`0x${createHash('sha256').update(JSON.stringify(row)).digest('hex')}`)) % MODULUS;
      rows++;
    }
    total.update(`${table} ${rows} ${sum.toString(16)}\n`);
  }
  return total.digest('hex');
}
