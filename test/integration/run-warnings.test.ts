import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetsDir, tempDb } from '../helpers';
import { call, scoreRun } from '../run-helpers';

const congress = path.join(datasetsDir, 'congress-twitter', 'congress.edgelist');

describe('warnings computed from a run\'s scores and inputs, stored with the run', () => {
  it('Kred on the Congress edge list counts none of its edges and ties every account; PageRank does neither', async () => {
    const { db } = tempDb();
    await call(db, 'datasets.import', { paths: [congress], dataset: 'congress', edges: 'influence' });

    const kred = await scoreRun(db, 'congress', 'kred');
    expect(kred.run.warnings.map((w) => w.code)).toEqual(['no_interactions_counted', 'mostly_tied']);
    const [ignored, tied] = kred.run.warnings;
    expect(ignored!.message).toBe(
      'this dataset has only `edge` interactions; kred counts `retweet`, `quote`, `reply`, `mention`, `follow` (parameter `kinds`), ' +
        'so none of them counted. Add `edge` to `kinds` to score them, or import data with the kinds it counts',
    );
    // Every one of the 475 members scores 1: the figure the issue saw as "rank 1" everywhere.
    expect(new Set(Object.values(kred.score))).toEqual(new Set([1]));
    expect(tied!.message).toMatch(/^475 of 475 scored accounts \(100\.0%\) share the score 1, so their order .* arbitrary tie order: none of the dataset's interactions counted/);

    const pagerank = await scoreRun(db, 'congress', 'pagerank');
    expect(pagerank.run.warnings).toEqual([]);

    // Kred told to count the edges: the first warning goes; the scores spread out, so the second goes too.
    const kredEdges = await scoreRun(db, 'congress', 'kred', { kinds: ['edge'] });
    expect(kredEdges.run.warnings).toEqual([]);
    expect(new Set(Object.values(kredEdges.score)).size).toBeGreaterThan(400);

    // Stored with the run: the list and the detail show them later, as scored.
    const runs = await call(db, 'runs.list', { dataset: 'congress' });
    expect(runs.map((run) => [run.model, run.warnings?.map((w) => w.code), run.edges])).toEqual([
      ['kred', ['no_interactions_counted', 'mostly_tied'], { read: 'influence', declared: 'influence' }],
      ['pagerank', [], { read: 'influence', declared: 'influence' }],
      ['kred', [], { read: 'influence', declared: 'influence' }],
    ]);
    const detail = await call(db, 'runs.show', { run: kred.run.run.id });
    expect(detail.warnings).toEqual(kred.run.warnings);
    db.close();
  }, 120_000);

  it('an undeclared edge list warns on every run and the run records that nothing was declared', async () => {
    const { db } = tempDb();
    await call(db, 'datasets.import', { paths: [congress], dataset: 'undeclared' });
    const pagerank = await scoreRun(db, 'undeclared', 'pagerank');
    expect(pagerank.run.warnings.map((w) => w.code)).toEqual(['direction_undeclared']);
    const [run] = await call(db, 'runs.list', { dataset: 'undeclared' });
    expect(run!.edges).toEqual({ read: 'attention', declared: null });
    expect(run!.warnings).toEqual(pagerank.run.warnings);
    db.close();
  }, 60_000);

  it('the followers model on an edge list without follower counts is tied, and says so without blaming interactions', async () => {
    const { db } = tempDb();
    await call(db, 'datasets.import', { paths: [congress], dataset: 'congress', edges: 'influence' });
    const followers = await scoreRun(db, 'congress', 'followers');
    // The edge list has no follower counts: every member scores 0, and the reason named is the data it reads.
    expect(followers.run.warnings.map((w) => w.code)).toEqual(['mostly_tied']);
    expect(followers.run.warnings[0]!.message).toMatch(/^475 of 475 scored accounts \(100\.0%\) share the score 0, .*followers reads no interactions/);
    db.close();
  }, 60_000);

  it('on tweets most accounts receive nothing Kred counts: mostly tied, and Compare says its ranks are an arbitrary tie order', async () => {
    const { db } = tempDb();
    await call(db, 'datasets.import', { paths: [path.join(datasetsDir, 'twitter-v2', 'kpop.jsonl')], dataset: 'kpop' });
    const kred = await scoreRun(db, 'kpop', 'kred');
    expect(kred.run.warnings.map((w) => w.code)).toEqual(['mostly_tied']);
    const values = Object.values(kred.score).filter((value): value is number => value !== null);
    const ones = values.filter((value) => value === 1).length;
    expect(ones).toBeGreaterThan(values.length / 2);
    expect(ones).toBeLessThan(values.length);
    expect(kred.run.warnings[0]!.message).toMatch(new RegExp(`^${ones.toLocaleString('en-US')} of ${values.length.toLocaleString('en-US')} scored accounts .* share the score 1, .*\\(\`kinds\`: retweet, quote, reply, mention, follow\\)`));
    const pagerank = await scoreRun(db, 'kpop', 'pagerank');
    const compared = await call(db, 'analysis.compare', { runs: [kred.run.run.id, pagerank.run.run.id], bootstrap: 0, noise_ceiling: 'off' });
    expect(compared.pairs[0]!.warnings).toContain(
      `run ${kred.run.run.id}: ${ones} of ${values.length} accounts share one score, so for most accounts its ranking is an arbitrary tie order: ` +
        'they sit at their mean rank, and its correlations, top-k and RBO say little about how this model orders them',
    );
    db.close();
  }, 120_000);
});
