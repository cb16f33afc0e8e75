import type { Db } from './db';

/**
 * An account's row id from how a user names it: its platform id, else its handle (case-insensitive, with or without
 * "@"), the first by row id when handles repeat. Undefined when the dataset has no such account.
 */
export function findAccountId(db: Db, datasetId: number, reference: string): number | undefined {
  return (db.prepare('SELECT id FROM accounts WHERE dataset_id = ? AND platform_id = ?').pluck().get(datasetId, reference) ??
    db
      .prepare('SELECT id FROM accounts WHERE dataset_id = ? AND handle = ? COLLATE NOCASE ORDER BY id LIMIT 1')
      .pluck()
      .get(datasetId, reference.replace(/^@/, ''))) as number | undefined;
}
