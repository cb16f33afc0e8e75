import type { Csr } from '../scoring/graph/csr';
import type { Db } from './db';
import { fromBlob, toBlob } from './blobs';

/** A dataset's graph in incoming form: row v lists the accounts giving attention to account v. */
export interface CachedGraph {
  accountIds: Int32Array;
  incoming: Csr;
  interactionsRead: number;
}

/** How many graphs (different weights) one dataset keeps; the oldest goes first. */
const KEPT_PER_DATASET = 4;

export function readCachedGraph(db: Db, datasetId: number, cacheKey: string, contentHash: string): CachedGraph | null {
  const row = db
    .prepare('SELECT * FROM graph_cache WHERE dataset_id = ? AND cache_key = ? AND content_hash = ?')
    .get(datasetId, cacheKey, contentHash) as Record<string, number | Buffer> | undefined;
  if (!row) return null;
  const nodeCount = row.node_count as number;
  return {
    accountIds: fromBlob(Int32Array, row.account_ids as Buffer),
    incoming: {
      nodeCount,
      offsets: fromBlob(Int32Array, row.offsets as Buffer),
      targets: fromBlob(Int32Array, row.targets as Buffer),
      weights: fromBlob(Float64Array, row.weights as Buffer),
    },
    interactionsRead: row.interactions_read as number,
  };
}

/** Stores a built graph, dropping graphs of older content of the same dataset. */
export function writeCachedGraph(db: Db, datasetId: number, cacheKey: string, contentHash: string, graph: CachedGraph): void {
  db.transaction(() => {
    db.prepare('DELETE FROM graph_cache WHERE dataset_id = ? AND (content_hash <> ? OR cache_key = ?)').run(
      datasetId,
      contentHash,
      cacheKey,
    );
    db.prepare(
      `INSERT INTO graph_cache (dataset_id, cache_key, content_hash, node_count, edge_count, interactions_read,
        account_ids, offsets, targets, weights, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      datasetId,
      cacheKey,
      contentHash,
      graph.incoming.nodeCount,
      graph.incoming.targets.length,
      graph.interactionsRead,
      toBlob(graph.accountIds),
      toBlob(graph.incoming.offsets),
      toBlob(graph.incoming.targets),
      toBlob(graph.incoming.weights),
      new Date().toISOString(),
    );
    db.prepare(
      `DELETE FROM graph_cache WHERE dataset_id = ? AND id NOT IN
        (SELECT id FROM graph_cache WHERE dataset_id = ? ORDER BY id DESC LIMIT ${KEPT_PER_DATASET})`,
    ).run(datasetId, datasetId);
  })();
}
