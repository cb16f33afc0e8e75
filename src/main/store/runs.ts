import { Fidelity } from '../../shared/models/fidelity';
import { EdgeReading, RunKind, RunManifest, ScoreWarning, type RunSummary } from '../../shared/runs';
import type { Db } from './db';
import { fromBlob, toBlob } from './blobs';

export interface NewRun {
  manifest: RunManifest;
  accountIds: Int32Array;
  /** In the model's output-column order; `score` first. */
  outputs: ReadonlyArray<readonly [name: string, scores: Float64Array]>;
  /** What the run's reader must know about its numbers (services/run-warnings.ts). */
  warnings: readonly ScoreWarning[];
}

export interface RunRow {
  id: number;
  datasetId: number;
  datasetName: string;
  manifest: RunManifest;
}

export interface RunResults {
  accountIds: Int32Array;
  outputs: Array<[name: string, scores: Float64Array]>;
}

/** Stores a finished run and its results in one transaction: a run is either all there or absent. */
export function insertRun(db: Db, run: NewRun): number {
  const { manifest } = run;
  return db.transaction(() => {
    const id = db
      .prepare(
        `INSERT INTO runs (dataset_id, model_id, model_version, params, seed, manifest, started_at, finished_at,
          accounts_scored, excluded, account_ids, warnings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        manifest.dataset.id,
        manifest.model.id,
        manifest.model.version,
        JSON.stringify(manifest.params),
        manifest.seed,
        JSON.stringify(manifest),
        manifest.startedAt,
        manifest.finishedAt,
        manifest.accountsScored,
        manifest.excluded.minors,
        toBlob(run.accountIds),
        JSON.stringify(run.warnings),
      ).lastInsertRowid as number;
    const insertOutput = db.prepare('INSERT INTO run_outputs (run_id, name, position, scores) VALUES (?, ?, ?, ?)');
    run.outputs.forEach(([name, scores], position) => insertOutput.run(id, name, position, toBlob(scores)));
    return id;
  })();
}

const summaryColumns = `runs.id, datasets.name AS dataset, model_id, model_version, params, seed, started_at,
  finished_at, accounts_scored, excluded, json_extract(manifest, '$.model.fidelity') AS fidelity, runs.warnings,
  json_extract(manifest, '$.params.edge_direction') AS edges_read, json_extract(manifest, '$.provenance.edgeDirection') AS edges_declared,
  CASE WHEN json_type(manifest, '$.window') IS NOT NULL THEN 'window'
       WHEN json_type(manifest, '$.whatIf') IS NOT NULL THEN 'whatif' ELSE 'base' END AS kind`;

/** A stored direction, or null: a user model's own `edge_direction` parameter may hold anything. */
const direction = (value: unknown): EdgeReading['read'] => {
  const parsed = EdgeReading.shape.read.safeParse(value);
  return parsed.success ? parsed.data : null;
};

function toSummary(row: Record<string, string | number | null>): RunSummary {
  return {
    id: row.id as number,
    dataset: row.dataset as string,
    model: row.model_id as string,
    version: row.model_version as string,
    params: JSON.parse(row.params as string) as Record<string, unknown>,
    seed: row.seed as number,
    startedAt: row.started_at as string,
    finishedAt: row.finished_at as string,
    accountsScored: row.accounts_scored as number,
    excluded: row.excluded as number,
    fidelity: row.fidelity === null ? null : Fidelity.parse(row.fidelity),
    kind: RunKind.parse(row.kind),
    edges: { read: direction(row.edges_read), declared: direction(row.edges_declared) },
    warnings: row.warnings === null ? null : ScoreWarning.array().parse(JSON.parse(row.warnings as string)),
  };
}

export function listRuns(db: Db, datasetId?: number): RunSummary[] {
  const where = datasetId === undefined ? '' : 'WHERE runs.dataset_id = ?';
  const rows = db
    .prepare(`SELECT ${summaryColumns} FROM runs JOIN datasets ON datasets.id = runs.dataset_id ${where} ORDER BY runs.id`)
    .all(...(datasetId === undefined ? [] : [datasetId])) as Record<string, string | number | null>[];
  return rows.map(toSummary);
}

export function runSummary(db: Db, id: number): RunSummary | null {
  const row = db
    .prepare(`SELECT ${summaryColumns} FROM runs JOIN datasets ON datasets.id = runs.dataset_id WHERE runs.id = ?`)
    .get(id) as Record<string, string | number | null> | undefined;
  return row ? toSummary(row) : null;
}

export function findRun(db: Db, id: number): RunRow | null {
  const row = db
    .prepare('SELECT runs.id, dataset_id, datasets.name, manifest FROM runs JOIN datasets ON datasets.id = dataset_id WHERE runs.id = ?')
    .get(id) as { id: number; dataset_id: number; name: string; manifest: string } | undefined;
  if (!row) return null;
  return { id: row.id, datasetId: row.dataset_id, datasetName: row.name, manifest: RunManifest.parse(JSON.parse(row.manifest)) };
}

export function readRunResults(db: Db, id: number): RunResults {
  const accountIds = db.prepare('SELECT account_ids FROM runs WHERE id = ?').pluck().get(id) as Buffer;
  const rows = db
    .prepare('SELECT name, scores FROM run_outputs WHERE run_id = ? ORDER BY position')
    .all(id) as { name: string; scores: Buffer }[];
  return {
    accountIds: fromBlob(Int32Array, accountIds),
    outputs: rows.map((row) => [row.name, fromBlob(Float64Array, row.scores)]),
  };
}
