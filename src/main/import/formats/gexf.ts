import type { ImportContext } from '../context';

export async function importGexf(context: ImportContext): Promise<void> {
  throw context.source.error('the gexf importer is not written yet', {});
}
