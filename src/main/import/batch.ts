import type { ImportWriter } from './writer';

/**
 * Buffers rows and writes them with one multi-row INSERT per batch: far fewer statement executions than one
 * INSERT per row, which is what bounds bulk-import speed in better-sqlite3. Within a batch, a column that holds one
 * value in every row (the dataset, the file, an edge list's kind, weight 1, no time) is bound once by name instead
 * of once per row: binding is most of an insert's cost (measured on the interactions table, 1M rows: 1.25 s with
 * its 10 columns bound per row, 0.88 s with 2).
 */
export class BatchInserter {
  private readonly values: unknown[] = [];
  /** Statements for remainders smaller than a batch, by row count (powers of two). */
  private readonly remainders = new Map<number, number>();
  private readonly row: string;
  /** Full-batch statements by the set of columns bound once (bit i: column i). */
  private readonly byShared = new Map<number, number>();
  private readonly width: number;
  private readonly head: string;

  constructor(
    private readonly writer: ImportWriter,
    table: string,
    columns: readonly string[],
    private readonly rowsPerBatch = 128,
  ) {
    if (columns.length > 30) throw new Error('BatchInserter: at most 30 columns (a bit mask names the shared ones)');
    this.width = columns.length;
    // OR FAIL: a statement that fails leaves its earlier rows instead of undoing them, so SQLite keeps no statement
    // journal (a copy of every page a multi-row INSERT first touches): 200k account rows took 20% less CPU. Any
    // failure of the writer fails the whole import, whose staging rows are then removed (run-import.ts).
    this.head = `INSERT OR FAIL INTO ${table} (${columns.join(',')}) VALUES `;
    this.row = `(${columns.map(() => '?').join(',')})`;
  }

  get pendingRows(): number {
    return this.values.length / this.width;
  }

  /**
   * The buffer a caller pushes one row onto, its values in column order as the arguments of one push: a rest
   * parameter or a spread made an array per row, about 3 per tweet.
   */
  get buffer(): unknown[] {
    return this.values;
  }

  /** True when the buffer holds a full batch and should be flushed. */
  get full(): boolean {
    return this.values.length >= this.width * this.rowsPerBatch;
  }

  /** Writes the buffered rows; with `fullBatchesOnly`, a remainder smaller than a batch stays buffered. */
  flush(fullBatchesOnly = false): void {
    const values = this.values;
    if (values.length % this.width !== 0) throw new Error(`BatchInserter: ${values.length} values do not make rows of ${this.width}`);
    const batchValues = this.width * this.rowsPerBatch;
    let start = 0;
    for (; start + batchValues <= values.length; start += batchValues) this.writeBatch(start);
    if (fullBatchesOnly) {
      values.splice(0, start);
      return;
    }
    // The remainder in runs of powers of two (64, 32, ..., 1 rows for batches of 128): at most 7 statements, where
    // one per row took up to 127.
    for (let rows = 2 ** Math.floor(Math.log2(this.rowsPerBatch)); rows >= 1; rows /= 2) {
      while (values.length - start >= rows * this.width) {
        this.writer.run(this.remainderStatement(rows), values.slice(start, start + rows * this.width));
        start += rows * this.width;
      }
    }
    values.length = 0;
  }

  private remainderStatement(rows: number): number {
    let statement = this.remainders.get(rows);
    if (statement === undefined) {
      statement = this.writer.prepare(this.head + Array.from({ length: rows }, () => this.row).join(','));
      this.remainders.set(rows, statement);
    }
    return statement;
  }

  private writeBatch(start: number): void {
    const { values, width } = this;
    const end = start + width * this.rowsPerBatch;
    let shared = 0;
    for (let column = 0; column < width; column++) {
      const first = values[start + column];
      let same = true;
      for (let at = start + column + width; at < end && same; at += width) same = Object.is(values[at], first);
      if (same) shared |= 1 << column;
    }
    const perRow: unknown[] = [];
    for (let at = start; at < end; at += width) {
      for (let column = 0; column < width; column++) if ((shared & (1 << column)) === 0) perRow.push(values[at + column]);
    }
    const statement = this.statementFor(shared);
    if (shared === 0) {
      this.writer.run(statement, perRow);
      return;
    }
    const named: Record<string, unknown> = {};
    for (let column = 0; column < width; column++) if ((shared & (1 << column)) !== 0) named[`c${column}`] = values[start + column];
    this.writer.run(statement, perRow, named);
  }

  private statementFor(shared: number): number {
    let statement = this.byShared.get(shared);
    if (statement === undefined) {
      const cells = Array.from({ length: this.width }, (_, column) => ((shared & (1 << column)) !== 0 ? `@c${column}` : '?'));
      const row = `(${cells.join(',')})`;
      statement = this.writer.prepare(this.head + Array.from({ length: this.rowsPerBatch }, () => row).join(','));
      this.byShared.set(shared, statement);
    }
    return statement;
  }
}
