import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeCsv, writeEdgeList, writeTweetPages } from './generate';
import { fmt, measureInChild } from './measure';

const TARGET_ROWS_PER_S = 2e6;
const TARGET_MB_PER_S = 100;
const TARGET_RSS_MB = 1024;

/**
 * `npm run bench -- import [--rows N] [--mb N] [--accounts N] [--seed N]`: generates a CSV interactions file, an
 * edge list of the same rows and a tweet JSONL file in a temp folder, imports each into a fresh database, and
 * prints throughput beside the ceilings measured in the same run and the peak RSS of each import.
 */
export async function benchImport(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { rows: { type: 'string', default: '10000000' }, mb: { type: 'string', default: '1024' },
      accounts: { type: 'string', default: '1000000' }, seed: { type: 'string', default: '42' } },
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
    await writeEdgeList(file('graph.edges'), rows, accounts, seed);
    const tweetBytes = await writeTweetPages(file('tweets.jsonl'), bytes, Math.min(accounts, 200_000), seed);
    console.log(`generated: CSV ${fmt(csvBytes / 1e6)} MB, tweets ${fmt(tweetBytes / 1e6)} MB\n`);

    const ceiling = measureInChild('sqlite-ceiling', [file('ceiling.sqlite'), String(rows), String(accounts), String(seed)]);
    const ceilingRate = rows / ceiling.seconds;
    const jsonCeiling = measureInChild('json-ceiling', [file('tweets.jsonl')]);
    const jsonCeilingRate = tweetBytes / 1e6 / jsonCeiling.seconds;

    const report = (label: string, rate: number, unit: string, base: number, baseLabel: string, target: number, rss: number) => {
      const verdict = rate >= target && rss < TARGET_RSS_MB ? 'meets' : 'MISSES';
      console.log(`${label.padEnd(22)} ${fmt(rate / (unit === 'rows/s' ? 1e6 : 1), 2).padStart(8)} ${unit === 'rows/s' ? 'M rows/s' : 'MB/s    '}` +
        `  ${fmt((rate / base) * 100, 0).padStart(4)}% of ${baseLabel}  peak RSS ${fmt(rss, 0)} MB  (${verdict} target ${unit === 'rows/s' ? `${fmt(target / 1e6)} M rows/s` : `${target} MB/s`}, < ${TARGET_RSS_MB} MB)`);
    };
    console.log(`${'ceiling: sqlite insert'.padEnd(22)} ${fmt(ceilingRate / 1e6, 2).padStart(8)} M rows/s  (plain prepared INSERT per row, one transaction)`);
    console.log(`${'ceiling: JSON.parse'.padEnd(22)} ${fmt(jsonCeilingRate, 2).padStart(8)} MB/s      (every line, nothing else)\n`);
    const csv = measureInChild('import', [file('csv.sqlite'), file('interactions.csv')]);
    report('import CSV', rows / csv.seconds, 'rows/s', ceilingRate, 'sqlite ceiling', TARGET_ROWS_PER_S, csv.peakRssMb);
    console.log(`${''.padEnd(22)} ${fmt(csvBytes / 1e6 / csv.seconds)} MB/s, ${fmt(csv.seconds)} s`);
    const edges = measureInChild('import', [file('edges.sqlite'), file('graph.edges')]);
    report('import edge list', rows / edges.seconds, 'rows/s', ceilingRate, 'sqlite ceiling', TARGET_ROWS_PER_S, edges.peakRssMb);
    const tweets = measureInChild('import', [file('tweets.sqlite'), file('tweets.jsonl')]);
    report('import tweet JSONL', tweetBytes / 1e6 / tweets.seconds, 'MB/s', jsonCeilingRate, 'JSON.parse ceiling', TARGET_MB_PER_S, tweets.peakRssMb);
    const totals = tweets.detail?.totals as { posts: number } | undefined;
    console.log(`${''.padEnd(22)} ${fmt((totals?.posts ?? 0) / tweets.seconds, 0)} posts/s, ${fmt(tweets.seconds)} s`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
