import type { Csr } from './csr';
import type { Db } from './db';

/** A dataset's graph in incoming form: row v lists the accounts giving attention to account v. */
export interface CachedGraph {
  accountIds: Int32Array;
  incoming: Csr;
  interactionsRead: number;
}

/** How many graphs (different weights) one dataset keeps; the oldest goes first. */
const KEPT_PER_DATASET = 4;
const CHUNK_BYTES = 4 << 20;

type ArrayName = 'account_ids' | 'offsets' | 'targets' | 'weights';

/**
 * Reads a cached graph; its CSR arrays land in SharedArrayBuffers, which the two-thread kernels use as they are.
 * Chunks are copied one by one, so no array is ever held twice.
 */
export function readCachedGraph(db: Db, datasetId: number, cacheKey: string, contentHash: string): CachedGraph | null {
  const row = db
    .prepare('SELECT id, node_count, edge_count, interactions_read FROM graph_cache WHERE dataset_id = ? AND cache_key = ? AND content_hash = ?')
    .get(datasetId, cacheKey, contentHash) as { id: number; node_count: number; edge_count: number; interactions_read: number } | undefined;
  if (!row) return null;
  const chunks = db.prepare('SELECT bytes FROM graph_cache_chunks WHERE graph_id = ? AND array = ? ORDER BY seq').pluck();
  const read = (array: ArrayName, buffer: ArrayBufferLike) => {
    const bytes = new Uint8Array(buffer);
    let at = 0;
    for (const chunk of chunks.iterate(row.id, array) as Iterable<Buffer>) {
      bytes.set(chunk, at);
      at += chunk.byteLength;
    }
    if (at !== bytes.byteLength) throw new Error(`graph cache ${row.id}: ${array} has ${at} of ${bytes.byteLength} bytes`);
    return buffer;
  };
  const { node_count: nodeCount, edge_count: edges } = row;
  return {
    accountIds: new Int32Array(read('account_ids', new ArrayBuffer(nodeCount * 4))),
    incoming: {
      nodeCount,
      offsets: new Int32Array(read('offsets', new SharedArrayBuffer((nodeCount + 1) * 4))),
      targets: new Int32Array(read('targets', new SharedArrayBuffer(edges * 4))),
      weights: new Float64Array(read('weights', new SharedArrayBuffer(edges * 8))),
    },
    interactionsRead: row.interactions_read,
  };
}

/** Stores a built graph, dropping graphs of older content of the same dataset. */
export function writeCachedGraph(db: Db, datasetId: number, cacheKey: string, contentHash: string, graph: CachedGraph): void {
  const { incoming } = graph;
  db.transaction(() => {
    db.prepare('DELETE FROM graph_cache WHERE dataset_id = ? AND (content_hash <> ? OR cache_key = ?)').run(datasetId, contentHash, cacheKey);
    const id = db
      .prepare(
        `INSERT INTO graph_cache (dataset_id, cache_key, content_hash, node_count, edge_count, interactions_read, created_at)
          VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(datasetId, cacheKey, contentHash, incoming.nodeCount, incoming.targets.length, graph.interactionsRead, new Date().toISOString())
      .lastInsertRowid as number;
    const insert = db.prepare('INSERT INTO graph_cache_chunks (graph_id, array, seq, bytes) VALUES (?, ?, ?, ?)');
    const write = (array: ArrayName, values: ArrayBufferView) => {
      const bytes = Buffer.from(values.buffer, values.byteOffset, values.byteLength);
      for (let start = 0, seq = 0; start < bytes.byteLength; start += CHUNK_BYTES, seq++) {
        insert.run(id, array, seq, bytes.subarray(start, start + CHUNK_BYTES));
      }
    };
    write('account_ids', graph.accountIds);
    write('offsets', incoming.offsets);
    write('targets', incoming.targets);
    write('weights', incoming.weights);
    db.prepare(
      `DELETE FROM graph_cache WHERE dataset_id = ? AND id NOT IN
        (SELECT id FROM graph_cache WHERE dataset_id = ? ORDER BY id DESC LIMIT ${KEPT_PER_DATASET})`,
    ).run(datasetId, datasetId);
  })();
}
