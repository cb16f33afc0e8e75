import type { ImportContext } from '../context';

export async function importTree(context: ImportContext): Promise<void> {
  throw context.source.error('the tree importer is not written yet', {});
}
