import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/main/import/detect';
import { datasetsDir, tempDir } from '../helpers';

describe('format detection by content', () => {
  const real: [string, string][] = [
    ['twitter-v2/brexit.jsonl', 'twitter-v2'],
    ['twitter-v2/kpop.jsonl', 'twitter-v2'],
    ['twitter-v2/two_tweets.jsonl', 'twitter-v2'],
    ['twitter-v2/mentions_tweet.jsonl', 'twitter-v2'],
    ['twitter-v2/flat.jsonl', 'twitter-v2-flat'],
    ['twitter-v2/users.jsonl', 'twitter-v2-users'],
    ['twitter-v1/germanwings-crash-all-rnr-threads.non-rumours.json', 'twitter-v1'],
    ['cascades-twitter15/tree/265953285247209472.txt', 'tree'],
    ['congress-twitter/congress.edgelist', 'edgelist'],
    ['karate/karate_club_weighted.csv', 'csv'],
    ['karate/karate_club_nodes.csv', 'csv'],
    ['lesmis/les_miserables.gexf', 'gexf'],
    ['lesmis/miserables.graphml', 'graphml'],
  ];
  for (const [file, format] of real) {
    it(`${file} is ${format}`, () => expect(detectFormat(path.join(datasetsDir, file))).toBe(format));
  }

  it('ignores the extension: a SNAP edge list named .txt, a tab-separated pair of ids, a tree named .csv', () => {
    const dir = tempDir();
    const write = (name: string, text: string) => {
      fs.writeFileSync(path.join(dir, name), text);
      return path.join(dir, name);
    };
    expect(detectFormat(write('edges.txt', '# FromNodeId\tToNodeId\n0\t1\n1\t2\n'))).toBe('edgelist');
    expect(detectFormat(write('pairs.tsv', '12\t34\n'))).toBe('edgelist');
    expect(detectFormat(write('tree.csv', "['ROOT', 'ROOT', '0.0']->['1', '2', '0.0']\n"))).toBe('tree');
    expect(detectFormat(write('named.tsv', 'from\tto\nann\tbob\n'))).toBe('csv');
  });
});
