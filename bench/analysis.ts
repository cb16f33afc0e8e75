import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp, fmt, measureBuiltCli, measureInChild } from './measure';

const TARGET_COMPARE_SECONDS = 1;

/**
 * `npm run bench -- analysis`: on the score benchmark's database (1M accounts; run `npm run bench -- score` first),
 * `lens compare` of two 1M-account runs end to end and the rank statistics alone; then cascade metrics for 100k
 * seeded random trees, against a plain all-pairs computation on a sample.
 */
export async function benchAnalysis(): Promise<void> {
  const dbFile = path.join(os.tmpdir(), 'influence-lens-bench', 'score-10000000-1000000-42.sqlite');
  if (!fs.existsSync(dbFile)) throw new Error(`${dbFile} is missing: run \`npm run bench -- score\` first, which builds it`);
  buildApp();
  const score = (model: string) =>
    measureBuiltCli(['score', '--dataset', 'bench', '--model', model, '--db', dbFile, '--json', '--param', 'include_minors=true'])
      .detail as { run: { id: number } };
  const a = score('pagerank').run.id;
  const b = score('indegree').run.id;
  console.log(`bench analysis: runs ${a} (pagerank) and ${b} (indegree) over 1,000,000 accounts in ${dbFile}\n`);

  const compare = measureBuiltCli(['compare', '--runs', `${a},${b}`, '--db', dbFile, '--json']);
  const verdict = compare.wallSeconds < TARGET_COMPARE_SECONDS ? 'meets' : 'MISSES';
  console.log(`lens compare, end to end        ${fmt(compare.wallSeconds, 2)} s wall, peak RSS ${fmt(compare.peakRssMb, 0)} MB (${verdict} target < ${TARGET_COMPARE_SECONDS} s)`);
  const kernels = measureInChild('compare-kernels', [dbFile, String(a), String(b)]).detail as Record<string, number>;
  console.log(`  reading and aligning the runs  ${fmt(kernels.readSeconds!, 3)} s`);
  console.log(`  all statistics (compareRuns)   ${fmt(kernels.compareSeconds!, 3)} s; Spearman ${fmt(kernels.spearman!, 3)}\n`);

  const cascades = measureInChild('cascade-kernels', ['100000', '50', '7']).detail as Record<string, number>;
  console.log(`cascade metrics, ${fmt(cascades.trees!, 0)} random trees, ${fmt(cascades.nodes!, 0)} nodes`);
  console.log(`  ours (linear time)             ${fmt(cascades.oursSeconds!, 2)} s = ${fmt(cascades.trees! / cascades.oursSeconds!, 0)} trees/s`);
  console.log(`  plain all-pairs BFS (baseline) ${fmt(cascades.plainSeconds!, 2)} s for ${fmt(cascades.sampled!, 0)} trees = ` +
    `${fmt(cascades.plainProjected!, 1)} s projected, ${fmt(cascades.plainProjected! / cascades.oursSeconds!, 0)} x ours; ` +
    `largest virality difference ${cascades.difference!.toExponential(1)}`);
}
