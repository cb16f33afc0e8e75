import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countOutcomes, fuzzCases, realSeeds, runCase, type CaseResult } from '../../bench/fuzz-cases';
import { callService } from '../../src/main/services/index';
import { datasetsDir, tempDb, tempDir } from '../helpers';

/**
 * A bounded fuzzer (issue 15, point 5): 280 mutated slices of the real datasets (20 per format) imported through
 * callService into a real SQLite file; `npm run bench -- fuzz` runs 10,000. Every bad input must end in one clear
 * line naming the file and a line or byte, with the database as it was.
 */
const CASES = 280;
const TIME_LIMIT_MS = 10_000;

describe('import fuzzing over real files', () => {
  const escaped: unknown[] = [];
  const onEscape = (error: unknown) => escaped.push(error);
  beforeAll(() => {
    process.on('uncaughtException', onEscape);
    process.on('unhandledRejection', onEscape);
  });
  afterAll(() => {
    process.off('uncaughtException', onEscape);
    process.off('unhandledRejection', onEscape);
  });

  it(`${CASES} mutated files: no unclear message, crash, hang or changed database`, async () => {
    const { db } = tempDb();
    // A dataset present before every case, which each failure must leave exactly as it was.
    const base = await callService('datasets.import', { paths: [path.join(datasetsDir, 'karate', 'karate_club_weighted.csv')], dataset: 'base' }, { db });
    expect(base.ok).toBe(true);
    const results: CaseResult[] = [];
    const dir = tempDir('lens-fuzz-');
    for (const fuzzCase of fuzzCases(realSeeds(datasetsDir), CASES, 15, dir)) {
      results.push(await runCase(db, fuzzCase, TIME_LIMIT_MS));
    }
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
    const counts = countOutcomes(results);
    const bad = results.filter((result) => !['clean', 'clear'].includes(result.outcome));
    expect(bad.map(({ outcome, seed, mutation, message }) => `${outcome} ${seed} ${mutation}: ${message}`)).toEqual([]);
    expect(escaped).toEqual([]);
    // The mutations must produce both outcomes, or the fuzzer is not exercising the importers.
    expect(counts.clear).toBeGreaterThan(CASES / 4);
    expect(counts.clean).toBeGreaterThan(10);
    expect(counts.clean + counts.clear).toBe(CASES);
  }, 120_000);
});
