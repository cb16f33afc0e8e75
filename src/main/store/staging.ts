import { randomUUID } from 'node:crypto';
import type { EdgeDeclaration } from '../../shared/api';
import { derivedRowsDigest, type KnownDigests } from './dataset-digest';
import { deleteDataset, type DatasetRow } from './datasets';
import type { Db } from './db';

/**
 * Staging datasets (migration 006): an import writes into a hidden dataset of its own, in committed batches, and
 * publishes it in one transaction at the end. A cancel, a failure or a crash leaves a staging dataset at worst,
 * which no read sees and which is removed (on failure at once, after a crash when the next engine starts).
 */

export interface StagingSettings {
  /** 0: real names; else the pseudonym level (import/pseudonymizer.ts PSEUDONYM_LEVEL). */
  pseudonymized: number;
  derivationVersion: number;
  edgeDirection: EdgeDeclaration | null;
  now: string;
}

const ACCOUNT_FIELDS = 'platform_id, handle, display_name, bio, location, followers, following, post_count, created_at, placeholder, attributes';

/** A new hidden dataset owned by this process; its name is unique and never shown. */
export function createStagingDataset(db: Db, settings: StagingSettings): number {
  const { lastInsertRowid } = db
    .prepare(`INSERT INTO datasets (name, created_at, updated_at, pseudonymized, derivation_version, edge_direction, staged_by)
      VALUES (?, ?, ?, ?, ?, ?, ?)`)
    .run(`staging:${randomUUID()}`, settings.now, settings.now, settings.pseudonymized, settings.derivationVersion,
      settings.edgeDirection, process.pid);
  return Number(lastInsertRowid);
}

/**
 * Copies the identity of an existing dataset's accounts (every column, so the sink's merge of a profile starts from
 * the stored one) and posts (id, author) into the staging dataset. The importer then dedupes against them exactly
 * as it would against the dataset itself: a post already stored yields nothing again, an account already stored is
 * updated, not duplicated, and a mention by handle resolves to it. mergeStaging drops the copies again.
 */
export function copyIdentities(db: Db, stagingId: number, targetId: number): void {
  db.transaction(() => {
    db.prepare(`INSERT INTO accounts (dataset_id, ${ACCOUNT_FIELDS}) SELECT ?, ${ACCOUNT_FIELDS} FROM accounts
      WHERE dataset_id = ? ORDER BY id`).run(stagingId, targetId);
    db.prepare(`INSERT INTO posts (dataset_id, platform_id, author_id, created_at, lang, kind, ref_platform_id)
      SELECT ?, p.platform_id, copy.id, p.created_at, p.lang, p.kind, p.ref_platform_id
      FROM posts p JOIN accounts author ON author.id = p.author_id
      JOIN accounts copy ON copy.dataset_id = ? AND copy.platform_id = author.platform_id
      WHERE p.dataset_id = ? ORDER BY p.id`).run(stagingId, stagingId, targetId);
  })();
}

/** Publishes a staging dataset that becomes a new one: a rename and a flag, however many rows it holds. */
export function publishNew(db: Db, stagingId: number, name: string, now: string, known: KnownDigests = {}): void {
  db.prepare('UPDATE datasets SET name = ?, staged_by = NULL, updated_at = ?, rows_sha256 = ? WHERE id = ?')
    .run(name, now, derivedRowsDigest(db, stagingId, known), stagingId);
}

/**
 * Moves a staging dataset's new rows into the existing dataset it was imported into. Accounts the staging dataset
 * holds as copies (same platform id) give the stored account their merged profile and their references move to
 * it; copied posts are dropped (the importer never derived anything from them); the rest changes dataset. Cost:
 * one pass over the staging rows, inside the caller's transaction.
 */
export function mergeStaging(db: Db, stagingId: number, target: DatasetRow, edges: EdgeDeclaration | null, now: string): void {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS staged_pairs (copy INTEGER PRIMARY KEY, stored INTEGER NOT NULL)');
  db.exec('CREATE TEMP TABLE IF NOT EXISTS staged_posts (copy INTEGER PRIMARY KEY, stored INTEGER NOT NULL)');
  db.exec('DELETE FROM staged_pairs; DELETE FROM staged_posts');
  db.prepare(`INSERT INTO staged_pairs SELECT copy.id, stored.id FROM accounts copy
    JOIN accounts stored ON stored.dataset_id = ? AND stored.platform_id = copy.platform_id WHERE copy.dataset_id = ?`).run(target.id, stagingId);
  db.prepare(`INSERT INTO staged_posts SELECT copy.id, stored.id FROM posts copy
    JOIN posts stored ON stored.dataset_id = ? AND stored.platform_id = copy.platform_id WHERE copy.dataset_id = ?`).run(target.id, stagingId);
  const fields = ACCOUNT_FIELDS.split(', ').filter((field) => field !== 'platform_id');
  db.prepare(`UPDATE accounts AS stored SET ${fields.map((f) => `${f} = copy.${f}`).join(', ')}
    FROM staged_pairs JOIN accounts copy ON copy.id = staged_pairs.copy WHERE stored.id = staged_pairs.stored`).run();
  const remap = (table: string, column: string, pairs: string, where: string) =>
    db.prepare(`UPDATE ${table} SET ${column} = ${pairs}.stored FROM ${pairs} WHERE ${where} AND ${table}.${column} = ${pairs}.copy`).run();
  remap('interactions', 'actor_id', 'staged_pairs', `interactions.dataset_id = ${stagingId}`);
  remap('interactions', 'target_id', 'staged_pairs', `interactions.dataset_id = ${stagingId}`);
  remap('interactions', 'post_id', 'staged_posts', `interactions.dataset_id = ${stagingId}`);
  remap('posts', 'author_id', 'staged_pairs', `posts.dataset_id = ${stagingId}`);
  remap('cascades', 'root_account_id', 'staged_pairs', `cascades.dataset_id = ${stagingId}`);
  remap('cascade_nodes', 'account_id', 'staged_pairs',
    `cascade_nodes.cascade_id IN (SELECT id FROM cascades WHERE dataset_id = ${stagingId})`);
  db.exec('DELETE FROM posts WHERE id IN (SELECT copy FROM staged_posts)');
  db.exec('DELETE FROM accounts WHERE id IN (SELECT copy FROM staged_pairs)');
  for (const table of ['accounts', 'posts', 'interactions', 'cascades', 'source_files']) {
    db.prepare(`UPDATE ${table} SET dataset_id = ? WHERE dataset_id = ?`).run(target.id, stagingId);
  }
  db.prepare('DELETE FROM datasets WHERE id = ?').run(stagingId);
  if (edges && !target.edge_direction) db.prepare('UPDATE datasets SET edge_direction = ? WHERE id = ?').run(edges, target.id);
  db.prepare('UPDATE datasets SET updated_at = ?, rows_sha256 = ? WHERE id = ?').run(now, derivedRowsDigest(db, target.id), target.id);
}

/** Removes a staging dataset and every row it holds. */
export function removeStaging(db: Db, stagingId: number): void {
  const row = db.prepare('SELECT * FROM datasets WHERE id = ? AND staged_by IS NOT NULL').get(stagingId) as DatasetRow | undefined;
  if (row) deleteDataset(db, row);
}

/**
 * Removes the staging datasets whose importing process is gone (a crash or kill -9 during an import). A staging
 * dataset of a live process (another `lens` on the same file, still importing) is left alone.
 */
export function removeAbandonedStaging(db: Db): number {
  const rows = db.prepare('SELECT id, staged_by FROM datasets WHERE staged_by IS NOT NULL').all() as { id: number; staged_by: number }[];
  const abandoned = rows.filter((row) => !processAlive(row.staged_by));
  for (const row of abandoned) removeStaging(db, row.id);
  return abandoned.length;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive but another user's; only ESRCH says it is gone.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
