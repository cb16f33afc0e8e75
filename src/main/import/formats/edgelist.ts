import type { ImportContext } from '../context';

export async function importEdgeList(context: ImportContext): Promise<void> {
  throw context.source.error('the edgelist importer is not written yet', {});
}
