import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cascadeMetrics } from '../../src/main/analysis/cascades';
import { runImport } from '../../src/main/import/run-import';
import { datasetsDir, tempDb, tempDir } from '../helpers';

/*
 * Goel et al. 2016 infer a retweet's parent as the most recent earlier adopter the retweeter follows (else the
 * root). Hand-made: ann posts 1 at 10:00; bob retweets at 10:01, cat at 10:02, dan at 10:03. Follows: cat -> bob,
 * dan -> ann and dan -> cat, bob -> nobody. So bob hangs from the root, cat from bob, dan from cat (more recent
 * than ann): the chain ann <- bob <- cat <- dan, whose 6 pairs lie at distances 1, 2, 3, 1, 2, 1: structural
 * virality 10 / 6. Without the follows the same retweets make a star: 3 pairs at 1 and 3 at 2, 9 / 6, not reported.
 */
const user = (id: string, name: string) => ({ id_str: id, screen_name: name, name });
const ann = user('1', 'ann');
const status = (id: string, author: ReturnType<typeof user>, minute: number, retweeted?: object) => ({
  id_str: id,
  created_at: `Tue Mar 24 10:0${minute}:00 +0000 2015`,
  text: retweeted ? 'RT @ann: news' : 'news',
  user: author,
  entities: { hashtags: [], user_mentions: [] },
  ...(retweeted ? { retweeted_status: retweeted } : {}),
});

async function importCascade(withFollows: boolean) {
  const dir = tempDir();
  const original = status('100', ann, 0);
  const tweets = [original, status('101', user('2', 'bob'), 1, original), status('102', user('3', 'cat'), 2, original),
    status('103', user('4', 'dan'), 3, original)];
  const statuses = path.join(dir, 'statuses.jsonl');
  // Stored in reverse time order: the inference must not depend on it.
  fs.writeFileSync(statuses, tweets.reverse().map((t) => JSON.stringify(t)).join('\n'));
  const follows = path.join(dir, 'follows.csv');
  fs.writeFileSync(follows, 'source,target,kind\n3,2,follow\n4,1,follow\n4,3,follow\n');
  const { db } = tempDb();
  await runImport(db, { paths: withFollows ? [statuses, follows] : [statuses], dataset: 'c' });
  return db;
}

describe('cascade parents', () => {
  it('are inferred from follows as Goel et al. 2016 do, labelled inferred, with structural virality', async () => {
    const db = await importCascade(true);
    const [cascade] = cascadeMetrics(db, 1);
    expect(cascade).toMatchObject({ root_post_id: '100', parents: 'inferred', size: 4, depth: 3, max_breadth: 1,
      structural_virality_note: null });
    expect(cascade!.structural_virality).toBeCloseTo(10 / 6, 12);
    db.close();
  });

  it('without follows are a star, labelled so, and its structural virality is not reported, with the reason', async () => {
    const db = await importCascade(false);
    const [cascade] = cascadeMetrics(db, 1);
    expect(cascade).toMatchObject({ parents: 'star (parents unknown)', size: 4, depth: 1, max_breadth: 3, structural_virality: null });
    expect(cascade!.structural_virality_note).toContain('import follow interactions to infer parents as Goel et al. 2016 do');
    db.close();
  });

  it('of Twitter15 tree files are given', async () => {
    const { db } = tempDb();
    await runImport(db, { paths: [path.join(datasetsDir, 'cascades-twitter15')], dataset: 't15' });
    const cascades = cascadeMetrics(db, 1, { source: 'tree' });
    expect(cascades.length).toBeGreaterThan(0);
    expect(new Set(cascades.map((c) => c.parents))).toEqual(new Set(['given']));
    expect(cascades.every((c) => c.structural_virality !== null && c.structural_virality_note === null)).toBe(true);
    db.close();
  }, 30_000);
});
