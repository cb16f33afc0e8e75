import fs from 'node:fs';
import path from 'node:path';
import { datasetsDir, tempDb, tempDir } from '../test/helpers';
import { callService } from '../src/main/services/index';
import { countOutcomes, fuzzCases, realSeeds, runCase, type CaseResult } from './fuzz-cases';

const TIME_LIMIT_MS = 10_000;
/** Cases per database: a fresh file now and then keeps each fingerprint (a read of every row) small. */
const CASES_PER_DB = 500;

/**
 * `npm run bench -- fuzz [cases=10000] [seed=15]`: mutated slices of the real datasets imported through callService,
 * with the count of each outcome; the targets are 0 unclear, 0 crash, 0 hang and 0 changed.
 */
export async function benchFuzz(args: string[]): Promise<void> {
  const count = Number(args[0] ?? 10_000);
  const seed = Number(args[1] ?? 15);
  const escaped: unknown[] = [];
  process.on('uncaughtException', (error) => escaped.push(error));
  process.on('unhandledRejection', (error) => escaped.push(error));
  const started = performance.now();
  const results: CaseResult[] = [];
  let db = await freshDb();
  const dir = tempDir('lens-fuzz-');
  for (const fuzzCase of fuzzCases(realSeeds(datasetsDir), count, seed, dir)) {
    if (results.length > 0 && results.length % CASES_PER_DB === 0) {
      db.close();
      db = await freshDb();
    }
    const result = await runCase(db, fuzzCase, TIME_LIMIT_MS);
    results.push(result);
    if (result.outcome !== 'clean' && result.outcome !== 'clear') {
      console.log(`${result.outcome}: ${result.seed} ${result.mutation} (${result.file}): ${result.message}`);
    }
  }
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  const counts = { ...countOutcomes(results), crash: countOutcomes(results).crash + escaped.length };
  const seconds = (performance.now() - started) / 1000;
  console.log(`${count} cases, seed ${seed}, ${seconds.toFixed(1)} s (${((seconds * 1000) / count).toFixed(1)} ms per case)`);
  for (const [outcome, n] of Object.entries(counts)) console.log(`  ${outcome.padEnd(8)} ${n}`);
  const byMutation = new Map<string, number>();
  for (const result of results) byMutation.set(result.mutation.split('+')[0]!, (byMutation.get(result.mutation.split('+')[0]!) ?? 0) + 1);
  console.log(`  mutations: ${[...byMutation].map(([name, n]) => `${name} ${n}`).join(', ')}`);
  if (counts.unclear + counts.crash + counts.hang + counts.changed > 0) process.exitCode = 1;
}

async function freshDb() {
  const { db } = tempDb();
  const base = await callService('datasets.import', { paths: [path.join(datasetsDir, 'karate', 'karate_club_weighted.csv')], dataset: 'base' }, { db });
  if (!base.ok) throw new Error(base.error.message);
  return db;
}
