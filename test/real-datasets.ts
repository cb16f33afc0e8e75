import path from 'node:path';
import { datasetsDir } from './helpers';

/** Every real dataset beside the project, each as the user would name it on the command line. */
export const realDatasets: Record<string, string[]> = {
  'twitter-v2': ['brexit.jsonl', 'kpop.jsonl', 'flat.jsonl', 'users.jsonl', 'two_tweets.jsonl', 'mentions_tweet.jsonl']
    .map((file) => path.join(datasetsDir, 'twitter-v2', file)),
  'twitter-v1': [path.join(datasetsDir, 'twitter-v1', 'germanwings-crash-all-rnr-threads.non-rumours.json')],
  twitter15: [path.join(datasetsDir, 'cascades-twitter15')],
  congress: [path.join(datasetsDir, 'congress-twitter', 'congress.edgelist')],
  'congress-network': [path.join(datasetsDir, 'congress-twitter', 'congress_network_data.json')],
  'congress-toy': [0, 1, 2, 3].map((author) => path.join(datasetsDir, 'congress-twitter', 'test_data', `${author}_tweets.csv`)),
  karate: ['karate_club_nodes.csv', 'karate_club_weighted.csv'].map((file) => path.join(datasetsDir, 'karate', file)),
  lesmis: [path.join(datasetsDir, 'lesmis', 'les_miserables.gexf')],
  'lesmis-graphml': [path.join(datasetsDir, 'lesmis', 'miserables.graphml')],
};
