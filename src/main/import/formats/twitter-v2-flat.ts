import type { ImportContext } from '../context';

export async function importTwitterV2Flat(context: ImportContext): Promise<void> {
  throw context.source.error('the twitter-v2-flat importer is not written yet', {});
}
