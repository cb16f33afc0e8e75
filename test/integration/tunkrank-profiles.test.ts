import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetsDir, tempDb } from '../helpers';
import { call, scoreRun } from '../run-helpers';

/*
 * TunkRank on a real Twitter API v2 page whose users carry public_metrics.following_count: each reader's share
 * must be divided by its profile's following count (or by the accounts it gives attention to here, where that
 * is larger or the profile is absent). The divisors below are recomputed from the stored rows in SQL, apart
 * from the model's code, and the stored scores must satisfy Tunkelang's equation with them.
 */
const P = 0.05;

type Db = ReturnType<typeof tempDb>['db'];

/** Per attention-giving account: distinct other accounts it gives attention to, and its profile following count. */
function readers(db: Db): Map<string, { id: string; outDegree: number; following: number | null }> {
  const rows = db
    .prepare(
      `SELECT a.platform_id AS id, count(DISTINCT i.target_id) AS outDegree, a.following AS following
       FROM interactions i JOIN accounts a ON a.id = i.actor_id
       WHERE i.actor_id <> i.target_id GROUP BY i.actor_id`,
    )
    .all() as Array<{ id: string; outDegree: number; following: number | null }>;
  return new Map(rows.map((row) => [row.id, row]));
}

/** (reader, account it gives attention to) pairs, distinct, self-attention left out. */
function attention(db: Db): Array<[string, string]> {
  return (
    db
      .prepare(
        `SELECT DISTINCT actor.platform_id, target.platform_id FROM interactions i
         JOIN accounts actor ON actor.id = i.actor_id JOIN accounts target ON target.id = i.target_id
         WHERE i.actor_id <> i.target_id`,
      )
      .raw()
      .all() as Array<[string, string]>
  );
}

/*
 * brexit: all 108 accounts that give attention have a profile count (the 8 of 185 accounts without one give
 * none). kpop: all 82 do, but one profile counts fewer followed accounts than its owner attends to on the
 * page (the profile was fetched at another time), so the graph's count replaces it.
 */
const CASES = [
  ['brexit.jsonl', { profile: 108, graph: 0, profile_below_graph: 0 }],
  ['kpop.jsonl', { profile: 81, graph: 0, profile_below_graph: 1 }],
] as const;

describe('TunkRank on real v2 pages, with the profiles following counts', () => {
  it.each(CASES)('%s: divides by the profile where known, by the graph otherwise or where smaller, and says which', async (file, expectedTally) => {
    const { db } = tempDb();
    await call(db, 'datasets.import', { paths: [path.join(datasetsDir, 'twitter-v2', file)], dataset: 'page' });
    const profile = await scoreRun(db, 'page', 'tunkrank', { include_minors: true });
    const graph = await scoreRun(db, 'page', 'tunkrank', { include_minors: true, following_from: 'graph' });
    expect(profile.run.run).toMatchObject({ version: '2', params: { following_from: 'profile', p: P } });
    expect(graph.run.run.params).toMatchObject({ following_from: 'graph' });

    const givers = readers(db);
    const divisor = (id: string, fromProfile: boolean) => {
      const { outDegree, following } = givers.get(id)!;
      return fromProfile && following !== null ? Math.max(following, outDegree) : outDegree;
    };
    const tally = { profile: 0, graph: 0, profile_below_graph: 0 };
    for (const { outDegree, following } of givers.values()) {
      if (following === null) tally.graph++;
      else if (following < outDegree) tally.profile_below_graph++;
      else tally.profile++;
    }
    expect(tally).toEqual(expectedTally);
    const manifest = (run: number) =>
      JSON.parse(db.prepare('SELECT manifest FROM runs WHERE id = ?').pluck().get(run) as string) as { stats: Record<string, unknown> };
    expect(manifest(profile.run.run.id).stats.following_from).toEqual(tally);
    expect(manifest(graph.run.run.id).stats.following_from).toEqual({ profile: 0, graph: givers.size, profile_below_graph: 0 });

    // Tunkelang's equation holds for every account, with the divisors recomputed here.
    for (const [run, fromProfile] of [[profile, true], [graph, false]] as const) {
      const expected = new Map(Object.keys(run.score).map((id) => [id, 0]));
      for (const [reader, target] of attention(db)) {
        expected.set(target, expected.get(target)! + (1 + P * run.score[reader]!) / divisor(reader, fromProfile));
      }
      for (const [id, value] of expected) expect(run.score[id], id).toBeCloseTo(value, 9);
    }
    // Profiles follow far more accounts than the page shows them attending to, so reach shrinks everywhere.
    const total = (scores: Record<string, number>) => Object.values(scores).reduce((sum, x) => sum + x, 0);
    expect(total(profile.score)).toBeLessThan(total(graph.score) / 10);
    const guarded = [...givers.values()].filter(({ following, outDegree }) => following !== null && following < outDegree);

    const top = Object.entries(profile.score).sort(([a, x], [b, y]) => y - x || a.localeCompare(b))[0]![0];
    const explained = await call(db, 'runs.explain', { run: profile.run.run.id, account: top });
    expect(explained.summary).toMatch(/divided by its following count from its profile for \d+ of them/);
    for (const contribution of explained.contributions) {
      expect(contribution.label).toMatch(/it follows \(profile\)$|it gives attention to \(graph: no profile count\)$/);
    }
    for (const reader of guarded) {
      const attended = attention(db).find(([from]) => from === reader.id)![1];
      const onTarget = await call(db, 'runs.explain', { run: profile.run.run.id, account: attended, limit: 1000 });
      const from = onTarget.contributions.find((c: { account: { accountId: string } | null }) => c.account?.accountId === reader.id)!;
      expect(from.label).toContain(`/ ${reader.outDegree} accounts it gives attention to (graph: its profile count is smaller)`);
    }
    db.close();
  }, 120_000);
});
