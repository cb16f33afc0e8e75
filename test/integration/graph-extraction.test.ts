import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultGraphOptions, type GraphOptions } from '../../src/shared/models/descriptor';
import { runImport } from '../../src/main/import/run-import';
import { loadModelInput } from '../../src/main/scoring/input/load-input';
import { edgeCount } from '../../src/main/scoring/graph/csr';
import type { Db } from '../../src/main/store/db';
import { datasetsDir, tempDb, tempDir } from '../helpers';

const load = (db: Db, graph: Partial<GraphOptions> = {}, includeMinors = false) =>
  loadModelInput(db, 1, {
    needs: { interactions: true, posts: true },
    graph: { ...defaultGraphOptions, ...graph },
    includeMinors,
    progress: () => undefined,
  });

/** The graph as "actor>target:weight" strings by platform id, for readable comparisons. */
function edgesOf(db: Db, loaded: ReturnType<typeof load>): string[] {
  const { graph } = loaded.input;
  const platformId = db.prepare('SELECT platform_id FROM accounts WHERE id = ?').pluck();
  const name = (node: number) => platformId.get(graph.accountIds[node]!) as string;
  const edges: string[] = [];
  for (let v = 0; v < graph.nodeCount; v++) {
    for (let e = graph.out.offsets[v]!; e < graph.out.offsets[v + 1]!; e++) {
      edges.push(`${name(v)}>${name(graph.out.targets[e]!)}:${graph.out.weights[e]}`);
    }
  }
  return edges.sort();
}

function importCsv(db: Db, lines: string[]) {
  const file = path.join(tempDir(), 'interactions.csv');
  fs.writeFileSync(file, ['source,target,kind,weight', ...lines].join('\n'));
  return runImport(db, { paths: [file], dataset: 'd' });
}

describe('graph extraction', () => {
  it('merges parallel interactions by summing kind weight x stored weight', async () => {
    const { db } = tempDb();
    await importCsv(db, ['a,b,retweet,1', 'a,b,retweet,1', 'a,b,mention,2', 'b,c,reply,1', 'c,a,follow,1']);
    expect(edgesOf(db, load(db))).toEqual(['a>b:4', 'b>c:1', 'c>a:1']);
    const weighted = load(db, { weights: { ...defaultGraphOptions.weights, retweet: 3, follow: 0 } });
    expect(edgesOf(db, weighted)).toEqual(['a>b:8', 'b>c:1']);
    expect(weighted.input.graph.nodeCount).toBe(3);
  });

  it('counts undirected edges both ways and reverses influence-direction edges', async () => {
    const { db } = tempDb();
    await runImport(db, { paths: [path.join(datasetsDir, 'lesmis', 'miserables.graphml')], dataset: 'lesmis' });
    const stored = db.prepare("SELECT count(*) FROM interactions WHERE directed = 0").pluck().get() as number;
    expect(stored).toBeGreaterThan(200);
    const loaded = load(db);
    expect(edgeCount(loaded.input.graph.out)).toBe(2 * stored);
    expect(loaded.interactionsRead).toBe(stored);

    const { db: directed } = tempDb();
    await importCsv(directed, ['i,j,edge,0.5', 'j,k,retweet,1']);
    expect(edgesOf(directed, load(directed, { edgeDirection: 'influence' }))).toEqual(['j>i:0.5', 'j>k:1']);
  });

  it('caches the graph by content and weights; an import into the dataset invalidates it', async () => {
    const { db } = tempDb();
    await importCsv(db, ['a,b,retweet,1', 'b,c,mention,1']);
    const first = load(db);
    const second = load(db);
    expect([first.graphCache, second.graphCache]).toEqual(['built', 'hit']);
    expect(Buffer.from(second.input.graph.out.weights.buffer)).toEqual(Buffer.from(first.input.graph.out.weights.buffer));
    expect(edgesOf(db, second)).toEqual(edgesOf(db, first));
    expect(load(db, { weights: { ...defaultGraphOptions.weights, mention: 2 } }).graphCache).toBe('built');
    expect(db.prepare('SELECT count(*) FROM graph_cache').pluck().get()).toBe(2);

    await importCsv(db, ['c,a,quote,1']);
    const after = load(db);
    expect(after.graphCache).toBe('built');
    expect(after.contentHash).not.toBe(first.contentHash);
    expect(edgesOf(db, after)).toEqual(['a>b:1', 'b>c:1', 'c>a:1']);
    expect(db.prepare('SELECT count(*) FROM graph_cache').pluck().get()).toBe(1);
  });

  it('leaves out accounts whose bio states an age under 18, with their interactions, unless asked', async () => {
    const { db } = tempDb();
    const user = (id: string, description: string) => ({ id_str: id, screen_name: `user${id}`, name: id, description });
    const tweet = (id: string, author: ReturnType<typeof user>, mentions: string[]) => ({
      id_str: id,
      created_at: 'Tue Mar 24 10:39:12 +0000 2015',
      text: mentions.map((m) => `@user${m}`).join(' '),
      user: author,
      entities: { hashtags: [], user_mentions: mentions.map((m) => ({ id_str: m, screen_name: `user${m}` })) },
    });
    const adult = user('1', 'dad, 41, runner');
    const minor = user('2', "I'm 15 | she/her");
    const other = user('3', '14 y/o gamer');
    const lines = [tweet('10', adult, ['2', '3']), tweet('11', minor, ['1']), tweet('12', other, ['1', '2'])];
    const file = path.join(tempDir(), 'statuses.jsonl');
    fs.writeFileSync(file, lines.map((line) => JSON.stringify(line)).join('\n'));
    await runImport(db, { paths: [file], dataset: 'd' });

    const loaded = load(db);
    expect(loaded.excluded.map((a) => [a.platformId, a.reason])).toEqual([['2', 'bio states age 15 ("I\'m 15")'], ['3', 'bio states age 14 ("14 y/o")']]);
    expect(loaded.input.graph.nodeCount).toBe(1);
    expect(edgeCount(loaded.input.graph.out)).toBe(0);
    expect(loaded.input.interactions!.count).toBe(0);
    expect(loaded.input.posts!.count).toBe(1);

    const everyone = load(db, {}, true);
    expect(everyone.excluded).toEqual([]);
    expect(edgesOf(db, everyone)).toEqual(['1>2:1', '1>3:1', '2>1:1', '3>1:1', '3>2:1']);
  });
});
