import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AccountsDigest } from '../../src/main/import/accounts-digest';
import { derivedRowsDigest, tableDigest } from '../../src/main/store/dataset-digest';
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

describe('the accounts digest of an import that changes accounts it wrote', () => {
  it('equals the digest read back when a placeholder gets its profile, a handle is learned and a profile changes', async () => {
    const { db } = tempDb();
    const file = path.join(tempDir(), 'pages.jsonl');
    const user = (id: string, username: string, name: string) => ({ id, username, name, description: `bio of ${name}`,
      public_metrics: { followers_count: 10, following_count: 2, tweet_count: 3, listed_count: 0 } });
    const tweet = (id: string, author: string, mention: { id?: string; username: string }) => ({
      id, author_id: author, text: `@${mention.username} hello`, created_at: '2024-01-01T00:00:00.000Z',
      entities: { mentions: [{ start: 0, end: 1 + mention.username.length, ...mention }] } });
    const pages = [
      // 2001 is mentioned by id only (a placeholder without handle), 2002 by id and handle (a placeholder with one).
      { data: [tweet('1', '1001', { id: '2001', username: 'zed' }), tweet('2', '1001', { id: '2002', username: 'amy' })],
        includes: { users: [user('1001', 'ann', 'Ann')] } },
      // Their profiles come later; 1001's name changes.
      { data: [tweet('3', '2001', { id: '1001', username: 'ann' })],
        includes: { users: [user('2001', 'zed', 'Zed'), user('2002', 'amy', 'Amy'), user('1001', 'ann', 'Ann B.')] } },
    ];
    fs.writeFileSync(file, pages.map((page) => JSON.stringify(page)).join('\n') + '\n');
    const { totals } = await call(db, 'datasets.import', { paths: [file], dataset: 'changing' });
    const accounts = db.prepare('SELECT platform_id, handle, display_name, placeholder FROM accounts WHERE dataset_id = ? ORDER BY platform_id')
      .all(totals.dataset.id);
    expect(accounts).toEqual([
      { platform_id: '1001', handle: 'ann', display_name: 'Ann B.', placeholder: 0 },
      { platform_id: '2001', handle: 'zed', display_name: 'Zed', placeholder: 0 },
      { platform_id: '2002', handle: 'amy', display_name: 'Amy', placeholder: 0 },
    ]);
    const stored = db.prepare('SELECT rows_sha256 FROM datasets WHERE id = ?').pluck().get(totals.dataset.id);
    expect(derivedRowsDigest(db, totals.dataset.id)).toBe(stored);
    db.close();
  });
});

describe('AccountsDigest', () => {
  it('reads back only the rows changed, and everything when a row stored before the import changed', () => {
    const { db } = tempDb();
    db.prepare("INSERT INTO datasets (id, name, created_at, updated_at) VALUES (1, 'd', '', '')").run();
    const insert = db.prepare(`INSERT INTO accounts (id, dataset_id, platform_id, handle, placeholder) VALUES (?, 1, ?, ?, ?)`);
    insert.run(1, 'old', 'o', 0);
    const digest = new AccountsDigest(db, 1, 2);
    const row = (platformId: string, handle: string | null, placeholder: number) =>
      [platformId, handle, null, null, null, null, null, null, null, placeholder, null];
    for (const [id, platformId] of [[2, 'a'], [3, 'b'], [4, 'c']] as const) {
      insert.run(id, platformId, null, 1);
      digest.add(id, row(platformId, null, 1));
    }
    db.prepare("UPDATE accounts SET handle = 'bee', placeholder = 0 WHERE id = 3").run();
    digest.change(3);
    digest.change(3);
    expect(digest.result()?.toString()).toBe(tableDigest(db, 'accounts', 1).toString());
    digest.change(1);
    expect(digest.result()).toBeNull();
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

  it('takes a row out again by the hash add() kept for it', () => {
    const digest = new RowsDigest();
    const hashes = new Int32Array(2 * rows.length);
    rows.forEach((row, index) => digest.add(row, hashes, 2 * index));
    digest.remove(hashes, 2);
    expect(digest.toString()).toBe(digestOf([rows[0]!, rows[2]!]));
    digest.add(['changed']);
    expect(digest.toString()).toBe(digestOf([rows[0]!, rows[2]!, ['changed']]));
  });

  it('tells apart values that print alike: null and "null", 1 and "1", a swapped pair, a moved boundary', () => {
    const variants: unknown[][] = [[null], ['null'], [1], ['1'], ['ab', 'c'], ['a', 'bc'], ['c', 'ab'], [1, 2], [2, 1], [0], [-0]];
    const digests = variants.map((row) => digestOf([row]));
    expect(new Set(digests).size).toBe(variants.length);
  });
});
