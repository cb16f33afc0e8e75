import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runImport, type ImportRequest } from '../../src/main/import/run-import';
import type { Db } from '../../src/main/store/db';
import { datasetsDir, fixturesDir, snapshot, tempDb, tempDir } from '../helpers';

/*
 * Graph and cascade imports of the real files in ../shared/datasets, checked against what this test reads from the
 * raw files with its own, deliberately simple parsing (regexes and split), never against numbers from the importer.
 */

const release = path.join(datasetsDir, 'cascades-twitter15');
const treeDir = path.join(release, 'tree');
const congress = path.join(datasetsDir, 'congress-twitter', 'congress.edgelist');
const karateEdges = path.join(datasetsDir, 'karate', 'karate_club_weighted.csv');
const karateNodes = path.join(datasetsDir, 'karate', 'karate_club_nodes.csv');
const gexf = path.join(datasetsDir, 'lesmis', 'les_miserables.gexf');
const graphml = path.join(datasetsDir, 'lesmis', 'miserables.graphml');
// Hand-made fixtures (see test/fixtures/graphs/README.md).
const fixtures = path.join(fixturesDir, 'graphs');

let db: Db;
beforeEach(() => {
  db = tempDb().db;
});
afterEach(() => db.close());

const read = (file: string) => fs.readFileSync(file, 'utf8');
const lines = (file: string) => read(file).split('\n').map((line) => line.replace(/\r$/, '')).filter((line) => line !== '');
const sorted = <T>(items: T[]) => items.map((item) => JSON.stringify(item)).sort();

/** Stored interactions as [actor platform id, target platform id, kind, weight, directed, time, topic]. */
function storedInteractions(dataset: string) {
  return db.prepare(`SELECT a.platform_id, t.platform_id, i.kind, i.weight, i.directed, i.time, i.topic FROM interactions i
    JOIN accounts a ON a.id = i.actor_id JOIN accounts t ON t.id = i.target_id JOIN datasets d ON d.id = i.dataset_id
    WHERE d.name = ?`).raw().all(dataset) as [string, string, string, number, number, number | null, string | null][];
}

async function expectReimportUnchanged(request: ImportRequest) {
  const before = snapshot(db);
  const again = await runImport(db, request);
  expect(again.files.every((file) => file.status === 'unchanged')).toBe(true);
  expect(snapshot(db)).toEqual(before);
}

/** A tree file as the test reads it: distinct lines, the root, nodes as "uid|tweet|delay", the first parent of each node. */
function readTree(file: string) {
  const pattern = /^\['(.*)', '(.*)', '(.*)'\]->\['(.*)', '(.*)', '(.*)'\]$/;
  const edges = [...new Set(lines(file))].map((line) => pattern.exec(line)!.slice(1));
  const rootEdge = edges.find((edge) => edge[0] === 'ROOT')!;
  const root = rootEdge.slice(3).join('|');
  const rootTweet = rootEdge[4]!;
  const children = edges.filter((edge) => edge[0] !== 'ROOT');
  const nodes = new Set([root, ...children.flatMap((edge) => [edge.slice(0, 3).join('|'), edge.slice(3).join('|')])]);
  const firstParent = new Map<string, string>();
  for (const edge of children) {
    const [parent, child] = [edge.slice(0, 3).join('|'), edge.slice(3).join('|')];
    if (child !== root && child !== parent && !firstParent.has(child)) firstParent.set(child, parent);
  }
  const interactions = children.map((edge) => [edge[3], edge[0], edge[4] === rootTweet ? 'retweet' : 'reply', 1, 1, null, null]);
  return { rootTweet, root, nodes, firstParent, interactions, uids: [...nodes].map((node) => node.split('|')[0]!) };
}

function storedCascade(rootTweet: string) {
  const cascade = db.prepare('SELECT id, label FROM cascades WHERE root_post_platform_id = ?').get(rootTweet) as { id: number; label: string | null };
  const nodes = db.prepare(`SELECT n.node_index, a.platform_id AS uid, n.post_platform_id AS tweet, n.parent_index, n.delay_minutes
    FROM cascade_nodes n JOIN accounts a ON a.id = n.account_id WHERE cascade_id = ? ORDER BY node_index`).all(cascade.id) as
    { node_index: number; uid: string; tweet: string; parent_index: number | null; delay_minutes: number }[];
  return { label: cascade.label, nodes };
}

/** Checks one stored cascade against the raw tree file: nodes, delays as given, root first, each node's first parent. */
function expectCascadeMatches(file: string, label: string | null) {
  const tree = readTree(file);
  const cascade = storedCascade(tree.rootTweet);
  expect(cascade.label).toBe(label);
  const key = (node: { uid: string; tweet: string; delay_minutes: number }, delays: Map<string, number>) =>
    [...delays.entries()].find(([k, d]) => k.startsWith(`${node.uid}|${node.tweet}|`) && d === node.delay_minutes)![0];
  const delays = new Map([...tree.nodes].map((node) => [node, Number(node.split('|')[2])]));
  const keys = cascade.nodes.map((node) => key(node, delays));
  expect(new Set(keys)).toEqual(tree.nodes);
  expect(keys[0]).toBe(tree.root);
  expect(cascade.nodes[0]!.parent_index).toBeNull();
  cascade.nodes.slice(1).forEach((node, at) => {
    expect(node.parent_index === null ? null : keys[node.parent_index], keys[at + 1]).toBe(tree.firstParent.get(keys[at + 1]!) ?? null);
  });
}

const labels = new Map(lines(path.join(release, 'label.txt')).map((line) => line.split(':').reverse() as [string, string]));
const treeFiles = fs.readdirSync(treeDir).sort().map((name) => path.join(treeDir, name));

describe('propagation trees (Twitter15)', () => {
  it('imports the release folder: one labelled cascade per tree, retweets and replies from the distinct lines', async () => {
    const out = await runImport(db, { paths: [release], dataset: 't15' });
    const trees = treeFiles.map(readTree);
    expect(out.totals.cascades).toBe(treeFiles.length);
    expect(out.totals.accounts).toBe(new Set(trees.flatMap((tree) => tree.uids)).size);
    const expected = trees.flatMap((tree) => tree.interactions);
    expect(out.totals.interactions.retweet).toBe(expected.filter((row) => row[2] === 'retweet').length);
    expect(out.totals.interactions.reply).toBe(expected.filter((row) => row[2] === 'reply').length);
    expect(sorted(storedInteractions('t15'))).toEqual(sorted(expected));
    for (const file of treeFiles) expectCascadeMatches(file, labels.get(path.basename(file, '.txt'))!);
    const sources = db.prepare('SELECT path FROM source_files').pluck().all() as string[];
    expect(sources).toContain(path.join(release, 'label.txt'));
    await expectReimportUnchanged({ paths: [release], dataset: 't15' });
  });

  it('imports a single tree file (no label.txt beside it: no label)', async () => {
    const file = treeFiles[5]!;
    const out = await runImport(db, { paths: [file], dataset: 'one' });
    expect(out.totals.cascades).toBe(1);
    expect(sorted(storedInteractions('one'))).toEqual(sorted(readTree(file).interactions));
    expectCascadeMatches(file, null);
    await expectReimportUnchanged({ paths: [file], dataset: 'one' });
  });

  it('imports the tree/ folder alone', async () => {
    const out = await runImport(db, { paths: [treeDir], dataset: 'trees' });
    expect(out.totals.cascades).toBe(treeFiles.length);
    expect(db.prepare('SELECT count(*) FROM cascades WHERE label IS NOT NULL').pluck().get()).toBe(0);
  });

  it('takes the first parent even when listed after the child, skips a parent that would close a cycle', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'cycle.txt');
    fs.writeFileSync(file, [
      "['2', 't2', '1.0']->['3', 't3', '0.5']", // a parent before its own parent is known; a delay below the parent's
      "['3', 't3', '0.5']->['2', 't2', '1.0']", // would make 2 and 3 each other's parent: passed over
      "['ROOT', 'ROOT', '0.0']->['1', 't1', '0.0']",
      "['1', 't1', '0.0']->['2', 't2', '1.0']",
      "['1', 't1', '0.0']->['2', 't2', '1.0']", // repeated: counts once
      "['3', 't3', '0.5']->['3', 't3', '0.5']", // a self-loop, as in the release
      "['2', 't2', '1.0']->['4', 't1', '2.0']",
    ].join('\n'));
    const out = await runImport(db, { paths: [file], dataset: 'cycle' });
    expect(out.totals.interactions).toMatchObject({ retweet: 1, reply: 4 });
    const { nodes } = storedCascade('t1');
    expect(nodes.map((n) => [n.uid, n.parent_index === null ? null : nodes[n.parent_index]!.uid, n.delay_minutes])).toEqual([
      ['1', null, 0], ['2', '1', 1], ['3', '2', 0.5], ['4', '2', 2],
    ]);
  });
});

describe('edge lists, CSV, GEXF and GraphML', () => {
  it('imports the congress networkx edge list with its weights', async () => {
    const expected = lines(congress).map((line) => {
      const [, u, v, w] = /^(\S+) (\S+) \{'weight': ([^}]+)\}$/.exec(line)!;
      return [u, v, 'edge', Number(w), 1, null, null];
    });
    const out = await runImport(db, { paths: [congress], dataset: 'congress' });
    expect(out.totals.interactions.edge).toBe(expected.length);
    expect(out.totals.accounts).toBe(new Set(expected.flatMap((row) => [row[0], row[1]])).size);
    expect(sorted(storedInteractions('congress'))).toEqual(sorted(expected));
    await expectReimportUnchanged({ paths: [congress], dataset: 'congress' });
  });

  it('imports the karate CSV edges and node table into one dataset', async () => {
    const edges = lines(karateEdges).slice(1).map((line) => line.split(','));
    const nodes = lines(karateNodes).slice(1).map((line) => line.split(','));
    const out = await runImport(db, { paths: [karateEdges, karateNodes], dataset: 'karate' });
    expect(out.totals.interactions.edge).toBe(edges.length);
    expect(out.totals.accounts).toBe(new Set([...edges.flat().filter((_, at) => at % 3 !== 2), ...nodes.map((n) => n[0])]).size);
    expect(sorted(storedInteractions('karate'))).toEqual(sorted(edges.map(([u, v, w]) => [u, v, 'edge', Number(w), 1, null, null])));
    const clubs = db.prepare("SELECT platform_id, json_extract(attributes, '$.club') FROM accounts").raw().all();
    expect(sorted(clubs)).toEqual(sorted(nodes));
    await expectReimportUnchanged({ paths: [karateEdges, karateNodes], dataset: 'karate' });
  });

  it('imports the Les Misérables GEXF: labels, attributes, viz, weights, the graph default direction', async () => {
    const text = read(gexf);
    const directed = /defaultedgetype="directed"/.test(text) ? 1 : 0;
    const attrs = (tag: string) => Object.fromEntries([...tag.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    const nodes = [...text.matchAll(/<node ([^>]*)>([\s\S]*?)<\/node>/g)].map((m) => ({ ...attrs(m[1]!), body: m[2]! }));
    const edges = [...text.matchAll(/<edge ([^>]*?)\/?>/g)].map((m) => attrs(m[1]!));
    const out = await runImport(db, { paths: [gexf], dataset: 'lesmis' });
    expect(out.totals.accounts).toBe(nodes.length);
    expect(out.totals.interactions.edge).toBe(edges.length);
    expect(sorted(storedInteractions('lesmis'))).toEqual(
      sorted(edges.map((e) => [e.source, e.target, 'edge', Number(e.weight ?? 1), directed, null, null])));
    const stored = new Map((db.prepare('SELECT platform_id, display_name, attributes FROM accounts').all() as
      { platform_id: string; display_name: string; attributes: string }[]).map((row) => [row.platform_id, row]));
    for (const node of nodes) {
      const row = stored.get(node.id!)!;
      expect(row.display_name).toBe(node.label);
      const position = attrs(/<viz:position ([^>]*)\/>/.exec(node.body)![1]!);
      const authority = /for="authority" value="([^"]*)"/.exec(node.body)![1];
      expect(JSON.parse(row.attributes)).toMatchObject({ Authority: Number(authority), viz: { x: Number(position.x), y: Number(position.y) } });
    }
    await expectReimportUnchanged({ paths: [gexf], dataset: 'lesmis' });
  });

  it('imports the Les Misérables GraphML: labels, data by attr.name, weights, undirected edges', async () => {
    const text = read(graphml);
    const directed = /edgedefault="directed"/.test(text) ? 1 : 0;
    const nodes = [...text.matchAll(/<node id="([^"]*)">([\s\S]*?)<\/node>/g)].map((m) => ({
      id: m[1]!, label: /<data key="label">([^<]*)</.exec(m[2]!)![1], modularity: /key="modularity_class">([^<]*)</.exec(m[2]!)![1] }));
    const edges = [...text.matchAll(/<edge id="[^"]*" source="([^"]*)" target="([^"]*)">([\s\S]*?)<\/edge>/g)].map((m) =>
      [m[1], m[2], 'edge', Number(/<data key="weight">([^<]*)</.exec(m[3]!)?.[1] ?? 1), directed, null, null]);
    const out = await runImport(db, { paths: [graphml], dataset: 'graphml' });
    expect(out.totals.accounts).toBe(nodes.length);
    expect(out.totals.interactions.edge).toBe(edges.length);
    expect(sorted(storedInteractions('graphml'))).toEqual(sorted(edges));
    const stored = db.prepare("SELECT platform_id, display_name, json_extract(attributes, '$.\"Modularity Class\"') FROM accounts").raw().all();
    expect(sorted(stored)).toEqual(sorted(nodes.map((n) => [n.id, n.label, Number(n.modularity)])));
    await expectReimportUnchanged({ paths: [graphml], dataset: 'graphml' });
  });

  it('reads semicolon (decimal commas) and tab CSV dialects, and maps columns with --map', async () => {
    await runImport(db, { paths: [path.join(fixtures, 'semicolon.csv')], dataset: 'semicolon' });
    expect(sorted(storedInteractions('semicolon'))).toEqual(sorted([
      ['alice', 'bob', 'retweet', 2.5, 1, Date.UTC(2015, 2, 24, 10, 41), null],
      ['bob', 'carol', 'mention', 1, 1, Date.UTC(2015, 2, 24, 10, 0), null],
      ['carol', 'alice', 'reply', 0.75, 1, Date.UTC(2015, 2, 25), null],
      ['dave', 'alice', 'edge', 1, 1, null, null],
    ]));
    await runImport(db, { paths: [path.join(fixtures, 'tab.tsv')], dataset: 'tab' });
    expect(sorted(storedInteractions('tab'))).toEqual(sorted([
      ['1', '2', 'follow', 1, 1, 1427193660000, null],
      ['2', '3', 'edge', 3.5, 1, 1427193660123, null],
      ['3', '1', 'endorse', 2, 1, null, null],
    ]));
    const map = { source: 'follower', target: 'followee', kind: 'action', time: 'at', weight: 'strength', topic: 'subject' };
    await runImport(db, { paths: [path.join(fixtures, 'mapped.csv')], dataset: 'mapped', map });
    expect(sorted(storedInteractions('mapped'))).toEqual(sorted([
      ['u1', 'u2', 'endorse', 1, 1, Date.UTC(2020, 0, 2, 3, 4, 5), 'bacon'],
      ['u2', 'u3', 'endorse', 2, 1, Date.UTC(2020, 0, 3), 'food'],
      ['u3', 'u1', 'follow', 1, 1, null, null],
    ]));
  });
});

describe('bad inputs: a clear message, and the database exactly as it was', () => {
  let dir: string;
  beforeEach(async () => {
    dir = tempDir();
    await runImport(db, { paths: [karateEdges], dataset: 'base' });
  });

  async function expectFailure(name: string, content: string, message: (file: string) => string, request: Partial<ImportRequest> = {}) {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    const before = snapshot(db);
    const error = await runImport(db, { paths: [file], dataset: 'base', ...request }).then(() => undefined, (e: Error) => e);
    expect(error?.message).toBe(message(file));
    expect(snapshot(db)).toEqual(before);
  }

  const expected = "expected \"source target\", \"source target weight\" or \"source target {'weight': w}\"";
  const cases: [string, string, (file: string) => string, Partial<ImportRequest>?][] = [
    ['no-source.csv', 'follower,target,weight\na,b,1\n',
      (f) => `${f}:1: no "source" column: the header has follower, target, weight; map one with --map source=COLUMN`],
    ['no-ends.csv', 'name,club\nx,y\n',
      (f) => `${f}:1: no "source" or "target" column: the header has name, club; map them with --map source=COLUMN,target=COLUMN`],
    ['map-missing.csv', 'source,target\na,b\n',
      (f) => `${f}:1: --map target=to_user names a column that is not in the header; the header has source, target`,
      { map: { target: 'to_user' } }],
    ['too-many.csv', 'source,target,weight\na,b,1\nb,c,1,9\n', (f) => `${f}:3: the row has 4 fields, the header has 3`],
    ['bad-weight.csv', 'source,target,weight\na,b,heavy\n', (f) => `${f}:2: the weight "heavy" is not a number`],
    ['bad-kind.csv', 'source,target,kind\na,b,like\n',
      (f) => `${f}:2: the kind "like" is not one of retweet, quote, reply, mention, follow, endorse, edge`],
    ['bad-time.csv', 'source,target,time\na,b,yesterday\n',
      (f) => `${f}:2: the time "yesterday" is neither ISO 8601 (2015-03-24T10:41:00Z) nor epoch seconds or milliseconds`],
    ['bad-quote.csv', 'source,target\n"a,b\nc,d\n',
      (f) => `${f}:2: malformed CSV: the quoted cell opened on this line is not closed before the end of the file`],
    ['one-field.edgelist', '1 2\n42\n', (f) => `${f}:2: ${expected}, found one field "42"`],
    ['bad-weight.edgelist', '1 2 3\n1 2 abc\n', (f) => `${f}:2: the weight "abc" is not a number; ${expected}, found "1 2 abc"`],
    ['bad-dict.edgelist', "1 2 {'weight': 1}\n1 2 {'weight' 1}\n",
      (f) => `${f}:2: the edge data "{'weight' 1}" is not a Python dict literal; ${expected}, found "1 2 {'weight' 1}"`],
    ['no-root.txt', "['1', 't1', '0.0']->['2', 't2', '1.0']\n",
      (f) => `${f} at byte 39: the file ends after 1 line(s) without a ROOT line: a propagation tree names its source tweet on a line ['ROOT', 'ROOT', '0.0']->['uid', 'tweet_id', 'delay']`],
    ['bad-line.txt', "['ROOT', 'ROOT', '0.0']->['1', 't1', '0.0']\n['1', 't1', '0.0']->['2', 't2']\n",
      (f) => `${f}:2: expected ['uid', 'tweet_id', 'delay']->['uid', 'tweet_id', 'delay'] with a numeric delay, found "['1', 't1', '0.0']->['2', 't2']"`,
      { format: 'tree' }],
    ['undefined-node.gexf', '<?xml version="1.0"?>\n<gexf xmlns="http://www.gexf.net/1.3" version="1.3">\n<graph>\n<nodes><node id="a"/></nodes>\n<edges>\n<edge id="e1" source="a" target="zz"/>\n</edges>\n</graph>\n</gexf>\n',
      (f) => `${f}:6: edge "e1" points to node "zz", which the graph does not define`],
    ['undefined-node.graphml', '<?xml version="1.0"?>\n<graphml>\n<graph edgedefault="directed">\n<edge source="a" target="b"/>\n<node id="b"/>\n</graph>\n</graphml>\n',
      (f) => `${f}:4: edge "a->b" points to node "a", which the graph does not define`],
    ['truncated.gexf', read(gexf).slice(0, 2000), (f) => `${f}:54: malformed XML: unclosed tag: node`],
    ['truncated.graphml', '<?xml version="1.0"?>\n<graphml>\n<graph edgedefault="directed">\n<node id="a">', (f) => `${f}:4: malformed XML: unclosed tag: node`],
  ];
  it.each(cases)('%s', async (name, content, message, request) => expectFailure(name, content, message, request));

  it('--skip-invalid skips bad records, counting them with their reasons', async () => {
    const file = path.join(dir, 'mixed.csv');
    fs.writeFileSync(file, 'source,target,kind,weight\na,b,reply,1\nb,c,like,1\nc,d,reply,x\nd,e\ne,f,mention,2\n');
    const out = await runImport(db, { paths: [file], dataset: 'mixed', skipInvalid: true });
    expect(out.files[0]).toMatchObject({ skipped: 3, skipReasons: [
      'line 3: the kind "like" is not one of retweet, quote, reply, mention, follow, endorse, edge',
      'line 4: the weight "x" is not a number',
      'line 5: the row has 2 fields, the header has 4',
    ] });
    expect(out.totals.interactions).toMatchObject({ reply: 1, mention: 1 });
    expect(out.totals.skipped).toBe(3);
  });
});
