import type { AccountRecord, ImportSink, InteractionRecord } from './records';

/**
 * A sink that keeps only the names a file gives its accounts (display names and handles, mentioned accounts'
 * too), for a first pass over a pseudonymised import: a name must be known before the first text that mentions it
 * is stored, since a raw name written and then replaced would stay in the database file's free pages and WAL.
 */
export class NameCollector implements ImportSink {
  /** Each display name, as written, with the account it names; a name two accounts share goes to the smaller id. */
  readonly displayNames = new Map<string, string>();
  readonly handles = new Set<string>();

  account(record: AccountRecord): void {
    if (record.handle) this.handles.add(record.handle);
    const name = record.displayName?.trim();
    if (!name) return;
    const known = this.displayNames.get(name);
    if (known === undefined || record.platformId < known) this.displayNames.set(name, record.platformId);
  }

  accountRef(_platformId: string, handle?: string | null): void {
    if (handle) this.handles.add(handle);
  }

  /** True, so that the importer goes on to the post's interactions and their handles. */
  post(): boolean {
    return true;
  }

  interaction(record: InteractionRecord): void {
    const target = record.target;
    if ('handle' in target && target.handle) this.handles.add(target.handle);
  }

  cascade(): void {}
}
