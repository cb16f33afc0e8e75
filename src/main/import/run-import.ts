import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { EdgeDeclaration, ImportOutput, ImportProgress, ScoreWarning } from '../../shared/api';
import type { ImportFormat } from '../../shared/domain';
import type { Db } from '../store/db';
import { derivedRowsDigest } from '../store/dataset-digest';
import { datasetTotals, findDatasetById } from '../store/datasets';
import { DERIVATION_VERSION } from '../store/derivation';
import { ImportContext, type ImportOptions } from './context';
import { ImportError } from './errors';
import { planImport } from './expand';
import { formatImporters } from './formats';
import { Pseudonymizer } from './pseudonymizer';
import { FileSource } from './source';
import { SqliteSink } from './sqlite-sink';

export interface ImportRequest {
  paths: readonly string[];
  dataset?: string;
  format?: ImportFormat;
  /** What the plain edges of graph files mean; stored on the dataset (undeclared: scoring warns). */
  edges?: EdgeDeclaration;
  map?: ImportOptions['map'];
  skipInvalid?: boolean;
  pseudonymize?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
}

type FileOutcome = ImportOutput['files'][number];

/**
 * Imports files into a dataset in one transaction: on any error (a bad record, a cancel, a crash of the parser)
 * the database is rolled back to exactly what it was before.
 */
export async function runImport(db: Db, request: ImportRequest): Promise<ImportOutput> {
  const plan = planImport(request.paths, request.format);
  const name = request.dataset ?? defaultDatasetName(request.paths[0]!);
  const now = new Date().toISOString();
  // The sink assigns every id it writes from rows it wrote or found, so references hold by construction;
  // enforcing them row by row would cost two thirds of an interaction insert (tests check foreign_key_check).
  db.pragma('foreign_keys = OFF');
  db.exec('BEGIN IMMEDIATE');
  try {
    const { id: datasetId, pseudonymized } = getOrCreateDataset(db, name, request, now);
    const sink = new SqliteSink(db, datasetId, pseudonymized ? Pseudonymizer.forDatabase(db) : null);
    const registerFile = db.prepare(`INSERT INTO source_files (dataset_id, path, size, sha256, format, imported_at,
      records, skipped, unresolved, skip_reasons) VALUES (?, ?, ?, ?, ?, ?, 0, 0, 0, '[]')`);
    const completeFile = db.prepare('UPDATE source_files SET sha256 = ?, records = ?, skipped = ?, skip_reasons = ? WHERE id = ?');
    const outcomes: FileOutcome[] = [];
    const importedFiles: { outcome: FileOutcome; fileId: number }[] = [];
    for (const [index, file] of plan.files.entries()) {
      const size = fs.statSync(file.path).size;
      if (alreadyImported(db, datasetId, file.path, size)) {
        outcomes.push({ path: file.path, format: file.format, status: 'unchanged', records: 0, skipped: 0, unresolved: 0, skipReasons: [] });
        continue;
      }
      const fileId = Number(registerFile.run(datasetId, file.path, size, `pending:${index}`, file.format, now).lastInsertRowid);
      sink.sourceFileId = fileId;
      sink.stored = 0;
      const source = new FileSource(file.path, ({ bytesRead }) => {
        request.onProgress?.({ file: file.path, fileIndex: index, fileCount: plan.files.length, bytesRead, bytesTotal: size, records: sink.stored });
      });
      const context = new ImportContext(source, sink, {
        skipInvalid: request.skipInvalid ?? false,
        map: request.map,
        cascadeLabels: plan.cascadeLabels,
        signal: request.signal,
      });
      await formatImporters[file.format](context);
      context.checkCancelled();
      sink.flush();
      completeFile.run(source.sha256(), sink.stored, context.skipped, JSON.stringify(context.skipReasons), fileId);
      const outcome: FileOutcome = { path: file.path, format: file.format, status: 'imported', records: sink.stored,
        skipped: context.skipped, unresolved: 0, skipReasons: context.skipReasons };
      outcomes.push(outcome);
      importedFiles.push({ outcome, fileId });
    }
    for (const labelFile of plan.labelFiles) {
      const size = fs.statSync(labelFile).size;
      if (alreadyImported(db, datasetId, labelFile, size)) continue;
      registerFile.run(datasetId, labelFile, size, sha256Of(labelFile), 'tree', now);
    }
    const unresolved = sink.finish();
    const setUnresolved = db.prepare('UPDATE source_files SET unresolved = ? WHERE id = ?');
    for (const { outcome, fileId } of importedFiles) {
      outcome.unresolved = unresolved.get(fileId) ?? 0;
      setUnresolved.run(outcome.unresolved, fileId);
    }
    if (importedFiles.length > 0) {
      db.prepare('UPDATE datasets SET updated_at = ?, rows_sha256 = ? WHERE id = ?').run(now, derivedRowsDigest(db, datasetId), datasetId);
    }
    db.exec('COMMIT');
    return { totals: datasetTotals(db, datasetId), files: outcomes, warnings: importWarnings(db, datasetId) };
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

export function defaultDatasetName(firstPath: string): string {
  const base = path.basename(path.resolve(firstPath));
  return base.replace(/\.(jsonl?|csv|tsv|txt|gexf|graphml|xml|edgelist|edges)$/i, '') || base;
}

/**
 * The dataset to import into. A new one records the current derivation version; an existing one keeps its own (its
 * older rows stay as they were derived). A declared edge direction is set once: a second import may repeat it or
 * declare it where it was undeclared, not contradict it.
 */
function getOrCreateDataset(db: Db, name: string, request: ImportRequest, now: string) {
  const pseudonymize = request.pseudonymize ?? false;
  const existing = db.prepare('SELECT id, pseudonymized, edge_direction FROM datasets WHERE name = ?').get(name) as
    | { id: number; pseudonymized: number; edge_direction: EdgeDeclaration | null }
    | undefined;
  if (existing) {
    if (pseudonymize && !existing.pseudonymized) {
      throw new ImportError(name, {}, 'this dataset holds real handles; --pseudonymize can only be used for a new dataset');
    }
    if (request.edges && existing.edge_direction && request.edges !== existing.edge_direction) {
      throw new ImportError(name, {}, `this dataset's edges were declared ${existing.edge_direction} at import; ` +
        `--edges ${request.edges} would change the meaning of the edges already stored: import into a new dataset`);
    }
    if (request.edges && !existing.edge_direction) {
      db.prepare('UPDATE datasets SET edge_direction = ? WHERE id = ?').run(request.edges, existing.id);
    }
    return { id: existing.id, pseudonymized: existing.pseudonymized === 1 };
  }
  const { lastInsertRowid } = db
    .prepare('INSERT INTO datasets (name, created_at, updated_at, pseudonymized, derivation_version, edge_direction) VALUES (?, ?, ?, ?, ?, ?)')
    .run(name, now, now, pseudonymize ? 1 : 0, DERIVATION_VERSION, request.edges ?? null);
  return { id: Number(lastInsertRowid), pseudonymized: pseudonymize };
}

/** A dataset with plain edges whose direction nobody declared: said at import, and again by every score run. */
function importWarnings(db: Db, datasetId: number): ScoreWarning[] {
  const row = findDatasetById(db, datasetId)!;
  if (row.edge_direction !== null) return [];
  const edges = db.prepare("SELECT count(*) FROM interactions WHERE dataset_id = ? AND kind = 'edge' AND directed = 1").pluck().get(datasetId) as number;
  if (edges === 0) return [];
  return [{
    code: 'direction_undeclared',
    message: `${edges} plain graph edges with no declared direction: they will be read as attention (the source gives ` +
      'attention to the target). Declare it with --edges attention|influence (influence: the source influences the ' +
      'target, as in the Congress edge list)',
  }];
}

/** Only a file with the size of one already imported can be a repeat, so only then is it hashed up front. */
function alreadyImported(db: Db, datasetId: number, file: string, size: number): boolean {
  const sameSize = db.prepare('SELECT sha256 FROM source_files WHERE dataset_id = ? AND size = ?').all(datasetId, size);
  if (sameSize.length === 0) return false;
  const sha = sha256Of(file);
  return sameSize.some((row) => (row as { sha256: string }).sha256 === sha);
}

function sha256Of(file: string): string {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(1 << 20);
    let read: number;
    while ((read = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0) hash.update(buffer.subarray(0, read));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}
