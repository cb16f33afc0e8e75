import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeCsv, writeEdgeList, writeTweetPages } from './generate';
import { fmt, measureInChild, type Measurement } from './measure';

/** Issue 14: an import is fast enough when it reaches half of what the same lines cost to parse and store plainly. */
const TARGET_SHARE_OF_CEILING = 0.5;
const TARGET_RSS_MB = 1024;

interface Line {
  label: string;
  rate: number;
  ceilingRate: number;
  unit: 'M rows/s' | 'MB/s';
  import: Measurement;
  ceiling: Measurement;
}

/**
 * `npm run bench -- import [--rows N] [--accounts N] [--mb N] [--seed N]`: generates a CSV interactions file with
 * string ids ("u123"), an edge list of the same rows (numeric ids, as SNAP files have them) and a tweet JSONL file,
 * imports each into a fresh database, and prints each rate as a share of its ceiling measured in the same run: for
 * CSV and edge list the same lines split and stored through multi-row INSERTs (bench/ceilings.ts), for tweets
 * JSON.parse of every line. The defaults are the issue's: 5M rows over 500k accounts, heavy-tailed.
 */
export async function benchImport(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { rows: { type: 'string', default: '5000000' }, mb: { type: 'string', default: '512' },
      accounts: { type: 'string', default: '500000' }, seed: { type: 'string', default: '42' } },
  });
  const rows = Number(values.rows);
  const accounts = Number(values.accounts);
  const seed = Number(values.seed);
  const bytes = Number(values.mb) * 1024 * 1024;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lens-bench-import-'));
  const file = (name: string) => path.join(dir, name);
  try {
    console.log(`bench import: ${fmt(rows, 0)} rows over ${fmt(accounts, 0)} accounts, ${fmt(bytes / 2 ** 20, 0)} MiB of tweets, seed ${seed}, in ${dir}`);
    const csvBytes = await writeCsv(file('interactions.csv'), rows, accounts, seed);
    const edgeBytes = await writeEdgeList(file('graph.edges'), rows, accounts, seed);
    const tweetBytes = await writeTweetPages(file('tweets.jsonl'), bytes, Math.min(accounts, 200_000), seed);
    console.log(`generated: CSV ${fmt(csvBytes / 1e6)} MB, edge list ${fmt(edgeBytes / 1e6)} MB, tweets ${fmt(tweetBytes / 1e6)} MB\n`);

    const rowsLine = (label: string, input: string, separator: string): Line => {
      const ceiling = measureInChild('rows-ceiling', [file(`${label}-ceiling.sqlite`), file(input), separator]);
      const run = measureInChild('import', [file(`${label}.sqlite`), file(input)]);
      return { label, rate: rows / run.seconds / 1e6, ceilingRate: rows / ceiling.seconds / 1e6, unit: 'M rows/s', import: run, ceiling };
    };
    const lines = [rowsLine('CSV', 'interactions.csv', ','), rowsLine('edge list', 'graph.edges', 'tab')];
    const jsonCeiling = measureInChild('json-ceiling', [file('tweets.jsonl')]);
    const tweets = measureInChild('import', [file('tweets.sqlite'), file('tweets.jsonl')]);
    lines.push({ label: 'tweet JSONL', rate: tweetBytes / 1e6 / tweets.seconds, ceilingRate: tweetBytes / 1e6 / jsonCeiling.seconds,
      unit: 'MB/s', import: tweets, ceiling: jsonCeiling });

    for (const line of lines) {
      const share = line.rate / line.ceilingRate;
      const verdict = share >= TARGET_SHARE_OF_CEILING && line.import.peakRssMb < TARGET_RSS_MB ? 'meets' : 'MISSES';
      const ceilingKind = line.unit === 'MB/s' ? 'JSON.parse of every line' : 'lines split + multi-row INSERT';
      console.log(`import ${line.label.padEnd(12)} ${fmt(line.rate, 2).padStart(7)} ${line.unit.padEnd(8)} in ${fmt(line.import.seconds, 2)} s` +
        `  ceiling ${fmt(line.ceilingRate, 2)} ${line.unit} in ${fmt(line.ceiling.seconds, 2)} s (${ceilingKind})` +
        `  share ${fmt(share * 100, 0)}%  peak RSS ${fmt(line.import.peakRssMb, 0)} MB` +
        `  (${verdict} >= ${TARGET_SHARE_OF_CEILING * 100}% of the ceiling, < ${TARGET_RSS_MB} MB)`);
    }
    const totals = tweets.detail?.totals as { posts: number } | undefined;
    console.log(`${''.padEnd(19)} tweets: ${fmt((totals?.posts ?? 0) / tweets.seconds, 0)} posts/s`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
