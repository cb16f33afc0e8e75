import type { ImportContext } from '../context';

export async function importTwitterV1(context: ImportContext): Promise<void> {
  throw context.source.error('the twitter-v1 importer is not written yet', {});
}
