import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/main/import/detect';
import { runImport, type ImportRequest } from '../../src/main/import/run-import';
import type { Db } from '../../src/main/store/db';
import { datasetsDir, snapshot, tempDb, tempDir } from '../helpers';

/*
 * The Congress Twitter network's own files (Fink et al. 2023): the adjacency JSON, checked against what this test
 * reads from the raw JSON and from congress.edgelist, and the authors' toy per-author tweet tables.
 */

const congress = path.join(datasetsDir, 'congress-twitter');
const networkJson = path.join(congress, 'congress_network_data.json');
const edgeList = path.join(congress, 'congress.edgelist');
const toyDir = path.join(congress, 'test_data');
const toyFiles = [0, 1, 2, 3].map((author) => path.join(toyDir, `${author}_tweets.csv`));

let db: Db;
beforeEach(() => {
  db = tempDb().db;
});
afterEach(() => db.close());

const sorted = <T>(items: T[]) => items.map((item) => JSON.stringify(item)).sort();

/** Stored interactions as [actor platform id, target platform id, kind, weight, directed, post platform id]. */
function storedInteractions(dataset: string) {
  return db.prepare(`SELECT a.platform_id, t.platform_id, i.kind, i.weight, i.directed, p.platform_id FROM interactions i
    JOIN accounts a ON a.id = i.actor_id JOIN accounts t ON t.id = i.target_id JOIN datasets d ON d.id = i.dataset_id
    LEFT JOIN posts p ON p.id = i.post_id WHERE d.name = ?`).raw().all(dataset);
}

async function expectReimportUnchanged(request: ImportRequest) {
  const before = snapshot(db);
  const again = await runImport(db, request);
  expect(again.files.every((file) => file.status === 'unchanged')).toBe(true);
  expect(snapshot(db)).toEqual(before);
}

function write(name: string, content: string): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, content);
  return file;
}

describe('detection by content', () => {
  it('names the network JSON and the tweet tables whatever the file is called', () => {
    expect(detectFormat(networkJson)).toBe('network-json');
    for (const file of toyFiles) expect(detectFormat(file)).toBe('author-tweets-csv');
    expect(detectFormat(write('graph.txt', '{"usernameList": ["a"], "inList": [[]]}'))).toBe('network-json');
    expect(detectFormat(write('tweets.json', 'TweetID,replied_to_author_ids,retweeted_author_ids,quoted_author_ids,mentioned_user_ids\r\n'))).toBe('author-tweets-csv');
    expect(detectFormat(write('5_tweets.csv', 'TweetID,replied_to_author_ids\n1,[]\n'))).toBe('csv');
  });
});

describe('network JSON (congress_network_data.json)', () => {
  it('imports every outList edge with its weight and every node with its handle: the same graph as congress.edgelist', async () => {
    const [network] = JSON.parse(fs.readFileSync(networkJson, 'utf8')) as {
      outList: number[][]; outWeight: number[][]; usernameList: string[];
    }[];
    const fromJson = network!.outList.flatMap((targets, node) =>
      targets.map((target, k) => [String(node), String(target), 'edge', network!.outWeight[node]![k]!, 1, null]));
    const fromEdgeList = fs.readFileSync(edgeList, 'utf8').split('\n').filter((line) => line !== '').map((line) => {
      const [, u, v, w] = /^(\S+) (\S+) \{'weight': ([^}]+)\}$/.exec(line)!;
      return [u, v, 'edge', Number(w), 1, null];
    });
    expect(fromJson).toHaveLength(13_289);

    const out = await runImport(db, { paths: [networkJson], dataset: 'congress' });
    expect(out.files[0]!.format).toBe('network-json');
    expect(out.totals.interactions.edge).toBe(fromJson.length);
    expect(out.totals.accounts).toBe(network!.usernameList.length);
    const stored = sorted(storedInteractions('congress'));
    expect(stored).toEqual(sorted(fromJson));
    expect(stored).toEqual(sorted(fromEdgeList));
    const accounts = db.prepare('SELECT platform_id, handle, placeholder FROM accounts ORDER BY CAST(platform_id AS INTEGER)').raw().all();
    expect(accounts).toEqual(network!.usernameList.map((handle, node) => [String(node), handle, 0]));
    expect(accounts[0]).toEqual(['0', 'SenatorBaldwin', 0]);
    await expectReimportUnchanged({ paths: [networkJson], dataset: 'congress' });
  });

  it('shares node ids with congress.edgelist: imported into one dataset, the JSON gives the edge list\'s accounts handles', async () => {
    await runImport(db, { paths: [edgeList], dataset: 'both' });
    const edges = db.prepare('SELECT count(*) FROM interactions').pluck().get() as number;
    const out = await runImport(db, { paths: [networkJson], dataset: 'both' });
    expect(out.totals.accounts).toBe(475);
    expect(out.totals.interactions.edge).toBe(2 * edges);
    expect(db.prepare('SELECT count(*) FROM accounts WHERE handle IS NULL').pluck().get()).toBe(0);
  });
});

describe('per-author tweet tables (test_data/N_tweets.csv)', () => {
  it('derives the SPEC tweet interactions from the toy files, all accounts placeholders', async () => {
    const rows = toyFiles.flatMap((file) => fs.readFileSync(file, 'utf8').split('\n').slice(1).filter((line) => line !== ''));
    const out = await runImport(db, { paths: toyFiles, dataset: 'toy' });
    expect(out.files.map((file) => file.format)).toEqual(toyFiles.map(() => 'author-tweets-csv'));
    expect(out.totals.posts).toBe(rows.length);
    expect(sorted(storedInteractions('toy'))).toEqual(sorted([
      ['0', '2', 'quote', 1, 1, '0'],
      ['0', '2', 'retweet', 1, 1, '1'], // its mention of 2 belongs to the retweeted post
      ['0', '2', 'retweet', 1, 1, '2'],
      ['0', '1', 'mention', 1, 1, '3'],
      ['0', '2', 'mention', 1, 1, '3'],
      ['0', '3', 'mention', 1, 1, '3'],
      ['1', '0', 'mention', 1, 1, '103'],
      ['2', '0', 'retweet', 1, 1, '200'],
      ['2', '3', 'quote', 1, 1, '201'],
      ['2', '3', 'reply', 1, 1, '202'],
    ]));
    const posts = db.prepare(`SELECT p.platform_id, a.platform_id, p.kind FROM posts p JOIN accounts a ON a.id = p.author_id
      ORDER BY CAST(p.platform_id AS INTEGER)`).raw().all();
    expect(posts).toEqual([
      ['0', '0', 'quote'], ['1', '0', 'retweet'], ['2', '0', 'retweet'], ['3', '0', 'original'], ['4', '0', 'original'],
      ['100', '1', 'original'], ['101', '1', 'original'], ['102', '1', 'original'], ['103', '1', 'original'],
      ['200', '2', 'retweet'], ['201', '2', 'quote'], ['202', '2', 'reply'], ['300', '3', 'original'], ['301', '3', 'original'],
    ]);
    expect(db.prepare('SELECT platform_id, placeholder FROM accounts ORDER BY platform_id').raw().all())
      .toEqual([['0', 1], ['1', 1], ['2', 1], ['3', 1]]);
    await expectReimportUnchanged({ paths: toyFiles, dataset: 'toy' });
  });

  it('drops self-mentions, repeated mentions and the replied-to account\'s mention, and derives nothing again from a tweet already stored', async () => {
    const header = 'TweetID,replied_to_author_ids,retweeted_author_ids,quoted_author_ids,mentioned_user_ids';
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, '7_tweets.csv'), `${header}\n70,[8],[],[],"[7, 8, 9, 9]"\n`);
    fs.writeFileSync(path.join(dir, '8_tweets.csv'), `${header}\n70,[],[],[],[1]\n80,[],[],[],[]\n`);
    await runImport(db, { paths: [path.join(dir, '7_tweets.csv'), path.join(dir, '8_tweets.csv')], dataset: 'small' });
    expect(sorted(storedInteractions('small'))).toEqual(sorted([
      // Tweet 70 replies to 8: the "@8" it carries is that reply, not a second interaction (SPEC, derivation rules).
      ['7', '8', 'reply', 1, 1, '70'], ['7', '9', 'mention', 1, 1, '70'],
    ]));
  });

  it('--skip-invalid skips bad rows with their lines and imports the rest', async () => {
    const file = write('9_tweets.csv', 'TweetID,replied_to_author_ids,retweeted_author_ids,quoted_author_ids,mentioned_user_ids\n' +
      '90,[],[],[],[1]\n91,[],[x],[],[]\n92,[],[],[]\n93,[],[2],[],[]\n');
    const out = await runImport(db, { paths: [file], dataset: 'skip', skipInvalid: true });
    expect(out.files[0]).toMatchObject({ skipped: 2, skipReasons: [
      'line 3: the retweeted_author_ids cell "[x]" is not a list of account ids such as [] or [1, 2]',
      'line 4: the row has 4 fields, the header has 5',
    ] });
    expect(out.totals.interactions).toMatchObject({ mention: 1, retweet: 1 });
  });
});

describe('bad inputs: a clear message, and the database exactly as it was', () => {
  beforeEach(async () => {
    await runImport(db, { paths: [toyFiles[0]!], dataset: 'base' });
  });

  async function expectFailure(file: string, message: string, request: Partial<ImportRequest> = {}) {
    const before = snapshot(db);
    const error = await runImport(db, { paths: [file], dataset: 'base', ...request }).then(() => undefined, (e: Error) => e);
    expect(error?.message).toBe(message);
    expect(snapshot(db)).toEqual(before);
  }

  const header = 'TweetID,replied_to_author_ids,retweeted_author_ids,quoted_author_ids,mentioned_user_ids';
  const tables: [string, string, (file: string) => string, Partial<ImportRequest>?][] = [
    ['tweets.csv', `${header}\n1,[],[],[],[]\n`, (f) => `${f}: the author of a tweet table is named by its file name, ` +
      "which must be AUTHORID_tweets.csv (as in 412_tweets.csv, the author's numeric account id)"],
    ['5_tweets.csv', `${header}\n1,[],[],[],[]\n2,[],[],[],"[1, x]"\n`,
      (f) => `${f}:3: the mentioned_user_ids cell "[1, x]" is not a list of account ids such as [] or [1, 2]`],
    ['5_tweets.csv', `${header}\n1e3,[],[],[],[]\n`, (f) => `${f}:2: the TweetID "1e3" is not a tweet id (digits)`],
    ['5_tweets.csv', `${header}\n1,[],[],[]\n`, (f) => `${f}:2: the row has 4 fields, the header has 5`],
    ['5_tweets.csv', `${header}\n1,[],"[1, 2]",[],[]\n`,
      (f) => `${f}:2: the retweeted_author_ids cell "[1, 2]" names 2 accounts; a tweet has at most one`],
    ['5_tweets.csv', 'id,club\n1,a\n', (f) => `${f}:1: expected the header ${header}, found "id,club"`, { format: 'author-tweets-csv' }],
  ];
  it.each(tables)('tweet table %s: %s', async (name, content, message, request) => {
    const file = write(name, content);
    await expectFailure(file, message(file), request);
  });

  const network = (lists: Record<string, unknown>) => JSON.stringify([{ inList: [[1], []], inWeight: [[0.5], []],
    outList: [[], [0]], outWeight: [[], [0.5]], usernameList: ['a', 'b'], ...lists }]);
  const shape = '{inList, inWeight, outList, outWeight, usernameList}';
  const networks: [string, string, string, number][] = [
    ['lists of different lengths', network({ usernameList: ['a', 'b', 'c'] }),
      'inList has 2 entries but usernameList has 3; each list has one entry per node', 2],
    ['targets and weights out of step', network({ outWeight: [[], [0.5, 0.1]] }), 'outList[1] has 1 nodes but outWeight[1] has 2 weights', 61],
    ['inList and outList disagreeing', network({ inList: [[], []], inWeight: [[], []] }),
      'inList holds 0 edges but outList holds 1; both must list the same edges', 2],
    ['a target that is not a node', network({ outList: [[], [5]] }), 'expected outList[1][0] to be a node index from 0 to 1, found "5"', 42],
    ['a weight that is not a number', network({ outWeight: [[], ['heavy']] }), 'expected outWeight[1][0] to be a number, found "\\"heavy\\""', 61],
    ['a missing list', '[{"inList": [], "outList": []}]', `the network has no "inWeight" list; expected ${shape}`, 0],
    ['two networks', `[${network({}).slice(1, -1)}, {}]`, `expected an array holding one network object ${shape}, found 2 elements`, 0],
    ['truncated JSON', '[{"inList": [[1], ', 'malformed JSON: Unexpected end of JSON input', 18],
  ];
  it.each(networks)('network JSON with %s', async (_, content, message, offset) => {
    const file = write('network.json', content);
    await expectFailure(file, `${file} at byte ${offset}: ${message}`);
  });

  it('malformed network JSON names the byte where parsing stopped', async () => {
    const file = write('network.json', '[{"inList": [[1]');
    const error = await runImport(db, { paths: [file], dataset: 'base' }).then(() => undefined, (e: Error) => e);
    // The rest of the message is V8's own wording, which changes between Node versions.
    expect(error?.message.startsWith(`${file} at byte 16: malformed JSON: `)).toBe(true);
  });

  it('network JSON over 512 MB is refused before it is read', async () => {
    const file = path.join(tempDir(), 'huge.json');
    // Sparse past the sniffed head: the file takes no disk space, and detection still sees a network JSON.
    fs.writeFileSync(file, `[{"inList": [${' '.repeat(70_000)}`);
    fs.truncateSync(file, 513_000_000);
    await expectFailure(file, `${file}: the file is 513 MB; a network JSON file is read whole, so files over 512 MB are ` +
      'refused: write the network as an edge list ("i j {\'weight\': w}" per line) instead');
  });
});
