import { statedMinorAge } from '../../../shared/minors';
import type { Db } from '../../store/db';

export interface ExcludedAccount {
  accountId: number;
  platformId: string;
  handle: string | null;
  reason: string;
}

/**
 * Accounts whose bio states an age under 18. Only bios with a digit, a number word from ten to seventeen ("fifteen",
 * "sixteen"; every "-teen" has "teen") or the word "minor" can state one, which SQLite filters cheaply.
 */
export function findMinors(db: Db, datasetId: number): ExcludedAccount[] {
  const rows = db
    .prepare(
      "SELECT id, platform_id, handle, bio FROM accounts WHERE dataset_id = ? AND (bio GLOB '*[0-9]*' OR bio LIKE '%teen%' OR bio LIKE '%ten%' OR bio LIKE '%eleven%' OR bio LIKE '%twelve%' OR bio LIKE '%minor%') ORDER BY id",
    )
    .all(datasetId) as { id: number; platform_id: string; handle: string | null; bio: string }[];
  const minors: ExcludedAccount[] = [];
  for (const row of rows) {
    const stated = statedMinorAge(row.bio);
    if (stated === null) continue;
    minors.push({ accountId: row.id, platformId: row.platform_id, handle: row.handle, reason: stated.age === null ? `bio says the author is a minor ("${stated.phrase}")` : `bio states age ${stated.age} ("${stated.phrase}")` });
  }
  return minors;
}
