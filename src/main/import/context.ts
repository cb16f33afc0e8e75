import type { CsvMapping } from '../../shared/api';
import { ImportCancelledError, formatLocation, type SourceLocation } from './errors';
import type { ImportSink } from './records';
import type { FileSource } from './source';

const KEPT_SKIP_REASONS = 20;

export interface ImportOptions {
  skipInvalid: boolean;
  map?: CsvMapping;
  /** Cascade labels from a Twitter15/16 release's label.txt, by root tweet id. */
  cascadeLabels?: ReadonlyMap<string, string>;
  signal?: AbortSignal;
}

/** What a format importer gets: the file, where to put records, and how to report a bad record. */
export class ImportContext {
  skipped = 0;
  readonly skipReasons: string[] = [];

  constructor(
    readonly source: FileSource,
    readonly sink: ImportSink,
    readonly options: ImportOptions,
  ) {}

  /**
   * A record that cannot be read: stops the import, or with --skip-invalid is counted (the first reasons kept)
   * and the importer carries on with the next record.
   */
  invalid(reason: string, location: SourceLocation = { line: this.source.line }): void {
    if (!this.options.skipInvalid) throw this.source.error(reason, location);
    this.skipped++;
    if (this.skipReasons.length >= KEPT_SKIP_REASONS) return;
    const where = formatLocation(location).replace(/^:/, 'line ').trim();
    this.skipReasons.push(where ? `${where}: ${reason}` : reason);
  }

  checkCancelled(): void {
    if (this.options.signal?.aborted) throw new ImportCancelledError();
  }
}

export type FormatImporter = (context: ImportContext) => Promise<void>;
