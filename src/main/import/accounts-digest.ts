import { accountRowsById, tableDigest } from '../store/dataset-digest';
import type { Db } from '../store/db';
import { RowsDigest } from '../store/rows-digest';
import { RowIdSet } from './platform-ids';

/**
 * The digest of a dataset's accounts (store/rows-digest.ts), kept as an import writes them although it updates some
 * afterwards: a profile merged into an account first stored as a placeholder (mentioned before its user object came),
 * a handle learned later. Each new row's hash is kept (8 bytes); at the end the hashes of the rows changed since are
 * taken out and those rows read back. Reading every account back instead took 0.4 s at the end of 512 MiB of real
 * v2 pages (209k accounts), with the import thread otherwise done. A change to an account stored before the import
 * (a merge into an existing dataset) leaves no hash to take out: then the whole table is read back, as before.
 */
export class AccountsDigest {
  private readonly digest: RowsDigest;
  private hashes = new Int32Array(2 * 1024);
  private readonly changed = new RowIdSet();
  private readonly changedIds: number[] = [];
  private changedOlder = false;

  /** `firstNewId`: the row id of the first account this import writes; those below were stored before. */
  constructor(private readonly db: Db, datasetId: number, private readonly firstNewId: number) {
    this.digest = tableDigest(db, 'accounts', datasetId);
  }

  /** A new account row, as it is written (in the columns of the accounts digest query). */
  add(id: number, values: readonly unknown[]): void {
    const at = 2 * (id - this.firstNewId);
    if (at + 2 > this.hashes.length) {
      const larger = new Int32Array(Math.max(at + 2, 2 * this.hashes.length));
      larger.set(this.hashes);
      this.hashes = larger;
    }
    this.digest.add(values, this.hashes, at);
  }

  /** An account row written or stored before and changed now. */
  change(id: number): void {
    if (id < this.firstNewId) this.changedOlder = true;
    else if (!this.changed.has(id)) {
      this.changed.add(id);
      this.changedIds.push(id);
    }
  }

  /** The digest of the accounts as stored, or null when they must be read back whole; once every row is committed. */
  result(): RowsDigest | null {
    if (this.changedOlder) return null;
    const rowOf = accountRowsById(this.db);
    for (const id of this.changedIds) {
      this.digest.remove(this.hashes, 2 * (id - this.firstNewId));
      this.digest.add(rowOf(id)!);
    }
    this.changedIds.length = 0;
    return this.digest;
  }
}
