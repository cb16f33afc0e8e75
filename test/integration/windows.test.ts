import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callService } from '../../src/main/services';
import { datasetsDir, tempDb } from '../helpers';

const DAY = 86_400_000;

describe('scoring over sliding time windows', () => {
  it("scores indegree per window and explains one account's changes with the interactions that entered and aged out", async () => {
    const { db } = tempDb();
    const file = path.join(datasetsDir, 'twitter-v1', 'germanwings-crash-all-rnr-threads.non-rumours.json');
    expect((await callService('datasets.import', { paths: [file], dataset: 'gw' }, { db })).ok).toBe(true);
    const target = db
      .prepare('SELECT target_id AS id, a.platform_id AS platformId, count(*) AS n FROM interactions JOIN accounts a ON a.id = target_id GROUP BY target_id ORDER BY n DESC, target_id LIMIT 1')
      .get() as { id: number; platformId: string; n: number };
    const result = await callService('analysis.windows', { dataset: 'gw', model: 'indegree', window: '1d', step: '12h', account: target.platformId }, { db });
    if (!result.ok) throw new Error(result.error.message);
    const { first, last } = db.prepare('SELECT min(time) AS first, max(time) AS last FROM interactions').get() as { first: number; last: number };
    expect(result.value.windows).toHaveLength(Math.floor((last - first) / (DAY / 2)) + 1);
    const received = db.prepare('SELECT count(*) FROM interactions WHERE target_id = ? AND time >= ? AND time < ?').pluck();
    for (const window of result.value.windows) {
      const from = Date.parse(window.from);
      expect(Date.parse(window.to) - from).toBe(DAY);
      expect(window.account!.score).toBe(received.get(target.id, from, from + DAY));
      const manifest = await callService('runs.show', { run: window.run }, { db });
      expect(manifest.ok && manifest.value.manifest.window).toEqual({ from: window.from, to: window.to });
    }
    expect(result.value.changes).toHaveLength(result.value.windows.length - 1);
    for (const [i, change] of result.value.changes.entries()) {
      const before = Date.parse(result.value.windows[i]!.from);
      const after = before + DAY / 2;
      expect(change.entered.count).toBe(received.get(target.id, before + DAY, after + DAY));
      expect(change.aged_out.count).toBe(received.get(target.id, before, after));
      expect(change.score_after! - change.score_before!).toBe(change.entered.count - change.aged_out.count);
      const moved = change.movers.reduce((sum, mover) => sum + (mover.account ? mover.delta : 0), 0);
      if (change.movers.length < 10) expect(moved).toBe(change.score_after! - change.score_before!);
    }
  });

  it('refuses a dataset without interaction times', async () => {
    const { db } = tempDb();
    await callService('datasets.import', { paths: [path.join(datasetsDir, 'karate', 'karate_club_weighted.csv')], dataset: 'karate' }, { db });
    const none = await callService('analysis.windows', { dataset: 'karate', model: 'indegree' }, { db });
    expect(none).toEqual({ ok: false, error: { code: 'invalid_input', message: 'dataset "karate" has no interaction times, so it has no windows' } });
  });
});
