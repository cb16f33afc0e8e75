import type { ImportContext } from '../context';

export async function importCsv(context: ImportContext): Promise<void> {
  throw context.source.error('the csv importer is not written yet', {});
}
