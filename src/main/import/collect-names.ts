import type { ImportFormat } from '../../shared/domain';
import { ImportContext } from './context';
import { formatImporters } from './formats';
import { NameCollector } from './name-collector';
import { FileSource } from './source';

interface NameScanOptions {
  skipInvalid?: boolean;
  map?: ImportContext['options']['map'];
  signal?: AbortSignal;
}

/**
 * The first pass of a pseudonymised import: every file read once for the handles and display names of its accounts (names
 * in a text may belong to accounts described later, or in another file). Bad records fail here as they would in
 * the import itself.
 */
export async function collectDisplayNames(files: readonly { path: string; format: ImportFormat }[],
  options: NameScanOptions): Promise<NameCollector> {
  const collector = new NameCollector();
  for (const file of files) {
    const context = new ImportContext(new FileSource(file.path, () => undefined), collector, {
      skipInvalid: options.skipInvalid ?? false, map: options.map, signal: options.signal,
    });
    await formatImporters[file.format](context);
    context.checkCancelled();
  }
  return collector;
}
