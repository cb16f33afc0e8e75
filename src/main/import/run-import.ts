import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { EdgeDeclaration, ImportOutput, ImportProgress, ScoreWarning } from '../../shared/api';
import type { ImportFormat } from '../../shared/domain';
import { openDatabase, type Db } from '../store/db';
import { datasetTotals, findDataset, findDatasetById, type DatasetRow } from '../store/datasets';
import { DERIVATION_VERSION } from '../store/derivation';
import type { KnownDigests } from '../store/dataset-digest';
import { copyIdentities, createStagingDataset, mergeStaging, publishNew, removeStaging } from '../store/staging';
import { ImportContext, type ImportOptions } from './context';
import { ImportCancelledError, ImportError } from './errors';
import { planImport } from './expand';
import { formatImporters } from './formats';
import { collectDisplayNames } from './collect-names';
import { pseudonymKeyFor } from './pseudonym-key';
import { PSEUDONYM_LEVEL, Pseudonymizer } from './pseudonymizer';
import { FileSource } from './source';
import { SqliteSink } from './sqlite-sink';
import { ImportWriter } from './writer';

export interface ImportRequest {
  paths: readonly string[];
  dataset?: string;
  format?: ImportFormat;
  /** What the plain edges of graph files mean; stored on the dataset (undeclared: scoring warns). */
  edges?: EdgeDeclaration;
  map?: ImportOptions['map'];
  skipInvalid?: boolean;
  pseudonymize?: boolean;
  /** With pseudonymize: hash every account and post id, not only those of formats whose ids can be names. */
  hashAllIds?: boolean;
  /** With pseudonymize: what is kept instead of dropped (docs/PRIVACY.md). */
  keep?: readonly ('location' | 'attributes')[];
  /** With pseudonymize: derive the key from this passphrase instead of the user's key file. */
  passphrase?: string;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
}

/** WAL pages between checkpoints of the import's connections (see importStaged). */
const IMPORT_CHECKPOINT_PAGES = 4_096;
/** The writer thread's connection: as openDatabase sets it up (store/db.ts), without foreign keys, like importDb. */
const WRITER_PRAGMAS = ['journal_mode = WAL', 'synchronous = NORMAL', 'foreign_keys = OFF', 'cache_size = -65536',
  'temp_store = MEMORY', 'busy_timeout = 30000', `wal_autocheckpoint = ${IMPORT_CHECKPOINT_PAGES}`];

type FileOutcome = ImportOutput['files'][number];

/** Imports of this thread, one at a time: each assigns row ids from the largest stored (import/sqlite-sink.ts). */
let importQueue: Promise<unknown> = Promise.resolve();
let importing: string | null = null;

/**
 * Imports files into a dataset, staged: the rows go into a hidden staging dataset on a connection of the import's
 * own, written by the import's writer thread (writer.ts) in committed batches, and one transaction at the end makes them part of the
 * dataset. Until then every read sees the database as it was; a cancel, a bad record or a crash leaves nothing
 * visible, and the staging rows are removed (store/staging.ts). Imports queue: the second reports which import it
 * waits for.
 */
export async function runImport(db: Db, request: ImportRequest): Promise<ImportOutput> {
  const name = request.dataset ?? defaultDatasetName(request.paths[0]!);
  if (importing !== null) {
    request.onProgress?.({ file: request.paths[0]!, fileIndex: 0, fileCount: request.paths.length, bytesRead: 0,
      bytesTotal: 0, records: 0, waitingFor: importing });
  }
  const turn = importQueue.then(async () => {
    if (request.signal?.aborted) throw new ImportCancelledError();
    importing = name;
    try {
      return await importStaged(db, name, request);
    } finally {
      importing = null;
    }
  });
  importQueue = turn.catch(() => undefined);
  return turn;
}

async function importStaged(db: Db, name: string, request: ImportRequest): Promise<ImportOutput> {
  const plan = planImport(request.paths, request.format);
  const now = new Date().toISOString();
  const target = findDataset(db, name);
  if (target) checkCompatible(target, request);
  if (target && nothingNew(db, target.id, plan)) {
    return { totals: datasetTotals(db, target.id), files: plan.files.map(unchanged), warnings: importWarnings(db, target.id) };
  }
  const importDb = openDatabase(db.name);
  // The sink assigns every id it writes from rows it wrote or found, so references hold by construction;
  // enforcing them row by row would cost two thirds of an interaction insert (tests check foreign_key_check).
  importDb.pragma('foreign_keys = OFF');
  // The writer commits every 250 ms; with SQLite's default checkpoint every 1,000 WAL pages, many commits also
  // checkpointed (with fsyncs): 100 MB of tweet pages took 2.8 s, against 2.2-2.4 s with 16,384 pages (64 MiB at
  // 4 KiB) between checkpoints. What is left in the WAL at the end is checkpointed by the next write or the last
  // close, on the critical path (a CLI import waits for it): 4,096 pages leave at most 16 MiB there, and 512 MiB of
  // tweet pages took 0.16 s less than with 16,384 (6 paired runs; a 5M-row CSV the same, the writer's checkpoints
  // overlapping the import thread's parsing).
  importDb.pragma(`wal_autocheckpoint = ${IMPORT_CHECKPOINT_PAGES}`);
  let stagingId: number | null = null;
  let writer: ImportWriter | null = null;
  try {
    const pseudonymized = target ? target.pseudonymized : newDatasetLevel(request);
    // Before the batches start: moving an older database's key out of it checkpoints, which a transaction forbids.
    const pseudonyms = pseudonymized ? await pseudonymizerFor(importDb, plan, request, pseudonymized) : null;
    stagingId = createStagingDataset(importDb, { pseudonymized, now,
      derivationVersion: target?.derivation_version ?? DERIVATION_VERSION, edgeDirection: target?.edge_direction ?? request.edges ?? null });
    if (target) copyIdentities(importDb, stagingId, target.id);
    writer = new ImportWriter(importDb.name, WRITER_PRAGMAS);
    const { outcomes, digests, directedEdges, written } = await importFiles(importDb, writer, stagingId, target?.id ?? null, plan, request,
      pseudonyms, now);
    writer.close();
    const datasetId = publish(importDb, stagingId, target, name, request.edges ?? null, now, digests);
    stagingId = null;
    // A new dataset holds exactly the rows this import wrote (counting 5M interactions back took about 1 s); a
    // merged one also those stored before.
    if (target) return { totals: datasetTotals(importDb, datasetId), files: outcomes, warnings: importWarnings(importDb, datasetId) };
    const sum = (field: 'skipped' | 'unresolved') => outcomes.reduce((total, outcome) => total + outcome[field], 0);
    // Keys in the order `datasetTotals` gives them, so `import --json` prints the same object either way.
    const totals = { dataset: { id: datasetId, name }, accounts: written.accounts, posts: written.posts,
      interactions: written.interactions, cascades: written.cascades, unresolved: sum('unresolved'), skipped: sum('skipped') };
    return { totals, files: outcomes, warnings: importWarnings(importDb, datasetId, directedEdges) };
  } catch (error) {
    writer?.abort();
    if (stagingId !== null) removeStaging(importDb, stagingId);
    throw error;
  } finally {
    importDb.close();
  }
}

async function importFiles(db: Db, writer: ImportWriter, stagingId: number, targetId: number | null, plan: ReturnType<typeof planImport>,
  request: ImportRequest, pseudonyms: Pseudonymizer | null, now: string): Promise<{ outcomes: FileOutcome[]; digests: KnownDigests; directedEdges: number; written: SqliteSink['written'] }> {
  const sink = new SqliteSink(db, writer, stagingId, pseudonyms);
  const storedPath = (file: string) => (pseudonyms ? pseudonyms.sourcePath(file) : file);
  const registerFile = db.prepare(`INSERT INTO source_files (dataset_id, path, size, sha256, format, imported_at,
    records, skipped, unresolved, skip_reasons) VALUES (?, ?, ?, ?, ?, ?, 0, 0, 0, '[]')`);
  const completeFile = db.prepare('UPDATE source_files SET sha256 = ?, records = ?, skipped = ?, skip_reasons = ? WHERE id = ?');
  const seenBefore = (file: string, size: number) =>
    alreadyImported(db, stagingId, file, size) || (targetId !== null && alreadyImported(db, targetId, file, size));
  const outcomes: FileOutcome[] = [];
  const importedFiles: { outcome: FileOutcome; fileId: number }[] = [];
  for (const [index, file] of plan.files.entries()) {
    const size = fs.statSync(file.path).size;
    if (seenBefore(file.path, size)) {
      outcomes.push(unchanged(file));
      continue;
    }
    pseudonyms?.startFile(file.format);
    // This connection writes only when the writer holds no batch open.
    writer.commit();
    const fileId = Number(registerFile.run(stagingId, storedPath(file.path), size, `pending:${index}`, file.format, now).lastInsertRowid);
    sink.sourceFileId = fileId;
    sink.stored = 0;
    const source = new FileSource(file.path, ({ bytesRead }) => {
      // Between two chunks: every buffered row goes to the writer, accounts before what refers to them, and this is
      // a point it may commit at, so a kill -9 after any commit leaves a staging dataset whose rows all point at rows
      // on disk (foreign_key_check stays empty until it is removed). The next chunk is read once the writer has
      // caught up; the engine answers other calls meanwhile.
      sink.flush();
      writer.batchEnd();
      request.onProgress?.({ file: file.path, fileIndex: index, fileCount: plan.files.length, bytesRead, bytesTotal: size, records: sink.stored });
      return writer.drained();
    }, writer.fileSha256());
    const context = new ImportContext(source, sink, {
      skipInvalid: request.skipInvalid ?? false,
      map: request.map,
      cascadeLabels: plan.cascadeLabels,
      signal: request.signal,
    });
    await formatImporters[file.format](context);
    context.checkCancelled();
    sink.flush();
    writer.commit();
    const storedReasons = pseudonyms ? context.skipReasons.map((reason) => pseudonyms.skipReason(reason)) : context.skipReasons;
    completeFile.run(source.sha256(), sink.stored, context.skipped, JSON.stringify(storedReasons), fileId);
    const outcome: FileOutcome = { path: file.path, format: file.format, status: 'imported', records: sink.stored,
      skipped: context.skipped, unresolved: 0, skipReasons: context.skipReasons };
    outcomes.push(outcome);
    importedFiles.push({ outcome, fileId });
  }
  writer.commit();
  for (const labelFile of plan.labelFiles) {
    const size = fs.statSync(labelFile).size;
    if (seenBefore(labelFile, size)) continue;
    registerFile.run(stagingId, storedPath(labelFile), size, sha256Of(labelFile), 'tree', now);
  }
  const unresolved = sink.finish();
  writer.commit();
  const setUnresolved = db.prepare('UPDATE source_files SET unresolved = ? WHERE id = ?');
  for (const { outcome, fileId } of importedFiles) {
    outcome.unresolved = unresolved.get(fileId) ?? 0;
    setUnresolved.run(outcome.unresolved, fileId);
  }
  return { outcomes, digests: sink.digests(), directedEdges: sink.directedEdges, written: sink.written };
}

/** 0 for real names, else the level of PSEUDONYM_LEVEL a new dataset is made with. */
function newDatasetLevel(request: ImportRequest): number {
  if (!request.pseudonymize) return 0;
  return request.hashAllIds ? PSEUDONYM_LEVEL.allIds : PSEUDONYM_LEVEL.namedIds;
}

/** The key (outside the database), the level of the dataset and the display names of the files, read first. */
async function pseudonymizerFor(db: Db, plan: ReturnType<typeof planImport>, request: ImportRequest,
  level: number): Promise<Pseudonymizer> {
  const key = pseudonymKeyFor(db, { passphrase: request.passphrase });
  const keep = new Set(request.keep ?? []);
  const pseudonyms = new Pseudonymizer(key, { level: level as Pseudonymizer['options']['level'],
    keepLocation: keep.has('location'), keepAttributes: keep.has('attributes') });
  pseudonyms.useNames(await collectDisplayNames(plan.files, request));
  return pseudonyms;
}

/**
 * The one short transaction that makes the import visible: a new dataset is renamed and unflagged; an existing
 * one takes the staged rows (mergeStaging), unless it was deleted meanwhile, which the import then respects.
 */
function publish(db: Db, stagingId: number, target: DatasetRow | undefined, name: string, edges: EdgeDeclaration | null, now: string,
  digests: KnownDigests): number {
  return db.transaction(() => {
    if (!target) {
      if (findDataset(db, name)) throw new ImportError(name, {}, 'a dataset of this name was created while this import ran; nothing was imported');
      publishNew(db, stagingId, name, now, digests);
      return stagingId;
    }
    const current = findDatasetById(db, target.id);
    if (!current) throw new ImportError(name, {}, 'the dataset was deleted while this import ran; nothing was imported');
    mergeStaging(db, stagingId, current, edges, now);
    return target.id;
  }).immediate();
}

const unchanged = (file: { path: string; format: ImportFormat }): FileOutcome =>
  ({ path: file.path, format: file.format, status: 'unchanged', records: 0, skipped: 0, unresolved: 0, skipReasons: [] });

/** Every file of the request is already in the dataset: importing the same files twice changes nothing. */
function nothingNew(db: Db, datasetId: number, plan: ReturnType<typeof planImport>): boolean {
  const files = [...plan.files.map((file) => file.path), ...plan.labelFiles];
  return files.every((file) => alreadyImported(db, datasetId, file, fs.statSync(file).size));
}

export function defaultDatasetName(firstPath: string): string {
  const base = path.basename(path.resolve(firstPath));
  return base.replace(/\.(jsonl?|csv|tsv|txt|gexf|graphml|xml|edgelist|edges)$/i, '') || base;
}

/**
 * An existing dataset keeps its derivation version (its older rows stay as they were derived). A declared edge
 * direction is set once: a second import may repeat it or declare it where it was undeclared, not contradict it.
 */
function checkCompatible(existing: DatasetRow, request: ImportRequest): void {
  if (request.pseudonymize && !existing.pseudonymized) {
    throw new ImportError(existing.name, {}, 'this dataset holds real handles; --pseudonymize can only be used for a new dataset');
  }
  if (request.hashAllIds && existing.pseudonymized !== PSEUDONYM_LEVEL.allIds) {
    throw new ImportError(existing.name, {}, 'this dataset keeps the ids of tweet formats; --hash-all-ids can only be used for a new dataset');
  }
  if (request.edges && existing.edge_direction && request.edges !== existing.edge_direction) {
    throw new ImportError(existing.name, {}, `this dataset's edges were declared ${existing.edge_direction} at import; ` +
      `--edges ${request.edges} would change the meaning of the edges already stored: import into a new dataset`);
  }
}

/** A dataset with plain edges whose direction nobody declared: said at import, and again by every score run. */
function importWarnings(db: Db, datasetId: number, directedEdges?: number): ScoreWarning[] {
  const row = findDatasetById(db, datasetId)!;
  if (row.edge_direction !== null) return [];
  const edges = directedEdges ?? db.prepare("SELECT count(*) FROM interactions WHERE dataset_id = ? AND kind = 'edge' AND directed = 1").pluck().get(datasetId) as number;
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
