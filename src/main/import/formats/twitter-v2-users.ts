import type { ImportContext } from '../context';

export async function importTwitterV2Users(context: ImportContext): Promise<void> {
  throw context.source.error('the twitter-v2-users importer is not written yet', {});
}
