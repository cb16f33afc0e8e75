import type { ImportContext } from '../context';

export async function importGraphMl(context: ImportContext): Promise<void> {
  throw context.source.error('the graphml importer is not written yet', {});
}
