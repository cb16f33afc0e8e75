import type { Db } from './db';

/** The row callback of the scan running on each connection: one SQL function per connection, never one per call. */
const current = new WeakMap<Db, (...values: unknown[]) => void>();

/**
 * Reading millions of rows through a statement iterator costs a JavaScript array per row (about 0.7 us); handing
 * each row's values to a SQL function costs a fifth of that. So large reads run as
 * `SELECT count(lens_row(...)) FROM ...`. `lens_row` is registered once per connection (with any number of
 * arguments) and calls the callback of the scan in progress: registering a fresh function per call, as this did
 * before, kept every callback alive for the connection's lifetime (one per ego network or cascades call). Scans
 * are synchronous, so one connection never runs two at once.
 */
export function scanRows<Row extends unknown[]>(
  db: Db,
  columns: string,
  from: string,
  params: unknown[],
  onRow: (...values: Row) => void,
): void {
  if (!current.has(db)) db.function('lens_row', { deterministic: false, varargs: true }, (...values: unknown[]) => current.get(db)!(...values));
  current.set(db, onRow as (...values: unknown[]) => void);
  try {
    db.prepare(`SELECT count(lens_row(${columns})) FROM ${from}`).pluck().get(...params);
  } finally {
    current.set(db, () => undefined);
  }
}

/**
 * The row-id range of a dataset's rows in a table. Imports assign ids in increasing order, so scanning this range
 * of the table (in id order: the same order whatever else the database holds) reads the dataset's rows with few
 * others between them.
 */
export function rowIdRange(db: Db, table: 'interactions' | 'posts' | 'accounts', datasetId: number): [number, number] {
  const range = db.prepare(`SELECT min(id) AS low, max(id) AS high FROM ${table} WHERE dataset_id = ?`).get(datasetId) as {
    low: number | null;
    high: number | null;
  };
  return [range.low ?? 1, range.high ?? 0];
}
