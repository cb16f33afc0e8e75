import { hasTies, orderTiesBy, rankScores } from '../scoring/rank';
import type { Db } from '../store/db';

/**
 * Positions of `accountIds` (row ids, ascending, as alignRuns returns them) listed by platform id: the order in
 * which the bootstrap draws accounts, so that a dataset imported with its lines in another order (other row ids,
 * same platform ids) draws the same accounts. Served by the UNIQUE (dataset_id, platform_id) index.
 */
export function platformIdOrder(db: Db, datasetId: number, accountIds: Int32Array): Uint32Array {
  const order = new Uint32Array(accountIds.length);
  let next = 0;
  const rows = db.prepare('SELECT id FROM accounts WHERE dataset_id = ? ORDER BY platform_id').pluck().iterate(datasetId);
  for (const id of rows as Iterable<number>) {
    const position = positionOf(accountIds, id);
    if (position >= 0) order[next++] = position;
  }
  if (next !== accountIds.length) throw new Error(`${accountIds.length - next} compared accounts are not in dataset ${datasetId}`);
  return order;
}

/** Binary search in ascending ids; -1 when absent. */
function positionOf(ids: Int32Array, id: number): number {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid]! < id) lo = mid + 1;
    else if (ids[mid]! > id) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** For each of `accountIds` (ascending row ids), its place when the accounts are listed by platform id. */
export function platformIdPositions(db: Db, datasetId: number, accountIds: Int32Array): Uint32Array {
  const order = platformIdOrder(db, datasetId, accountIds);
  const positions = new Uint32Array(order.length);
  order.forEach((index, place) => (positions[index] = place));
  return positions;
}

/**
 * rankScores with tied accounts listed by platform id, so that no listing changes with storage order. The
 * platform ids are read only when some scores tie: one indexed scan of the dataset's accounts.
 */
export function rankByPlatformId(db: Db, datasetId: number, accountIds: Int32Array, scores: Float64Array): { order: Int32Array; rank: Int32Array } {
  const ranked = rankScores(scores);
  if (!hasTies(ranked.order, scores)) return ranked;
  return { order: orderTiesBy(ranked.order, scores, platformIdPositions(db, datasetId, accountIds)), rank: ranked.rank };
}
