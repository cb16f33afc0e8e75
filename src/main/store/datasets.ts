import { createHash } from 'node:crypto';
import type { DatasetDetail, DatasetSummary, DatasetTotals, EdgeDeclaration, SourceFile } from '../../shared/api';
import { INTERACTION_KINDS, type ImportFormat } from '../../shared/domain';
import { derivedRowsDigest } from './dataset-digest';
import { derivationOf } from './derivation';
import type { Db } from './db';

export interface DatasetRow {
  id: number;
  name: string;
  created_at: string;
  updated_at: string;
  pseudonymized: number;
  /** The derivation rules the rows were made under (store/derivation.ts); 1 for datasets from before migration 5. */
  derivation_version: number;
  /** What its plain `edge` rows mean, as declared at import (`--edges`); null when undeclared. */
  edge_direction: EdgeDeclaration | null;
  rows_sha256: string | null;
  /** The process whose import is still writing it; null once published (migration 006). */
  staged_by: number | null;
}

const count = (db: Db, sql: string, id: number) => (db.prepare(sql).get(id) as { n: number | null }).n ?? 0;

export function datasetTotals(db: Db, datasetId: number): DatasetTotals {
  const row = db.prepare('SELECT id, name FROM datasets WHERE id = ?').get(datasetId) as { id: number; name: string };
  const interactions = Object.fromEntries(INTERACTION_KINDS.map((kind) => [kind, 0])) as DatasetTotals['interactions'];
  const byKind = db
    .prepare('SELECT kind, count(*) AS n FROM interactions WHERE dataset_id = ? GROUP BY kind')
    .all(datasetId) as { kind: keyof DatasetTotals['interactions']; n: number }[];
  for (const { kind, n } of byKind) interactions[kind] = n;
  return {
    dataset: { id: row.id, name: row.name },
    accounts: count(db, 'SELECT count(*) AS n FROM accounts WHERE dataset_id = ?', datasetId),
    posts: count(db, 'SELECT count(*) AS n FROM posts WHERE dataset_id = ?', datasetId),
    interactions,
    cascades: count(db, 'SELECT count(*) AS n FROM cascades WHERE dataset_id = ?', datasetId),
    unresolved: count(db, 'SELECT sum(unresolved) AS n FROM source_files WHERE dataset_id = ?', datasetId),
    skipped: count(db, 'SELECT sum(skipped) AS n FROM source_files WHERE dataset_id = ?', datasetId),
  };
}

// Reads see published datasets only: a staging dataset (staged_by set) is an import still writing, or the remains
// of one that crashed (migration 006).
export function findDataset(db: Db, name: string): DatasetRow | undefined {
  return db.prepare('SELECT * FROM datasets WHERE name = ? AND staged_by IS NULL').get(name) as DatasetRow | undefined;
}

export function findDatasetById(db: Db, id: number): DatasetRow | undefined {
  return db.prepare('SELECT * FROM datasets WHERE id = ? AND staged_by IS NULL').get(id) as DatasetRow | undefined;
}

export function listDatasets(db: Db): DatasetSummary[] {
  const rows = db.prepare('SELECT * FROM datasets WHERE staged_by IS NULL ORDER BY name').all() as DatasetRow[];
  return rows.map((row) => summarize(db, row));
}

function summarize(db: Db, row: DatasetRow): DatasetSummary {
  const span = db
    .prepare('SELECT min(created_at) AS first, max(created_at) AS last FROM posts WHERE dataset_id = ?')
    .get(row.id) as { first: number | null; last: number | null };
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    ...datasetTotals(db, row.id),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    pseudonymized: row.pseudonymized !== 0,
    edgeDirection: row.edge_direction,
    derivation: derivationOf(db, row),
    placeholders: count(db, 'SELECT count(*) AS n FROM accounts WHERE dataset_id = ? AND placeholder = 1', row.id),
    timeSpan: { first: iso(span.first), last: iso(span.last) },
  };
}

export function datasetDetail(db: Db, row: DatasetRow): DatasetDetail {
  const sources = db
    .prepare('SELECT * FROM source_files WHERE dataset_id = ? ORDER BY id')
    .all(row.id) as Record<string, string | number>[];
  const topHashtags = db
    .prepare(`SELECT tag, count(*) AS posts FROM post_hashtags JOIN posts ON posts.id = post_hashtags.post_id
      WHERE posts.dataset_id = ? GROUP BY lower(tag) ORDER BY posts DESC, tag LIMIT 20`)
    .all(row.id) as { tag: string; posts: number }[];
  return {
    ...summarize(db, row),
    contentHash: datasetContentHash(db, row.id),
    sources: sources.map(
      (s): SourceFile => ({
        path: s.path as string,
        size: s.size as number,
        sha256: s.sha256 as string,
        format: s.format as ImportFormat,
        importedAt: s.imported_at as string,
        records: s.records as number,
        skipped: s.skipped as number,
        unresolved: s.unresolved as number,
        skipReasons: JSON.parse(s.skip_reasons as string) as string[],
      }),
    ),
    topHashtags,
  };
}

/**
 * Deletes a dataset child tables first, by dataset id. Foreign-key enforcement is paused for it: the cascade from
 * each account row would otherwise search the interactions of every dataset, once per account.
 */
export function deleteDataset(db: Db, row: DatasetRow): void {
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      const posts = 'SELECT id FROM posts WHERE dataset_id = ?';
      db.prepare('DELETE FROM run_outputs WHERE run_id IN (SELECT id FROM runs WHERE dataset_id = ?)').run(row.id);
      db.prepare('DELETE FROM runs WHERE dataset_id = ?').run(row.id);
      db.prepare('DELETE FROM audit_runs WHERE dataset_id = ?').run(row.id);
      db.prepare('DELETE FROM graph_cache_chunks WHERE graph_id IN (SELECT id FROM graph_cache WHERE dataset_id = ?)').run(row.id);
      db.prepare('DELETE FROM graph_cache WHERE dataset_id = ?').run(row.id);
      db.prepare('DELETE FROM interactions WHERE dataset_id = ?').run(row.id);
      db.prepare('DELETE FROM cascade_nodes WHERE cascade_id IN (SELECT id FROM cascades WHERE dataset_id = ?)').run(row.id);
      db.prepare('DELETE FROM cascades WHERE dataset_id = ?').run(row.id);
      db.prepare(`DELETE FROM post_hashtags WHERE post_id IN (${posts})`).run(row.id);
      db.prepare('DELETE FROM posts WHERE dataset_id = ?').run(row.id);
      db.prepare('DELETE FROM accounts WHERE dataset_id = ?').run(row.id);
      db.prepare('DELETE FROM source_files WHERE dataset_id = ?').run(row.id);
      db.prepare('DELETE FROM datasets WHERE id = ?').run(row.id);
    })();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

/**
 * What a dataset's content is, as one hash: its source files' hashes in a fixed order, whether ids were
 * pseudonymised, the derivation version and declared edge direction, and the digest of the rows the importer
 * derived (store/dataset-digest.ts). So two importers that derive different rows from the same files give two
 * hashes, and a manifest's hash proves the rows as well as the files.
 */
export function datasetContentHash(db: Db, datasetId: number): string {
  const files = db
    .prepare('SELECT sha256, format FROM source_files WHERE dataset_id = ? ORDER BY sha256, format')
    .all(datasetId) as { sha256: string; format: string }[];
  const row = db.prepare('SELECT * FROM datasets WHERE id = ?').get(datasetId) as DatasetRow;
  const hash = createHash('sha256');
  hash.update(`pseudonymized=${row.pseudonymized}\n`);
  hash.update(`derivation=${row.derivation_version}\nedges=${row.edge_direction ?? 'undeclared'}\n`);
  for (const file of files) hash.update(`${file.sha256} ${file.format}\n`);
  hash.update(`rows=${row.rows_sha256 ?? derivedRowsDigest(db, datasetId)}\n`);
  return hash.digest('hex');
}
