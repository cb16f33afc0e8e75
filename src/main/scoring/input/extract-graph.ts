import { createHash } from 'node:crypto';
import { INTERACTION_KINDS } from '../../../shared/domain';
import type { GraphOptions } from '../../../shared/models/descriptor';
import type { Db } from '../../store/db';
import type { CachedGraph } from '../../store/graph-cache';
import { buildCsr, type Csr } from '../graph/csr';
import { indexAccounts, readAccountIds } from './accounts';
import { keepClause, type ResolvedRemoval } from './removal';
import { rowIdRange, scanRows } from '../../store/scan';

/** Bumped whenever extraction would build a different graph from the same rows (it invalidates the cache). */
const EXTRACTION_VERSION = 3;

export function graphCacheKey(options: GraphOptions): string {
  const weights = INTERACTION_KINDS.map((kind) => `${kind}=${options.weights[kind]}`).join(',');
  return createHash('sha256')
    .update(`v${EXTRACTION_VERSION};${weights};edge_direction=${options.edgeDirection};per_target_post=${options.perTargetPost}`)
    .digest('hex')
    .slice(0, 32);
}

/**
 * Self-interactions (a self-reply, a self-quote, a self-loop of a graph file) are stored, since they are in the data,
 * but no model counts them as attention received (SPEC, derivation rules): as a PageRank self-loop one moved a node
 * from 0.065 to 0.110. Every reader of interactions for scoring leaves them out with this condition.
 */
export const NOT_SELF = 'actor_id <> target_id';

/**
 * Reads a dataset's interactions into a merged graph in incoming CSR form (row = target, entries = actors): edge
 * actor -> target with weight = sum over its interactions of kind weight x stored weight. Undirected interactions (from undirected graph files) count in both
 * directions, as networkx does when it turns an undirected graph into a directed one.
 */
export function extractGraph(
  db: Db,
  datasetId: number,
  options: GraphOptions,
  onProgress: (fraction: number) => void = () => undefined,
  removal: ResolvedRemoval | null = null,
): CachedGraph {
  const accounts = indexAccounts(readAccountIds(db, datasetId));
  const kinds = INTERACTION_KINDS.filter((kind) => options.weights[kind] > 0);
  const placeholders = kinds.map(() => '?').join(',');
  const [low, high] = rowIdRange(db, 'interactions', datasetId);
  const keep = keepClause(removal);
  const where = `interactions NOT INDEXED WHERE id BETWEEN ? AND ? AND dataset_id = ? AND kind IN (${placeholders})
    AND ${NOT_SELF}${keep.sql}`;
  const whereParams = [low, high, datasetId, ...kinds, ...keep.params];
  const { rows, undirected } = db
    .prepare(`SELECT count(*) AS rows, coalesce(sum(directed = 0), 0) AS undirected FROM ${where}`)
    .get(...whereParams) as { rows: number; undirected: number };
  const capacity = rows + undirected;
  const sources = new Int32Array(capacity);
  const targets = new Int32Array(capacity);
  const weights = new Float64Array(capacity);
  let count = 0;
  let read = 0;
  const reverseEdges = options.edgeDirection === 'influence';
  const kindWeight = `CASE kind ${kinds.map(() => 'WHEN ? THEN ?').join(' ')} END`;
  scanRows(
    db,
    `CASE WHEN ? AND kind = 'edge' THEN target_id ELSE actor_id END,
     CASE WHEN ? AND kind = 'edge' THEN actor_id ELSE target_id END, weight * ${kindWeight}, directed`,
    where,
    [reverseEdges ? 1 : 0, reverseEdges ? 1 : 0, ...kinds.flatMap((kind) => [kind, options.weights[kind]]), ...whereParams],
    (actorId: number, targetId: number, weight: number, directed: number) => {
      const actor = accounts.nodeOf(actorId);
      const target = accounts.nodeOf(targetId);
      sources[count] = actor;
      targets[count] = target;
      weights[count++] = weight;
      if (directed === 0) {
        sources[count] = target;
        targets[count] = actor;
        weights[count++] = weight;
      }
      if (++read % 262_144 === 0) onProgress(read / rows);
    },
  );
  onProgress(1);
  const incoming = buildCsr(accounts.accountIds.length, { count, sources: targets, targets: sources, weights }, true);
  if (options.perTargetPost) divideByTargetPosts(db, datasetId, incoming, accounts.nodeOf);
  return { accountIds: accounts.accountIds, incoming, interactionsRead: read };
}

/** Fink et al. 2023's weights: reactions an account received per post it wrote (at least one post assumed). */
function divideByTargetPosts(db: Db, datasetId: number, incoming: Csr, nodeOf: (accountId: number) => number): void {
  const posts = new Float64Array(incoming.nodeCount);
  const rows = db
    .prepare('SELECT author_id, count(*) FROM posts WHERE dataset_id = ? GROUP BY author_id')
    .raw()
    .iterate(datasetId) as Iterable<[number, number]>;
  for (const [author, count] of rows) posts[nodeOf(author)] = count;
  for (let target = 0; target < incoming.nodeCount; target++) {
    const divisor = Math.max(1, posts[target]!);
    for (let e = incoming.offsets[target]!; e < incoming.offsets[target + 1]!; e++) incoming.weights[e]! /= divisor;
  }
}
