import { scanRows } from '../store/scan';
import type { Db } from '../store/db';
import { TreeBuffer, type MeasuredTree } from './cascade-buffer';
import { STAR_VIRALITY_NOTE, type CascadeParents } from './cascade-parents';
import { reconstructedTrees } from './cascade-posts';
import { readAccounts, type EgoAccount } from './ego';

export { treeMetrics, type Spreader, type TreeMetrics } from './cascade-tree';

export type CascadeSource = 'tree' | 'reconstructed';

export type CascadeAccount = EgoAccount;

export interface CascadeSummary {
  /** The stored cascade's id; null for a tree reconstructed from posts. */
  cascade_id: number | null;
  /** The root post's platform id. */
  root_post_id: string;
  root_account: CascadeAccount;
  label: string | null;
  source: CascadeSource;
  /** Where the parent links come from; structural virality is reported only where they mean something. */
  parents: CascadeParents;
  size: number;
  depth: number;
  max_breadth: number;
  structural_virality: number | null;
  /** Why structural virality is null for a tree of two or more nodes (a star); null when it is reported. */
  structural_virality_note: string | null;
  half_size_minutes: number | null;
  /** Accounts by the most descendants of any of their nodes, each account once. */
  top_spreaders: (CascadeAccount & { descendants: number })[];
}

export interface CascadeMetricsOptions {
  /** Only stored propagation trees, or only trees reconstructed from posts; both by default. */
  source?: CascadeSource;
}

/**
 * Metrics of every cascade of a dataset (SPEC.md, "Comparing and auditing"): the stored propagation trees in id
 * order, then the trees reconstructed from posts (see cascade-posts.ts) by root post id. A reconstructed tree whose
 * root post is also the root of a stored tree is left out: it is the same cascade, and the stored tree is the
 * fuller record of it.
 */
export function cascadeMetrics(db: Db, datasetId: number, options: CascadeMetricsOptions = {}): CascadeSummary[] {
  const stored = options.source === 'reconstructed' ? [] : storedTrees(db, datasetId);
  const storedRoots = new Set(
    db.prepare('SELECT root_post_platform_id FROM cascades WHERE dataset_id = ?').pluck().all(datasetId) as string[],
  );
  const reconstructed =
    options.source === 'tree'
      ? []
      : reconstructedTrees(db, datasetId).filter((tree) => !storedRoots.has(tree.rootPostId));
  const measured = [...stored, ...reconstructed];

  const accountIds = new Set<number>();
  for (const tree of measured) {
    accountIds.add(tree.rootAccount);
    for (const account of tree.spreaderAccounts) accountIds.add(account);
  }
  const accounts = readAccounts(db, accountIds);
  return measured.map(({ cascadeId, rootPostId, rootAccount, label, source, parents, metrics, spreaderAccounts }) => ({
    cascade_id: cascadeId,
    root_post_id: rootPostId,
    root_account: accounts.get(rootAccount)!,
    label,
    source,
    parents,
    size: metrics.size,
    depth: metrics.depth,
    max_breadth: metrics.max_breadth,
    // A star's virality says only that its parents are unknown (Goel et al. 2016 need the real tree).
    structural_virality: parents === 'star (parents unknown)' ? null : metrics.structural_virality,
    structural_virality_note: parents === 'star (parents unknown)' && metrics.size > 1 ? STAR_VIRALITY_NOTE : null,
    half_size_minutes: metrics.half_size_minutes,
    top_spreaders: metrics.top_spreaders.map(({ descendants }, at) => {
      const { accountId, handle } = accounts.get(spreaderAccounts[at]!)!;
      return { accountId, handle, descendants };
    }),
  }));
}

/**
 * One pass over the nodes of the dataset's cascades. The primary-key range scan yields them by cascade id and
 * node index, so each cascade is complete when the next begins, and the cascades (sorted by id) are matched by
 * walking forward; node rows of another dataset's cascades inside the id range are passed over.
 */
function storedTrees(db: Db, datasetId: number): MeasuredTree[] {
  const cascades = db
    .prepare('SELECT id, root_post_platform_id, root_account_id, label FROM cascades WHERE dataset_id = ? ORDER BY id')
    .raw()
    .all(datasetId) as [id: number, rootPost: string, rootAccount: number, label: string | null][];
  if (cascades.length === 0) return [];
  const trees: MeasuredTree[] = [];
  const tree = new TreeBuffer();
  let next = 0;
  let matched: (typeof cascades)[number] | undefined;
  let current = -1;
  const finish = () => {
    if (matched) {
      const [cascadeId, rootPostId, rootAccount, label] = matched;
      const { metrics, spreaderAccounts } = tree.measure();
      trees.push({ cascadeId, rootPostId, rootAccount, label, source: 'tree', parents: 'given', metrics, spreaderAccounts });
    }
    tree.clear();
  };
  scanRows(
    db,
    'cascade_id, node_index, account_id, parent_index, delay_minutes',
    'cascade_nodes WHERE cascade_id BETWEEN ? AND ?',
    [cascades[0]![0], cascades[cascades.length - 1]![0]],
    (cascadeId: number, index: number, account: number, parentIndex: number | null, delay: number) => {
      if (cascadeId !== current) {
        finish();
        current = cascadeId;
        while (next < cascades.length && cascades[next]![0] < cascadeId) next++;
        matched = cascades[next]?.[0] === cascadeId ? cascades[next] : undefined;
      }
      if (matched) tree.set(index, parentIndex ?? -1, delay, account);
    },
  );
  finish();
  return trees;
}
