import { createHash } from 'node:crypto';
import type { Db } from './db';
import { RowsDigest } from './rows-digest';

/** Written first into the digest: v2 sums 64-bit row hashes (rows-digest.ts); v1 summed sha256s of JSON rows. */
const DIGEST_VERSION = 'rows-digest v2';

/**
 * One query per table of derived rows, each row written with platform ids instead of row ids, so that the same
 * content imported in another order (or into another database) gives the same rows.
 */
const ACCOUNT_ROW = `platform_id, handle, display_name, bio, location, followers, following, post_count, created_at,
  placeholder, attributes`;
const ROW_QUERIES = {
  accounts: `SELECT ${ACCOUNT_ROW} FROM accounts WHERE dataset_id = ?`,
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
} as const;

export type DerivedTable = keyof typeof ROW_QUERIES;
/** Tables already digested while they were written, given to derivedRowsDigest instead of read back. */
export type KnownDigests = Partial<Record<DerivedTable, RowsDigest>>;

/**
 * A digest of everything an import derived for a dataset: accounts, posts with their hashtags, interactions and
 * cascades, independent of storage order (rows-digest.ts), and different whenever two importers derive different
 * rows from the same files. `known` gives tables already digested while they were written (an importer digests its
 * interactions as it stores them, about 0.1 us per row, instead of reading millions of rows back through joins);
 * they must hold exactly the dataset's rows of that table.
 */
export function derivedRowsDigest(db: Db, datasetId: number, known: KnownDigests = {}): string {
  const total = createHash('sha256').update(`${DIGEST_VERSION}\n`);
  for (const table of Object.keys(ROW_QUERIES) as DerivedTable[]) {
    const digest = known[table] ?? tableDigest(db, table, datasetId);
    total.update(`${table} ${digest.toString()}\n`);
  }
  return total.digest('hex');
}

/** One table's rows of a dataset, read back and digested. */
export function tableDigest(db: Db, table: DerivedTable, datasetId: number): RowsDigest {
  const digest = new RowsDigest();
  for (const row of db.prepare(ROW_QUERIES[table]).raw().iterate(datasetId) as Iterable<unknown[]>) digest.add(row);
  return digest;
}

/** Account rows by row id, as the accounts query gives them: for a digest kept while an import updates accounts. */
export function accountRowsById(db: Db): (id: number) => unknown[] | undefined {
  const statement = db.prepare(`SELECT ${ACCOUNT_ROW} FROM accounts WHERE id = ?`).raw();
  return (id) => statement.get(id) as unknown[] | undefined;
}
