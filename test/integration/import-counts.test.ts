import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/main/import/run-import';
import { INTERACTION_KINDS } from '../../src/shared/domain';
import { fixturesDir, tempDb } from '../helpers';
import { realDatasets } from '../real-datasets';

/*
 * The import counts of every real dataset, pinned. Derived by hand, not by the importer: scripts/reference/
 * import_counts.py reads the raw files with Python's json, csv and xml modules and applies SPEC.md's derivation
 * rules (derivation version 2: a reply's own @ is no second mention), writing test/fixtures/reference/
 * import-counts.json; the numbers below are that file's. Kinds not listed are 0.
 */
const PINNED: Record<string, { accounts: number; posts: number; interactions: Partial<Record<string, number>>; cascades: number; unresolved: number }> = {
  'twitter-v2': { accounts: 579, posts: 444, interactions: { retweet: 194, quote: 25, reply: 68, mention: 106 }, cascades: 0, unresolved: 18 },
  'twitter-v1': { accounts: 153, posts: 231, interactions: { mention: 58 }, cascades: 0, unresolved: 0 },
  'twitter15': { accounts: 9732, posts: 0, interactions: { retweet: 9101, reply: 821 }, cascades: 40, unresolved: 0 },
  'congress': { accounts: 475, posts: 0, interactions: { edge: 13289 }, cascades: 0, unresolved: 0 },
  'congress-network': { accounts: 475, posts: 0, interactions: { edge: 13289 }, cascades: 0, unresolved: 0 },
  'congress-toy': { accounts: 4, posts: 14, interactions: { retweet: 3, quote: 2, reply: 1, mention: 4 }, cascades: 0, unresolved: 0 },
  'karate': { accounts: 34, posts: 0, interactions: { edge: 78 }, cascades: 0, unresolved: 0 },
  'lesmis': { accounts: 77, posts: 0, interactions: { edge: 254 }, cascades: 0, unresolved: 0 },
  'lesmis-graphml': { accounts: 77, posts: 0, interactions: { edge: 254 }, cascades: 0, unresolved: 0 },
};

const derived = JSON.parse(fs.readFileSync(path.join(fixturesDir, 'reference', 'import-counts.json'), 'utf8')) as {
  counts: Record<string, { interactions: Record<string, number> }>;
};

describe('import counts of every real dataset, as SPEC.md\'s rules give them', () => {
  it('the pinned numbers are the reference script\'s', () => {
    expect(Object.keys(PINNED)).toEqual(Object.keys(realDatasets));
    for (const [name, pinned] of Object.entries(PINNED)) {
      const interactions = Object.fromEntries(INTERACTION_KINDS.map((kind) => [kind, pinned.interactions[kind] ?? 0]));
      expect(derived.counts[name], name).toEqual({ ...pinned, interactions });
    }
  });

  for (const [name, paths] of Object.entries(realDatasets)) {
    it(name, async () => {
      const { db } = tempDb();
      const { totals } = await runImport(db, { paths, dataset: name });
      const pinned = PINNED[name]!;
      const interactions = Object.fromEntries(INTERACTION_KINDS.map((kind) => [kind, pinned.interactions[kind] ?? 0]));
      expect(totals).toEqual({ dataset: totals.dataset, ...pinned, interactions, skipped: 0 });
      db.close();
    }, 30_000);
  }
});
