import type { Db } from '../../store/db';
import { rowIdRange, scanRows } from '../../store/scan';

/** The dataset's accounts in row-id order (a node's index is its position) and a lookup from row id to node. */
export interface AccountIndex {
  accountIds: Int32Array;
  nodeOf(accountId: number): number;
}

export function indexAccounts(accountIds: Int32Array): AccountIndex {
  const count = accountIds.length;
  if (count === 0) return { accountIds, nodeOf: () => -1 };
  const first = accountIds[0]!;
  const span = accountIds[count - 1]! - first + 1;
  // Ids of one dataset are mostly consecutive, so a dense table is both smaller and faster than a Map.
  if (span <= 4 * count + 1024) {
    const table = new Int32Array(span).fill(-1);
    for (let node = 0; node < count; node++) table[accountIds[node]! - first] = node;
    return { accountIds, nodeOf: (id) => (id >= first && id - first < span ? table[id - first]! : -1) };
  }
  const map = new Map<number, number>();
  for (let node = 0; node < count; node++) map.set(accountIds[node]!, node);
  return { accountIds, nodeOf: (id) => map.get(id) ?? -1 };
}

export function readAccountIds(db: Db, datasetId: number): Int32Array {
  const count = db.prepare('SELECT count(*) FROM accounts WHERE dataset_id = ?').pluck().get(datasetId) as number;
  const ids = new Int32Array(count);
  let at = 0;
  const [low, high] = rowIdRange(db, 'accounts', datasetId);
  scanRows(db, 'id', 'accounts NOT INDEXED WHERE id BETWEEN ? AND ? AND dataset_id = ?', [low, high, datasetId], (id: number) => {
    ids[at++] = id;
  });
  return ids;
}

/** A profile count (followers or following) by node, NaN where the import did not know it. */
export function readProfileCounts(db: Db, datasetId: number, count: number, column: 'followers' | 'following'): Float64Array {
  const counts = new Float64Array(count);
  let at = 0;
  const [low, high] = rowIdRange(db, 'accounts', datasetId);
  scanRows(
    db,
    column,
    'accounts NOT INDEXED WHERE id BETWEEN ? AND ? AND dataset_id = ?',
    [low, high, datasetId],
    (value: number | null) => {
      counts[at++] = value ?? Number.NaN;
    },
  );
  return counts;
}
