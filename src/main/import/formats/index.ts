import type { ImportFormat } from '../../../shared/domain';
import type { FormatImporter } from '../context';
import { importAuthorTweetsCsv } from './author-tweets-csv';
import { importCsv } from './csv';
import { importEdgeList } from './edgelist';
import { importGexf } from './gexf';
import { importGraphMl } from './graphml';
import { importNetworkJson } from './network-json';
import { importTree } from './tree';
import { importTwitterV1 } from './twitter-v1';
import { importTwitterV2Flat } from './twitter-v2-flat';
import { importTwitterV2Pages } from './twitter-v2';
import { importTwitterV2Users } from './twitter-v2-users';

/** One importer per format; the explicit map is the list of what `--format` accepts. */
export const formatImporters: Record<ImportFormat, FormatImporter> = {
  'twitter-v2': importTwitterV2Pages,
  'twitter-v2-flat': importTwitterV2Flat,
  'twitter-v2-users': importTwitterV2Users,
  'twitter-v1': importTwitterV1,
  tree: importTree,
  csv: importCsv,
  edgelist: importEdgeList,
  gexf: importGexf,
  graphml: importGraphMl,
  'network-json': importNetworkJson,
  'author-tweets-csv': importAuthorTweetsCsv,
};
