import type { ImportContext } from '../context';

export async function importTwitterV2Pages(context: ImportContext): Promise<void> {
  throw context.source.error('the twitter-v2 importer is not written yet', {});
}
