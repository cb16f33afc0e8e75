import type { ImportFormat } from '../../../shared/domain';
import type { FormatImporter } from '../context';

/**
 * One importer per format; the explicit map is the list of what `--format` accepts. Each importer's module (and
 * its parser: csv-parse, saxes) is loaded when a file of its format is imported, not when the engine starts.
 */
export const formatImporters: Record<ImportFormat, FormatImporter> = {
  'twitter-v2': async (context) => (await import('./twitter-v2')).importTwitterV2Pages(context),
  'twitter-v2-flat': async (context) => (await import('./twitter-v2-flat')).importTwitterV2Flat(context),
  'twitter-v2-users': async (context) => (await import('./twitter-v2-users')).importTwitterV2Users(context),
  'twitter-v1': async (context) => (await import('./twitter-v1')).importTwitterV1(context),
  tree: async (context) => (await import('./tree')).importTree(context),
  csv: async (context) => (await import('./csv')).importCsv(context),
  edgelist: async (context) => (await import('./edgelist')).importEdgeList(context),
  gexf: async (context) => (await import('./gexf')).importGexf(context),
  graphml: async (context) => (await import('./graphml')).importGraphMl(context),
  'network-json': async (context) => (await import('./network-json')).importNetworkJson(context),
  'author-tweets-csv': async (context) => (await import('./author-tweets-csv')).importAuthorTweetsCsv(context),
};
