import type { Db } from '../store/db';
import type Database from 'better-sqlite3';

/**
 * Buffers rows and writes them with one multi-row INSERT per batch: far fewer statement executions than one
 * INSERT per row, which is what bounds bulk-import speed in better-sqlite3.
 */
export class BatchInserter {
  private readonly values: unknown[] = [];
  private readonly full: Database.Statement;
  private readonly single: Database.Statement;
  private readonly width: number;

  constructor(
    db: Db,
    table: string,
    columns: readonly string[],
    private readonly rowsPerBatch = 128,
  ) {
    this.width = columns.length;
    const row = `(${columns.map(() => '?').join(',')})`;
    const head = `INSERT INTO ${table} (${columns.join(',')}) VALUES `;
    this.full = db.prepare(head + Array.from({ length: rowsPerBatch }, () => row).join(','));
    this.single = db.prepare(head + row);
  }

  get pendingRows(): number {
    return this.values.length / this.width;
  }

  /** Appends one row; returns true when the buffer is full and should be flushed. */
  add(...row: unknown[]): boolean {
    for (const value of row) this.values.push(value);
    return this.values.length >= this.width * this.rowsPerBatch;
  }

  /** Writes the buffered rows; with `fullBatchesOnly`, a remainder smaller than a batch stays buffered. */
  flush(fullBatchesOnly = false): void {
    const values = this.values;
    const batchValues = this.width * this.rowsPerBatch;
    let start = 0;
    for (; start + batchValues <= values.length; start += batchValues) {
      this.full.run(values.slice(start, start + batchValues));
    }
    if (fullBatchesOnly) {
      values.splice(0, start);
      return;
    }
    for (; start < values.length; start += this.width) this.single.run(values.slice(start, start + this.width));
    values.length = 0;
  }
}
