import { INTERACTION_KINDS, POST_KINDS } from '../../../shared/domain';
import type { Db } from '../../store/db';
import type { InteractionColumns, PostColumns } from '../model';
import { NOT_SELF } from './extract-graph';
import { keepClause, type ResolvedRemoval } from './removal';
import { rowIdRange, scanRows } from '../../store/scan';

/** SQL that turns a kind name into its index in `kinds` (bound as parameters in that order). */
const kindCase = (column: string, kinds: readonly string[]) =>
  `CASE ${column} ${kinds.map((_, i) => `WHEN ? THEN ${i}`).join(' ')} END`;

const EDGE = INTERACTION_KINDS.indexOf('edge');

/**
 * Every interaction between two distinct scored accounts (self-interactions left out, see NOT_SELF), one entry per stored row (an undirected row counts once in each
 * direction; `edge` rows reversed with `reverseEdges`, as in the graph). `nodeOf` gives -1 for accounts not in the run.
 */
export function readInteractionColumns(
  db: Db,
  datasetId: number,
  nodeOf: (accountId: number) => number,
  removal: ResolvedRemoval | null = null,
  reverseEdges = false,
): InteractionColumns {
  const [low, high] = rowIdRange(db, 'interactions', datasetId);
  const keep = keepClause(removal);
  const where = `interactions NOT INDEXED WHERE id BETWEEN ? AND ? AND dataset_id = ? AND ${NOT_SELF}${keep.sql}`;
  const whereParams = [low, high, datasetId, ...keep.params];
  const { rows, undirected } = db
    .prepare(`SELECT count(*) AS rows, coalesce(sum(directed = 0), 0) AS undirected FROM ${where}`)
    .get(...whereParams) as { rows: number; undirected: number };
  const capacity = rows + undirected;
  const columns: InteractionColumns = {
    count: 0,
    actor: new Int32Array(capacity),
    target: new Int32Array(capacity),
    kind: new Uint8Array(capacity),
    weight: new Float64Array(capacity),
    time: new Float64Array(capacity),
  };
  const push = (actor: number, target: number, kind: number, weight: number, time: number) => {
    const at = columns.count++;
    columns.actor[at] = actor;
    columns.target[at] = target;
    columns.kind[at] = kind;
    columns.weight[at] = weight;
    columns.time[at] = time;
  };
  scanRows(
    db,
    `actor_id, target_id, ${kindCase('kind', INTERACTION_KINDS)}, weight, time, directed`,
    where,
    [...INTERACTION_KINDS, ...whereParams],
    (actorId: number, targetId: number, kind: number, weight: number, time: number | null, directed: number) => {
      const reverse = reverseEdges && kind === EDGE;
      const actor = nodeOf(reverse ? targetId : actorId);
      const target = nodeOf(reverse ? actorId : targetId);
      if (actor < 0 || target < 0) return;
      push(actor, target, kind, weight, time ?? Number.NaN);
      if (directed === 0) push(target, actor, kind, weight, time ?? Number.NaN);
    },
  );
  return columns;
}

/** Every post by a scored account. */
export function readPostColumns(db: Db, datasetId: number, nodeOf: (accountId: number) => number): PostColumns {
  const total = db.prepare('SELECT count(*) FROM posts WHERE dataset_id = ?').pluck().get(datasetId) as number;
  const columns: PostColumns = {
    count: 0,
    author: new Int32Array(total),
    createdAt: new Float64Array(total),
    kind: new Uint8Array(total),
  };
  const [low, high] = rowIdRange(db, 'posts', datasetId);
  scanRows(
    db,
    `author_id, created_at, ${kindCase('kind', POST_KINDS)}`,
    'posts NOT INDEXED WHERE id BETWEEN ? AND ? AND dataset_id = ?',
    [...POST_KINDS, low, high, datasetId],
    (authorId: number, createdAt: number | null, kind: number) => {
      const author = nodeOf(authorId);
      if (author < 0) return;
      const at = columns.count++;
      columns.author[at] = author;
      columns.createdAt[at] = createdAt ?? Number.NaN;
      columns.kind[at] = kind;
    },
  );
  return columns;
}
