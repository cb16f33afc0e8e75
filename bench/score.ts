import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp, fmt, measureBuiltCli, measureInChild, type Measurement } from './measure';

const TARGET_EDGES_PER_S = 700e6;
const TARGET_WARM_SECONDS = 2;
const TARGET_SPEEDUP = 50;
const TARGET_RSS_MB = 500;

const line = (label: string, text: string) => console.log(`${label.padEnd(30)} ${text}`);
const verdict = (good: boolean) => (good ? 'meets' : 'MISSES');

/**
 * `npm run bench -- score [--rows N] [--accounts N] [--seed N] [--fresh]`: a seeded interaction dataset imported
 * once into a database kept in the temp folder (reused while rows, accounts and seed are unchanged), then PageRank,
 * k-core and Independent Cascade measured on it, each beside a baseline measured in the same run.
 */
export async function benchScore(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      rows: { type: 'string', default: '10000000' },
      accounts: { type: 'string', default: '1000000' },
      seed: { type: 'string', default: '42' },
      fresh: { type: 'boolean', default: false },
    },
  });
  const dir = path.join(os.tmpdir(), 'influence-lens-bench');
  fs.mkdirSync(dir, { recursive: true });
  const dbFile = path.join(dir, `score-${values.rows}-${values.accounts}-${values.seed}.sqlite`);
  if (values.fresh) for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbFile + suffix, { force: true });
  console.log(`bench score: ${fmt(Number(values.rows), 0)} interactions over ${fmt(Number(values.accounts), 0)} accounts, seed ${values.seed}`);
  const setup = measureInChild('score-setup', [dbFile, values.rows, values.accounts, values.seed]);
  const counts = setup.detail!.counts as { accounts: number; interactions: number };
  console.log(`database: ${dbFile} (${setup.detail!.reused ? 'reused' : `generated and imported in ${fmt(setup.seconds)} s`}), ` +
    `${fmt(counts.accounts, 0)} accounts, ${fmt(counts.interactions, 0)} interactions\n`);

  buildApp();
  const scoreArgs = (model: string, params: string[]) =>
    ['score', '--dataset', 'bench', '--model', model, '--db', dbFile, '--json', ...params.flatMap((p) => ['--param', p])];
  // `lens score` as released (the built bundle, `node out/main/cli.js`); `npm run lens` adds tsx's start-up.
  const cli = (model: string, params: string[] = []) => measureBuiltCli(scoreArgs(model, params));
  const fromSource = (model: string, params: string[] = []) => measureInChild('cli', scoreArgs(model, params));
  const endToEnd = (label: string, run: Measurement) =>
    line(label, `${fmt(run.wallSeconds, 2)} s wall (${fmt(run.seconds, 2)} s in the command), peak RSS ${fmt(run.peakRssMb, 0)} MB`);

  console.log('PageRank, 20 iterations');
  const kernels = measureInChild('pagerank-kernels', [dbFile]).detail as Record<string, number | boolean>;
  const work = (kernels.edges as number) * (kernels.iterations as number);
  const rate = (secondsTaken: number) => work / secondsTaken;
  line('  plain loop, 1 thread (baseline)', `${fmt(rate(kernels.plainSeconds as number) / 1e6, 0)} M edges/s`);
  line('  ours, 1 thread', `${fmt(rate(kernels.singleSeconds as number) / 1e6, 0)} M edges/s`);
  const ours = rate(kernels.parallelSeconds as number);
  line('  ours, 2 threads', `${fmt(ours / 1e6, 0)} M edges/s = ${fmt(ours / rate(kernels.plainSeconds as number), 2)} x baseline ` +
    `(${verdict(ours >= TARGET_EDGES_PER_S)} target ${fmt(TARGET_EDGES_PER_S / 1e6, 0)} M edges/s); ` +
    `max |difference| to baseline ${(kernels.difference as number).toExponential(1)}, 1 vs 2 threads byte-identical: ${kernels.identical}`);
  line('  graph', `${fmt(kernels.nodes as number, 0)} nodes, ${fmt(kernels.edges as number, 0)} distinct edges`);

  measureInChild('drop-graph-cache', [dbFile]);
  const pagerankParams = ['max_iterations=20', 'tolerance=1e-15', 'include_minors=true'];
  const cold = cli('pagerank', pagerankParams);
  endToEnd('  score, cold graph cache', cold);
  const warm = cli('pagerank', pagerankParams);
  endToEnd('  score, warm graph cache', warm);
  endToEnd('  score, warm, from source (tsx)', fromSource('pagerank', pagerankParams));
  const graphology = measureInChild('graphology-pagerank', [dbFile], ['--max-old-space-size=16384']);
  line('  graphology-metrics end to end', `${fmt(graphology.seconds, 1)} s (${fmt(graphology.detail!.pagerankSeconds as number, 1)} s of it PageRank), peak RSS ${fmt(graphology.peakRssMb, 0)} MB`);
  const speedup = graphology.seconds / warm.wallSeconds;
  const worstRss = Math.max(cold.peakRssMb, warm.peakRssMb);
  line('  verdict', `warm score ${verdict(warm.wallSeconds < TARGET_WARM_SECONDS)} < ${TARGET_WARM_SECONDS} s; ` +
    `${fmt(speedup, 0)} x graphology (cold: ${fmt(graphology.seconds / cold.wallSeconds, 0)} x), ${verdict(speedup >= TARGET_SPEEDUP)} ${TARGET_SPEEDUP} x; ` +
    `peak RSS ${verdict(worstRss < TARGET_RSS_MB)} < ${TARGET_RSS_MB} MB\n`);

  console.log('k-core');
  const core = measureInChild('kcore-kernels', [dbFile]).detail as Record<string, number | boolean>;
  line('  plain peeling with Sets (baseline)', `${fmt(core.plainSeconds as number, 2)} s`);
  line('  ours (bin sort, typed arrays)', `${fmt(core.oursSeconds as number, 2)} s = ${fmt((core.plainSeconds as number) / (core.oursSeconds as number), 1)} x baseline; same cores: ${core.agree}; max core ${core.maxCore}`);
  endToEnd('  score kcore, warm', cli('kcore', ['include_minors=true']));
  console.log('');

  console.log('Independent Cascade, 100 runs per account, p = 0.01');
  const cascade = measureInChild('spread-kernels', [dbFile]).detail as Record<string, number | boolean>;
  line('  plain simulation (baseline)', `${fmt(cascade.plainSeconds as number, 2)} s for ${fmt(cascade.sampled as number, 0)} accounts = ${fmt(cascade.plainProjected as number, 1)} s projected for all`);
  line('  ours, on all accounts', `${fmt(cascade.oursSeconds as number, 2)} s = ${fmt((cascade.plainProjected as number) / (cascade.oursSeconds as number), 1)} x baseline`);
  endToEnd('  score spread, warm', cli('spread', ['runs=100', 'probability=0.01', 'include_minors=true']));
}
