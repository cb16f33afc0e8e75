import type { Db } from './db';

let scans = 0;

/**
 * Reading millions of rows through a statement iterator costs a JavaScript array per row (about 0.7 us); handing
 * each row's values to a SQL function costs a fifth of that. So large reads run as
 * `SELECT count(lens_row(...)) FROM ...`, with `onRow` registered as `lens_row` on this connection.
 */
export function scanRows<Row extends unknown[]>(
  db: Db,
  columns: string,
  from: string,
  params: unknown[],
  onRow: (...values: Row) => void,
): void {
  // SQLite keys functions by name and argument count, the count taken from onRow's parameters: a fresh name each
  // time, so that a callback declaring fewer parameters than there are columns fails instead of reaching an older
  // callback registered with that count.
  const name = `lens_row_${++scans}`;
  db.function(name, { deterministic: false }, onRow as (...values: unknown[]) => void);
  db.prepare(`SELECT count(${name}(${columns})) FROM ${from}`).pluck().get(...params);
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
