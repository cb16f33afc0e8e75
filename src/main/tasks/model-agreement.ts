import { alignRuns } from '../analysis/align';
import { spearman } from '../analysis/rank-correlation';
import { JobError } from '../jobs/errors';
import type { JobControls } from '../jobs/worker-runtime';
import type { Db } from '../store/db';
import { fromBlob } from '../store/blobs';
import type { RunResults } from '../store/runs';
import { withReadConnection } from './connection';

// The Start screen's least-alike model pairs (overview.dataset): Spearman of every pair of the latest runs. A
// million-account run is 12 MB to read (ids and its score column) and a pair takes 0.54-0.69 s at a million accounts
// (measured on this two-core machine), so 12 models (66 pairs) are about 40 s of work: it runs here, on a job thread
// with its own read-only connection, not on the engine thread.

/** Stored runs of one dataset (checked by the service), in the order their pairs are listed. */
export interface ModelAgreementJob {
  dbPath: string;
  runs: number[];
}

/** Spearman of two runs (by id) over the accounts both scored. */
export interface RunPairSpearman {
  a: number;
  b: number;
  /** Accounts both runs scored. */
  n: number;
  /** Null when n < 2 or a run gives every shared account one score. */
  spearman: number | null;
}

/** A run's accounts and its `score` column only (position 0): the other outputs are not compared here. */
export function readScoreColumn(db: Db, runId: number): RunResults {
  const row = db
    .prepare('SELECT runs.account_ids, run_outputs.name, run_outputs.scores FROM runs JOIN run_outputs ON run_outputs.run_id = runs.id WHERE runs.id = ? AND run_outputs.position = 0')
    .get(runId) as { account_ids: Buffer; name: string; scores: Buffer } | undefined;
  // A run deleted with its dataset after the service checked it.
  if (!row) throw new JobError('not_found', `no run ${runId}`);
  return { accountIds: fromBlob(Int32Array, row.account_ids), outputs: [[row.name, fromBlob(Float64Array, row.scores)]] };
}

/** Spearman over the accounts both runs scored (NaN marks an account a run did not score). */
export function pairSpearman(a: RunResults, b: RunResults): { n: number; spearman: number | null } {
  const aligned = alignRuns(a, b);
  const both: number[] = [];
  for (let i = 0; i < aligned.accountIds.length; i++) if (!Number.isNaN(aligned.a[i]!) && !Number.isNaN(aligned.b[i]!)) both.push(i);
  const x = Float64Array.from(both, (i) => aligned.a[i]!);
  const y = Float64Array.from(both, (i) => aligned.b[i]!);
  return { n: both.length, spearman: spearman(x, y) };
}

/**
 * Every pair (i < j) of the runs, each run read once (not once per pair). Progress counts pairs; a cancel is seen
 * between pairs (about 0.6 s apart at a million accounts).
 */
export const modelAgreement = (job: ModelAgreementJob, controls: JobControls) =>
  withReadConnection(job.dbPath, (db): { value: RunPairSpearman[] } => {
    const scores = job.runs.map((id) => readScoreColumn(db, id));
    const total = (job.runs.length * (job.runs.length - 1)) / 2;
    const pairs: RunPairSpearman[] = [];
    for (let i = 0; i < job.runs.length; i++) {
      for (let j = i + 1; j < job.runs.length; j++) {
        controls.checkCancelled();
        controls.progress(pairs.length / total, `run ${job.runs[i]} with run ${job.runs[j]}`);
        pairs.push({ a: job.runs[i]!, b: job.runs[j]!, ...pairSpearman(scores[i]!, scores[j]!) });
      }
    }
    return { value: pairs };
  });
