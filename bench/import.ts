import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeCsv, writeEdgeList, writeRealTweetPages, writeTweetPages } from './generate';
import { fmt, measureInChild, type Measurement } from './measure';

/** Issue 14: an import is fast enough when it reaches half of what the same lines cost to parse and store plainly. */
const TARGET_SHARE_OF_CEILING = 0.5;
const TARGET_RSS_MB = 1024;
/** The lines of the bench, in the order they run; `--only` picks some. */
const LINE_NAMES = ['csv', 'edges', 'tweets', 'real-tweets'] as const;
const DATASETS_DIR = path.resolve(import.meta.dirname, '..', '..', 'shared', 'datasets');

interface Line {
  label: string;
  rate: number;
  ceilingRate: number;
  unit: 'M rows/s' | 'MB/s';
  import: Measurement;
  ceiling: Measurement;
}

/**
 * `npm run bench -- import [--rows N] [--accounts N] [--mb N] [--seed N] [--runs N] [--only csv,edges,tweets,real-tweets]`:
 * generates a CSV interactions file with string ids ("u123"), an edge list of the same rows (numeric ids, as SNAP files
 * have them), a tweet JSONL file of generated v2 pages and one of the bundled real v2 pages repeated with new ids
 * (writeRealTweetPages), imports each into a fresh database, and prints each rate as a share of its ceiling measured in the same run: for
 * CSV and edge list the same lines split and stored through multi-row INSERTs (bench/ceilings.ts), for tweets
 * JSON.parse of every line. The defaults are the issue's: 5M rows over 500k accounts, heavy-tailed. Each import and its
 * ceiling run once uncounted, then `--runs` times (default 5), one after the other, and the medians are compared: single runs of the
 * tweet import on this machine ranged from 3.3 to 4.5 s within one bench (its two threads suffer more than the
 * single-threaded ceiling from whatever else the host runs), which decided a median of 3 by chance.
 */
export async function benchImport(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { rows: { type: 'string', default: '5000000' }, mb: { type: 'string', default: '512' },
      accounts: { type: 'string', default: '500000' }, seed: { type: 'string', default: '42' }, runs: { type: 'string', default: '5' },
      only: { type: 'string', default: LINE_NAMES.join(',') } },
  });
  const only = new Set(values.only.split(','));
  const unknown = [...only].filter((name) => !(LINE_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0 || only.size === 0) throw new Error(`--only takes a list of ${LINE_NAMES.join(', ')}; found ${values.only}`);
  const rows = Number(values.rows);
  const accounts = Number(values.accounts);
  const seed = Number(values.seed);
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a whole number from 1');
  const bytes = Number(values.mb) * 1024 * 1024;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lens-bench-import-'));
  const file = (name: string) => path.join(dir, name);
  try {
    console.log(`bench import: ${fmt(rows, 0)} rows over ${fmt(accounts, 0)} accounts, ${fmt(bytes / 2 ** 20, 0)} MiB of tweets, seed ${seed}, ` +
      `median of ${runs} run(s) each, in ${dir}`);
    const generated: string[] = [];
    if (only.has('csv')) generated.push(`CSV ${fmt(await writeCsv(file('interactions.csv'), rows, accounts, seed) / 1e6)} MB`);
    if (only.has('edges')) generated.push(`edge list ${fmt(await writeEdgeList(file('graph.edges'), rows, accounts, seed) / 1e6)} MB`);
    const tweetBytes = only.has('tweets') ? await writeTweetPages(file('tweets.jsonl'), bytes, Math.min(accounts, 200_000), seed) : 0;
    if (only.has('tweets')) generated.push(`tweets ${fmt(tweetBytes / 1e6)} MB`);
    const realTweetBytes = only.has('real-tweets') ? await writeRealTweetPages(file('real-tweets.jsonl'), bytes, DATASETS_DIR) : 0;
    if (only.has('real-tweets')) generated.push(`real tweet pages ${fmt(realTweetBytes / 1e6)} MB`);
    console.log(`generated: ${generated.join(', ')}\n`);

    /**
     * The median runs of the ceiling and the import, measured alternately so that both see the same drift, after one
     * run of each that is not counted: the first runs after the file is written were the slowest of both (ceiling
     * 2.83 s against 1.85-1.97 s, import 4.13-4.3 s against 3.37-3.63 s in one bench), whatever the host still does.
     */
    const paired = (ceilingTask: string, ceilingArgs: () => string[], importArgs: () => string[]) => {
      const warmUp = [measured(ceilingTask, ceilingArgs()), measured('import', importArgs())];
      const ceilings: Measurement[] = [];
      const imports: Measurement[] = [];
      for (let run = 0; run < runs; run++) {
        ceilings.push(measured(ceilingTask, ceilingArgs()));
        imports.push(measured('import', importArgs()));
      }
      const seconds = (list: Measurement[]) => list.map((measurement) => fmt(measurement.seconds, 2)).join(', ');
      console.log(`  ${ceilingTask}: ${seconds(ceilings)} s; import: ${seconds(imports)} s ` +
        `(first runs, not counted: ${ceilingTask} ${fmt(warmUp[0]!.seconds, 2)} s, import ${fmt(warmUp[1]!.seconds, 2)} s)`);
      return { ceiling: median(ceilings), run: median(imports) };
    };
    // A fresh database file per run, as each measured import starts from an empty one; removed after the run.
    let fresh = 0;
    const db = (label: string) => file(`${label}-${fresh++}.sqlite`);
    const measured = (task: string, args: string[]) => {
      settleDisk();
      const measurement = measureInChild(task, args);
      for (const arg of args.filter((name) => name.endsWith('.sqlite'))) {
        for (const suffix of ['', '-wal', '-shm']) fs.rmSync(arg + suffix, { force: true });
      }
      return measurement;
    };
    const rowsLine = (label: string, input: string, separator: string): Line => {
      const { ceiling, run } = paired('rows-ceiling', () => [db(`${label}-ceiling`), file(input), separator], () => [db(label), file(input)]);
      return { label, rate: rows / run.seconds / 1e6, ceilingRate: rows / ceiling.seconds / 1e6, unit: 'M rows/s', import: run, ceiling };
    };
    const lines: Line[] = [];
    if (only.has('csv')) lines.push(rowsLine('CSV', 'interactions.csv', ','));
    if (only.has('edges')) lines.push(rowsLine('edge list', 'graph.edges', 'tab'));
    const tweetsLine = (label: string, input: string, inputBytes: number): Line => {
      const { ceiling, run } = paired('json-ceiling', () => [file(input)], () => [db(input), file(input)]);
      return { label, rate: inputBytes / 1e6 / run.seconds, ceilingRate: inputBytes / 1e6 / ceiling.seconds, unit: 'MB/s', import: run, ceiling };
    };
    if (only.has('tweets')) lines.push(tweetsLine('tweet JSONL', 'tweets.jsonl', tweetBytes));
    if (only.has('real-tweets')) lines.push(tweetsLine('real v2 pages', 'real-tweets.jsonl', realTweetBytes));

    for (const line of lines) {
      const share = line.rate / line.ceilingRate;
      const verdict = share >= TARGET_SHARE_OF_CEILING && line.import.peakRssMb < TARGET_RSS_MB ? 'meets' : 'MISSES';
      const ceilingKind = line.unit === 'MB/s' ? 'JSON.parse of every line' : 'lines split + multi-row INSERT';
      console.log(`import ${line.label.padEnd(12)} ${fmt(line.rate, 2).padStart(7)} ${line.unit.padEnd(8)} in ${fmt(line.import.seconds, 2)} s` +
        `  ceiling ${fmt(line.ceilingRate, 2)} ${line.unit} in ${fmt(line.ceiling.seconds, 2)} s (${ceilingKind})` +
        `  share ${fmt(share * 100, 0)}%  peak RSS ${fmt(line.import.peakRssMb, 0)} MB` +
        `  (${verdict} >= ${TARGET_SHARE_OF_CEILING * 100}% of the ceiling, < ${TARGET_RSS_MB} MB)`);
      const posts = (line.import.detail?.totals as { posts?: number } | undefined)?.posts;
      if (line.unit === 'MB/s' && posts !== undefined) console.log(`${''.padEnd(19)} ${fmt(posts / line.import.seconds, 0)} posts/s`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The run with the median time (the lower middle one for an even count). */
function median(measurements: Measurement[]): Measurement {
  const sorted = [...measurements].sort((a, b) => a.seconds - b.seconds);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/**
 * Waits until the system has written its dirty pages to disk (`sync`), so that a run does not pay for the writeback
 * of the runs before it: after the CSV and edge-list lines (gigabytes written), the tweet import's checkpoints
 * waited on that writeback, and its three runs took 4.74, 4.61 and 4.11 s where alone they take about 4.0.
 */
function settleDisk(): void {
  spawnSync('sync', { stdio: 'ignore' });
}
