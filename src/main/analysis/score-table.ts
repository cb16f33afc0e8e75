import type { RunManifest, ScoreRow, ScoresOutput } from '../../shared/runs';
import type { Db } from '../store/db';
import type { RunResults } from '../store/runs';
import { rankByPlatformId } from './canonical-order';

/** Platform id and handle of accounts by row id. */
export function accountLabeller(db: Db) {
  const select = db.prepare('SELECT platform_id, handle FROM accounts WHERE id = ?');
  return (accountId: number) => {
    const row = select.get(accountId) as { platform_id: string; handle: string | null };
    return { accountId: row.platform_id, handle: row.handle };
  };
}

/** A score as the contract carries it: NaN (no score) as null. */
export const finite = (value: number) => (Number.isNaN(value) ? null : value);

/** A run's scores highest first, rows offset to offset + limit: what `runs.scores` answers and a bundle's CSV holds. */
export function scoreTable(db: Db, runId: number, manifest: RunManifest, results: RunResults, offset = 0, limit?: number): ScoresOutput {
  // Tied accounts listed by platform id: the same page whatever order the dataset's lines were imported in.
  const { order, rank } = rankByPlatformId(db, manifest.dataset.id, results.accountIds, results.outputs[0]![1]);
  const end = Math.min(order.length, offset + (limit ?? order.length));
  const label = accountLabeller(db);
  const rows: ScoreRow[] = [];
  for (let position = offset; position < end; position++) {
    const node = order[position]!;
    rows.push({
      ...label(results.accountIds[node]!),
      rank: rank[node] || null,
      values: results.outputs.map(([, scores]) => finite(scores[node]!)),
    });
  }
  const { id, version, fidelity } = manifest.model;
  const model = { id, version, fidelity: fidelity ?? null };
  return { run: runId, model, total: order.length, columns: results.outputs.map(([name]) => name), rows };
}
