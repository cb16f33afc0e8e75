import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/main/import/run-import';
import { datasetsDir, snapshot, tempDb } from '../helpers';

/** Every real dataset beside the project, each as the user would name it on the command line. */
const realDatasets: Record<string, string[]> = {
  'twitter-v2': ['brexit.jsonl', 'kpop.jsonl', 'flat.jsonl', 'users.jsonl', 'two_tweets.jsonl', 'mentions_tweet.jsonl']
    .map((file) => path.join(datasetsDir, 'twitter-v2', file)),
  'twitter-v1': [path.join(datasetsDir, 'twitter-v1', 'germanwings-crash-all-rnr-threads.non-rumours.json')],
  twitter15: [path.join(datasetsDir, 'cascades-twitter15')],
  congress: [path.join(datasetsDir, 'congress-twitter', 'congress.edgelist')],
  karate: ['karate_club_nodes.csv', 'karate_club_weighted.csv'].map((file) => path.join(datasetsDir, 'karate', file)),
  lesmis: [path.join(datasetsDir, 'lesmis', 'les_miserables.gexf')],
  'lesmis-graphml': [path.join(datasetsDir, 'lesmis', 'miserables.graphml')],
};

describe('all real datasets in one database', () => {
  it('import with references intact (foreign keys are paused during an import), and a second import changes nothing', async () => {
    const { db } = tempDb();
    for (const [dataset, paths] of Object.entries(realDatasets)) {
      const { files } = await runImport(db, { paths, dataset });
      expect(files.every((file) => file.status === 'imported'), dataset).toBe(true);
    }
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const before = snapshot(db);
    expect(before.integrity).toBe('ok');
    for (const [dataset, paths] of Object.entries(realDatasets)) {
      const { files } = await runImport(db, { paths, dataset });
      expect(files.every((file) => file.status === 'unchanged'), dataset).toBe(true);
    }
    expect(snapshot(db)).toEqual(before);
  });
});
