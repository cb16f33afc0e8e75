import fs from 'node:fs';
import Database from 'better-sqlite3';

/**
 * Rows per multi-row INSERT in the ceilings: 200 rows of 5 values is 1,000 bound values per statement; measured
 * here, 100 to 500 rows per statement are within a few percent of each other, and one row per statement is about
 * 3 times slower (the cost is the statement execution, not the row).
 */
const CEILING_ROWS_PER_INSERT = 200;

/** Every line of a text file, split on '\n' (a trailing '\r' removed), read in 1 MiB chunks. */
async function* fileLines(file: string): AsyncGenerator<string> {
  let pending = '';
  for await (const chunk of fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const parts = (pending + (chunk as string)).split('\n');
    pending = parts.pop()!;
    for (const line of parts) yield line.endsWith('\r') ? line.slice(0, -1) : line;
  }
  if (pending) yield pending;
}

/**
 * The ceiling for row imports: the same lines, split on their separator, stored as rows of
 * (source, target, kind, time, weight) through better-sqlite3 with multi-row INSERTs prepared once per batch size,
 * in one transaction. What any importer of these files has to do at the least: read, cut, store.
 */
export async function rowsCeiling(dbFile: string, file: string, separator: string): Promise<{ rows: number }> {
  const db = new Database(dbFile);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE rows (source TEXT NOT NULL, target TEXT NOT NULL, kind TEXT, time INTEGER, weight REAL) STRICT');
  const row = '(?,?,?,?,?)';
  const insertOf = (count: number) => db.prepare(`INSERT INTO rows VALUES ${Array.from({ length: count }, () => row).join(',')}`);
  const full = insertOf(CEILING_ROWS_PER_INSERT);
  const values: unknown[] = [];
  let rows = 0;
  let header = separator === ',';
  db.exec('BEGIN');
  for await (const line of fileLines(file)) {
    if (line === '' || line.startsWith('#')) continue;
    if (header) {
      header = false;
      continue;
    }
    const cells = line.split(separator);
    values.push(cells[0], cells[1], cells[2] ?? null, cells[3] === undefined ? null : Number(cells[3]),
      cells[4] === undefined ? 1 : Number(cells[4]));
    rows++;
    if (values.length === CEILING_ROWS_PER_INSERT * 5) {
      full.run(values);
      values.length = 0;
    }
  }
  if (values.length > 0) insertOf(values.length / 5).run(values);
  db.exec('COMMIT');
  db.close();
  return { rows };
}

/** The ceiling for tweet files: JSON.parse of every line, nothing else. */
export async function jsonCeiling(file: string): Promise<{ lines: number }> {
  let lines = 0;
  for await (const line of fileLines(file)) {
    if (!line) continue;
    JSON.parse(line);
    lines++;
  }
  return { lines };
}
