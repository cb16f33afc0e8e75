import type { Removal } from '../../../shared/runs';
import { findAccountId } from '../../store/account-lookup';
import type { Db } from '../../store/db';
import { ModelInputError } from '../model';

/**
 * A what-if run's removal, resolved to row ids and milliseconds, as a SQL condition that keeps an interaction
 * row. Every reader of interactions appends it, so the graph and the interaction columns agree.
 */
export interface ResolvedRemoval {
  accountIds: number[];
  kinds: string[];
  fromMs: number | null;
  toMs: number | null;
  interactionIds: number[];
  /** A windowed run keeps only interactions with a known time in [fromMs, toMs). */
  window?: { fromMs: number; toMs: number };
}

/** A removal with only the given parts: nothing else is left out. */
export const restriction = (parts: Partial<ResolvedRemoval>): ResolvedRemoval => ({
  accountIds: [],
  kinds: [],
  fromMs: null,
  toMs: null,
  interactionIds: [],
  ...parts,
});

export function keepClause(removal: ResolvedRemoval | null): { sql: string; params: unknown[] } {
  if (!removal) return { sql: '', params: [] };
  const removed: string[] = [];
  const params: unknown[] = [];
  if (removal.accountIds.length > 0) {
    removed.push('actor_id IN (SELECT value FROM json_each(?))', 'target_id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(removal.accountIds), JSON.stringify(removal.accountIds));
  }
  if (removal.kinds.length > 0) {
    removed.push('kind IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(removal.kinds));
  }
  if (removal.fromMs !== null || removal.toMs !== null) {
    removed.push('(time >= ? AND time < ?)');
    params.push(removal.fromMs ?? Number.MIN_SAFE_INTEGER, removal.toMs ?? Number.MAX_SAFE_INTEGER);
  }
  if (removal.interactionIds.length > 0) {
    removed.push('id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(removal.interactionIds));
  }
  let sql = removed.length > 0 ? ` AND NOT (${removed.join(' OR ')})` : '';
  if (removal.window) {
    sql += ' AND time >= ? AND time < ?';
    params.push(removal.window.fromMs, removal.window.toMs);
  }
  return { sql, params };
}

/** Account references to row ids (platform id, else handle); an unknown one is named in the error. */
export function resolveRemoval(db: Db, datasetId: number, removal: Removal): ResolvedRemoval {
  const accountIds = (removal.accounts ?? []).map((reference) => {
    const id = findAccountId(db, datasetId, reference);
    if (id === undefined) throw new ModelInputError(`no account "${reference}" in this dataset (by id or handle)`);
    return id;
  });
  const ms = (iso: string | undefined) => (iso === undefined ? null : Date.parse(iso));
  return {
    accountIds,
    kinds: removal.kinds ?? [],
    fromMs: ms(removal.from),
    toMs: ms(removal.to),
    interactionIds: removal.interactions ?? [],
  };
}

/** How many of the dataset's interactions the removal leaves out. */
export function countRemoved(db: Db, datasetId: number, removal: ResolvedRemoval): number {
  const keep = keepClause(removal);
  const all = db.prepare('SELECT count(*) FROM interactions WHERE dataset_id = ?').pluck().get(datasetId) as number;
  const kept = db
    .prepare(`SELECT count(*) FROM interactions WHERE dataset_id = ?${keep.sql}`)
    .pluck()
    .get(datasetId, ...keep.params) as number;
  return all - kept;
}
