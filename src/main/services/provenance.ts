import type { RunProvenance } from '../../shared/runs';
import { buildInfo } from '../build-info';
import type { Db } from '../store/db';

/**
 * What a new run of this dataset rests on besides its parameters. The derivation version and edge direction are
 * columns migration 005 adds to `datasets`; a database opened before that migration ran has neither, so they are
 * read from the row as it is (null when absent) rather than named in the query.
 */
export function runProvenance(db: Db, datasetId: number): RunProvenance {
  const row = (db.prepare('SELECT * FROM datasets WHERE id = ?').get(datasetId) ?? {}) as Record<string, unknown>;
  const derivation = row.derivation_version;
  const direction = row.edge_direction;
  return {
    build: buildInfo(),
    derivationVersion: typeof derivation === 'number' ? derivation : null,
    edgeDirection: typeof direction === 'string' ? direction : null,
    ties: 'mean rank',
  };
}
