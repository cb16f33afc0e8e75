import type { CascadeNodesOutput } from '../../shared/analysis';
import type { Db } from '../store/db';

/** A cascade drawn in the workbench: beyond this many nodes it is cut, and says so. */
const MAX_NODES = 20_000;
const MINUTE_MS = 60_000;

interface NodeRow {
  key: string;
  post_id: string;
  parent_key: string | null;
  platform_id: string;
  handle: string | null;
  delay: number | null;
}

function toNodes(rows: NodeRow[]): CascadeNodesOutput {
  const kept = rows.slice(0, MAX_NODES);
  const index = new Map(kept.map((row, at) => [row.key, at]));
  return {
    nodes: kept.map((row) => ({
      post_id: row.post_id,
      parent: row.parent_key === null ? -1 : (index.get(row.parent_key) ?? -1),
      account: { accountId: row.platform_id, handle: row.handle },
      delay_minutes: row.delay,
    })),
    truncated: rows.length > MAX_NODES,
  };
}

/** The nodes of a stored propagation tree, in node order (the root first). */
export function storedCascadeNodes(db: Db, cascadeId: number): CascadeNodesOutput {
  const rows = db
    .prepare(
      `SELECT CAST(node_index AS TEXT) AS key, post_platform_id AS post_id, CAST(parent_index AS TEXT) AS parent_key,
        accounts.platform_id, accounts.handle, delay_minutes AS delay
        FROM cascade_nodes JOIN accounts ON accounts.id = cascade_nodes.account_id WHERE cascade_id = ?
        ORDER BY parent_index IS NOT NULL, node_index LIMIT ?`,
    )
    .all(cascadeId, MAX_NODES + 1) as NodeRow[];
  return toNodes(rows);
}

/** A retweet/quote/reply tree rebuilt from the posts below a root post, breadth first. */
export function reconstructedCascadeNodes(db: Db, datasetId: number, rootPostId: string): CascadeNodesOutput {
  const rows = db
    .prepare(
      `WITH RECURSIVE tree(id, platform_id, parent_platform_id, author_id, created_at, depth) AS (
         SELECT id, platform_id, NULL, author_id, created_at, 0 FROM posts WHERE dataset_id = ? AND platform_id = ?
         UNION ALL
         SELECT child.id, child.platform_id, tree.platform_id, child.author_id, child.created_at, tree.depth + 1
           FROM posts AS child JOIN tree ON child.dataset_id = ? AND child.ref_platform_id = tree.platform_id
           WHERE child.platform_id <> tree.platform_id AND tree.depth < 1000
       )
       SELECT tree.platform_id AS key, tree.platform_id AS post_id, parent_platform_id AS parent_key,
         accounts.platform_id, accounts.handle,
         (tree.created_at - (SELECT created_at FROM posts WHERE dataset_id = ? AND platform_id = ?)) / ${MINUTE_MS}.0 AS delay
       FROM tree JOIN accounts ON accounts.id = tree.author_id ORDER BY tree.depth, tree.id LIMIT ?`,
    )
    .all(datasetId, rootPostId, datasetId, datasetId, rootPostId, MAX_NODES + 1) as NodeRow[];
  return toNodes(rows);
}
