import { statedMinorAge } from '../../../shared/minors';
import type { Db } from '../../store/db';

export interface ExcludedAccount {
  accountId: number;
  platformId: string;
  handle: string | null;
  reason: string;
}

/** Accounts whose bio states an age under 18. Only bios with a digit can state one, which SQLite filters cheaply. */
export function findMinors(db: Db, datasetId: number): ExcludedAccount[] {
  const rows = db
    .prepare(
      "SELECT id, platform_id, handle, bio FROM accounts WHERE dataset_id = ? AND bio GLOB '*[0-9]*' ORDER BY id",
    )
    .all(datasetId) as { id: number; platform_id: string; handle: string | null; bio: string }[];
  const minors: ExcludedAccount[] = [];
  for (const row of rows) {
    const age = statedMinorAge(row.bio);
    if (age === null) continue;
    minors.push({ accountId: row.id, platformId: row.platform_id, handle: row.handle, reason: `bio states age ${age}` });
  }
  return minors;
}
