import { AuditManifest, StoredAuditCase, type AuditRunSummary } from '../../shared/audit';
import type { Db } from './db';

export interface NewAuditRun {
  manifest: AuditManifest;
  cases: readonly StoredAuditCase[];
}

export interface AuditRunRow {
  id: number;
  datasetId: number;
  manifest: AuditManifest;
  cases: StoredAuditCase[];
}

/** Stores a finished audit, manifest and cases, in one statement of one transaction: all there or absent. */
export function insertAuditRun(db: Db, run: NewAuditRun): number {
  const { manifest } = run;
  return db.transaction(
    () =>
      db
        .prepare(
          `INSERT INTO audit_runs (dataset_id, whatif_model, kinds, manifest, started_at, finished_at, case_count, cases)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          manifest.dataset.id,
          manifest.whatIf.model,
          manifest.kinds === null ? null : JSON.stringify(manifest.kinds),
          JSON.stringify(manifest),
          manifest.startedAt,
          manifest.finishedAt,
          run.cases.length,
          JSON.stringify(run.cases),
        ).lastInsertRowid as number,
  )();
}

const CaseList = StoredAuditCase.array();

/** A stored audit run, checked against the contract on the way out as a score run's manifest is. */
export function findAuditRun(db: Db, id: number): AuditRunRow | null {
  const row = db.prepare('SELECT id, dataset_id, manifest, cases FROM audit_runs WHERE id = ?').get(id) as
    | { id: number; dataset_id: number; manifest: string; cases: string }
    | undefined;
  if (!row) return null;
  return {
    id: row.id,
    datasetId: row.dataset_id,
    manifest: AuditManifest.parse(JSON.parse(row.manifest)),
    cases: CaseList.parse(JSON.parse(row.cases)),
  };
}

/** The id of the dataset's most recent audit run (the highest id: ids only grow), or null. */
export function latestAuditRunId(db: Db, datasetId: number): number | null {
  const id = db.prepare('SELECT max(id) FROM audit_runs WHERE dataset_id = ?').pluck().get(datasetId) as number | null;
  return id ?? null;
}

export function listAuditRuns(db: Db, datasetId?: number): AuditRunSummary[] {
  const where = datasetId === undefined ? '' : 'WHERE audit_runs.dataset_id = ?';
  const rows = db
    .prepare(
      `SELECT audit_runs.id, datasets.name, whatif_model, kinds, started_at, finished_at, case_count
       FROM audit_runs JOIN datasets ON datasets.id = audit_runs.dataset_id ${where} ORDER BY audit_runs.id`,
    )
    .all(...(datasetId === undefined ? [] : [datasetId])) as {
    id: number;
    name: string;
    whatif_model: string;
    kinds: string | null;
    started_at: string;
    finished_at: string;
    case_count: number;
  }[];
  return rows.map((row) => ({
    id: row.id,
    dataset: row.name,
    model: row.whatif_model,
    kinds: row.kinds === null ? null : (JSON.parse(row.kinds) as AuditRunSummary['kinds']),
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    cases: row.case_count,
  }));
}
