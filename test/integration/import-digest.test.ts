import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { derivedRowsDigest } from '../../src/main/store/dataset-digest';
import { RowsDigest } from '../../src/main/store/rows-digest';
import { datasetsDir, tempDb, tempDir } from '../helpers';
import { call } from '../run-helpers';

const real = {
  congress: path.join(datasetsDir, 'congress-twitter', 'congress.edgelist'),
  karate: path.join(datasetsDir, 'karate', 'karate_club_weighted.csv'),
  germanwings: path.join(datasetsDir, 'twitter-v1', 'germanwings-crash-all-rnr-threads.non-rumours.json'),
  twitter15: path.join(datasetsDir, 'cascades-twitter15'),
  brexit: path.join(datasetsDir, 'twitter-v2', 'brexit.jsonl'),
  flat: path.join(datasetsDir, 'twitter-v2', 'flat.jsonl'),
  mentionsByHandle: path.join(datasetsDir, 'twitter-v2', 'mentions_tweet.jsonl'),
};

describe('the rows digest written while importing', () => {
  it.each(Object.entries(real))('equals the digest read back from the stored rows (%s)', async (_, file) => {
    const { db } = tempDb();
    const { totals } = await call(db, 'datasets.import', { paths: [file], dataset: 'real' });
    const stored = db.prepare('SELECT rows_sha256 FROM datasets WHERE id = ?').pluck().get(totals.dataset.id);
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(derivedRowsDigest(db, totals.dataset.id)).toBe(stored);
    db.close();
  }, 60_000);

  it('covers the rows of an earlier import when a second file is added to the dataset', async () => {
    const { db } = tempDb();
    const dir = tempDir();
    const first = path.join(dir, 'first.csv');
    const second = path.join(dir, 'second.csv');
    fs.writeFileSync(first, 'source,target,kind\na,b,retweet\nb,c,mention\n');
    fs.writeFileSync(second, 'source,target,kind\nc,a,reply\nb,c,mention\n');
    await call(db, 'datasets.import', { paths: [first], dataset: 'two-steps' });
    const { totals } = await call(db, 'datasets.import', { paths: [second], dataset: 'two-steps' });
    const both = await call(db, 'datasets.import', { paths: [first, second], dataset: 'at-once' });
    const stored = db.prepare('SELECT rows_sha256 FROM datasets WHERE id = ?').pluck();
    expect(totals.interactions.mention).toBe(2);
    expect(stored.get(totals.dataset.id)).toBe(derivedRowsDigest(db, totals.dataset.id));
    expect(stored.get(totals.dataset.id)).toBe(stored.get(both.totals.dataset.id));
    db.close();
  });
});

describe('RowsDigest', () => {
  const rows: unknown[][] = [
    ['12', '7', 'edge', null, null, 1, null, 1],
    ['7', '12', 'edge', null, null, 1, null, 1],
    ['7', '12', 'mention', '99', 1_700_000_000_000, 0.5, 'food', 0],
  ];
  const digestOf = (list: unknown[][]) => {
    const digest = new RowsDigest();
    for (const row of list) digest.add(row);
    return digest.toString();
  };

  it('is the same in any row order, and counts repeated rows', () => {
    expect(digestOf([...rows].reverse())).toBe(digestOf(rows));
    expect(digestOf([...rows, rows[0]!])).not.toBe(digestOf(rows));
    expect(digestOf(rows)).toMatch(/^3 [0-9a-f]{16}$/);
  });

  it('tells apart values that print alike: null and "null", 1 and "1", a swapped pair, a moved boundary', () => {
    const variants: unknown[][] = [[null], ['null'], [1], ['1'], ['ab', 'c'], ['a', 'bc'], ['c', 'ab'], [1, 2], [2, 1], [0], [-0]];
    const digests = variants.map((row) => digestOf([row]));
    expect(new Set(digests).size).toBe(variants.length);
  });
});
