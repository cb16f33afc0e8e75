import path from 'node:path';
import type { DatasetDerivation, ScoreWarning } from '../../shared/api';
import type { DatasetRow } from './datasets';
import type { Db } from './db';

/**
 * The importer's derivation rules (SPEC.md, "Derivation rules"), recorded on every dataset it imports:
 * 1: until issue 13: a reply's own "@" was also a `mention` (44 of the 48 replies of the bundled v2 sample counted
 *    twice), and negative or infinite weights were stored.
 * 2: a reply's own "@" is part of its `reply`; weights must be finite and 0 or more; plain edges' direction declared.
 */
export const DERIVATION_VERSION = 2;

/** More source files than this are named by their common folder in a re-import command. */
const LISTED_PATHS = 3;

export function derivationOf(db: Db, row: DatasetRow): DatasetDerivation {
  const outdated = row.derivation_version < DERIVATION_VERSION;
  return {
    version: row.derivation_version,
    current: DERIVATION_VERSION,
    reimport: outdated ? reimportCommand(db, row) : null,
  };
}

/** The commands that import the dataset's files again under the current rules, with the same options. */
export function reimportCommand(db: Db, row: DatasetRow): string {
  const paths = (db.prepare('SELECT path FROM source_files WHERE dataset_id = ? ORDER BY id').pluck().all(row.id) as string[]);
  const named = paths.length > LISTED_PATHS ? [commonFolder(paths)] : paths;
  const options = [
    `--dataset ${quote(row.name)}`,
    ...(row.edge_direction ? [`--edges ${row.edge_direction}`] : []),
    ...(row.pseudonymized ? ['--pseudonymize', ...(row.pseudonymized === 3 ? ['--hash-all-ids'] : [])] : []),
  ];
  return `lens dataset delete ${quote(row.name)} && lens import ${named.map(quote).join(' ')} ${options.join(' ')}`;
}

/**
 * What a score run on this dataset should be told: directed plain edges read in a direction nobody declared (on the
 * Congress edge list, read the wrong way round, PageRank agrees with the right direction at Spearman -0.01;
 * undirected edges read the same either way), and rows derived under older rules. `params` are the run's parameters as the user gave them.
 */
export function scoringWarnings(db: Db, row: DatasetRow, params: Record<string, unknown>): ScoreWarning[] {
  const warnings: ScoreWarning[] = [];
  const chosen = params.edge_direction;
  // Counted only when a warning may name the count: `directed` is not in the (dataset_id, kind) index, so the count
  // reads every edge row (0.35 s of a 1.25 s PageRank run on 5M edges whose direction was declared).
  const mayWarn = row.edge_direction === null ? chosen === undefined : chosen !== undefined && chosen !== row.edge_direction;
  const edges = mayWarn
    ? (db.prepare("SELECT count(*) FROM interactions WHERE dataset_id = ? AND kind = 'edge' AND directed = 1").pluck().get(row.id) as number)
    : 0;
  if (edges > 0 && row.edge_direction === null && chosen === undefined) {
    warnings.push({
      code: 'direction_undeclared',
      message: `dataset "${row.name}" has ${edges} plain graph edges whose direction was not declared at import; they were ` +
        'read as attention (the source gives attention to the target). If they point from influencer to influenced, ' +
        'as the Congress edge list does, import the file again into a new dataset declaring them influence (the ' +
        'edge direction choice of the import preview; --edges influence on the command line), or set this run\'s ' +
        'edge_direction parameter to influence',
    });
  }
  if (edges > 0 && row.edge_direction !== null && chosen !== undefined && chosen !== row.edge_direction) {
    warnings.push({
      code: 'direction_overridden',
      message: `dataset "${row.name}" declares its edges as ${row.edge_direction}; this run reads them as ${String(chosen)} (edge_direction)`,
    });
  }
  const { reimport } = derivationOf(db, row);
  if (reimport) {
    warnings.push({
      code: 'derivation_outdated',
      message: `dataset "${row.name}" was imported under derivation rules version ${row.derivation_version} ` +
        `(now ${DERIVATION_VERSION}: a reply's own @ is no second mention); re-import it: ${reimport}`,
    });
  }
  return warnings;
}

/** The parameters with the dataset's declared edge direction as the default of `edge_direction`. */
export function withDeclaredDirection(row: DatasetRow, params: Record<string, unknown>): Record<string, unknown> {
  if (params.edge_direction !== undefined || row.edge_direction === null) return params;
  return { ...params, edge_direction: row.edge_direction };
}

function commonFolder(paths: readonly string[]): string {
  let folder = path.dirname(paths[0]!);
  while (!paths.every((file) => file.startsWith(folder + path.sep)) && path.dirname(folder) !== folder) folder = path.dirname(folder);
  return folder;
}

function quote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
