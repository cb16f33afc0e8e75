import { INTERACTION_KINDS, POST_KINDS } from '../../../shared/domain';
import type { Db } from '../../store/db';
import type { InteractionColumns, PostColumns } from '../model';

const kindIndex = new Map<string, number>(INTERACTION_KINDS.map((kind, i) => [kind, i]));
const postKindIndex = new Map<string, number>(POST_KINDS.map((kind, i) => [kind, i]));

/**
 * Every interaction between two scored accounts, one entry per stored row (an undirected row counts once in each
 * direction). `nodeOf` gives -1 for accounts not in the run.
 */
export function readInteractionColumns(db: Db, datasetId: number, nodeOf: (accountId: number) => number): InteractionColumns {
  const { rows, undirected } = db
    .prepare(
      'SELECT count(*) AS rows, coalesce(sum(directed = 0), 0) AS undirected FROM interactions WHERE dataset_id = ?',
    )
    .get(datasetId) as { rows: number; undirected: number };
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
  const select = db
    .prepare('SELECT actor_id, target_id, kind, weight, time, directed FROM interactions WHERE dataset_id = ? ORDER BY id')
    .raw();
  for (const row of select.iterate(datasetId) as Iterable<[number, number, string, number, number | null, number]>) {
    const actor = nodeOf(row[0]);
    const target = nodeOf(row[1]);
    if (actor < 0 || target < 0) continue;
    const kind = kindIndex.get(row[2])!;
    const time = row[4] ?? Number.NaN;
    push(actor, target, kind, row[3], time);
    if (row[5] === 0) push(target, actor, kind, row[3], time);
  }
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
  const select = db.prepare('SELECT author_id, created_at, kind FROM posts WHERE dataset_id = ? ORDER BY id').raw();
  for (const row of select.iterate(datasetId) as Iterable<[number, number | null, string]>) {
    const author = nodeOf(row[0]);
    if (author < 0) continue;
    const at = columns.count++;
    columns.author[at] = author;
    columns.createdAt[at] = row[1] ?? Number.NaN;
    columns.kind[at] = postKindIndex.get(row[2])!;
  }
  return columns;
}
