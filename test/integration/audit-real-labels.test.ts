import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRealLabels, scoreRealLabels } from '../../bench/audit-real';
import { datasetsDir, tempDir } from '../helpers';

/** Issue 12's target on text the audit was not built from: both at least 0.85 for each language flag. */
const TARGET = 0.85;
/**
 * Below this many positives a recall is a coin with one or two faces (the real pages hold 1 rejection and 1 certain
 * minor): the bench prints it with its count, the test holds precision only, which hundreds of negatives back.
 */
const MIN_POSITIVES_FOR_RECALL = 5;

describe('the audit against judgments read from real tweets and bios (test/fixtures/audit-labels)', () => {
  it('holds at least 300 topic judgments and 60 bios, each with its source file', () => {
    const labels = readRealLabels();
    expect(labels.posts.length + labels.accounts.length).toBeGreaterThanOrEqual(300);
    expect(labels.bios.length).toBeGreaterThanOrEqual(60);
    for (const item of [...labels.posts, ...labels.accounts, ...labels.bios]) expect(item.file).toMatch(/^twitter-v[12]\//);
  });

  it('meets precision of 0.85 for negated, its post reading, sense_conflict and minor, and recall where the data has positives', async () => {
    const { scores } = await scoreRealLabels(datasetsDir, path.join(tempDir(), 'real.sqlite'));
    for (const score of scores) {
      const detail = `${score.flag}: ${score.truePositives} of ${score.flagged} flags right, ${score.positives} positives\n${[...score.misses, ...score.unjudgedFlags].join('\n')}`;
      expect(score.judged, detail).toBeGreaterThan(100);
      if (score.flagged > 0) expect(score.precision!, detail).toBeGreaterThanOrEqual(TARGET);
      if (score.positives >= MIN_POSITIVES_FOR_RECALL) expect(score.recall!, detail).toBeGreaterThanOrEqual(TARGET);
    }
  }, 120_000);
});
