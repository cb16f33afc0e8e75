import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Graph from 'graphology';
import graphologyPagerank from 'graphology-metrics/centrality/pagerank.js';
import { defaultGraphOptions } from '../src/shared/models/descriptor';
import { runImport } from '../src/main/import/run-import';
import { loadModelInput } from '../src/main/scoring/input/load-input';
import { pagerankParallel, pagerankSingleThread, type PagerankProblem } from '../src/main/scoring/parallel/pagerank-solver';
import { coreNumbers } from '../src/main/scoring/models/kcore';
import { spreadImplementation } from '../src/main/scoring/models/spread';
import { spreadModel } from '../src/shared/models/spread';
import { openDatabase } from '../src/main/store/db';
import { writeCsv } from './generate';
import { plainCascades, plainCoreNumbers, plainPagerank } from './plain';
import { seededRandom } from './random';

const ITERATIONS = 20;
const ALPHA = 0.85;

function loadWarm(dbFile: string) {
  const db = openDatabase(dbFile);
  const loaded = loadModelInput(db, 1, { needs: {}, graph: defaultGraphOptions, includeMinors: true, progress: () => undefined });
  db.close();
  return loaded.input.graph;
}

const quietContext = {
  seed: 1,
  progress: () => undefined,
  checkCancelled: () => undefined,
  nodeOf: () => -1,
  topicStrength: () => new Float64Array(0),
};

const seconds = (start: number) => (performance.now() - start) / 1000;

/** The benchmark's tasks for scoring, each run in its own process (see measure.ts). */
export const scoreTasks: Record<string, (args: string[]) => Promise<Record<string, unknown>>> = {
  /** Generates the seeded interactions and imports them, unless the database already holds them. */
  async 'score-setup'([dbFile, rows, accounts, seed]) {
    const db = openDatabase(dbFile!);
    const have = db.prepare("SELECT count(*) FROM datasets WHERE name = 'bench'").pluck().get() as number;
    if (have === 0) {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lens-bench-gen-')), 'interactions.csv');
      await writeCsv(file, Number(rows), Number(accounts), Number(seed));
      await runImport(db, { paths: [file], dataset: 'bench' });
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
    const counts = db.prepare('SELECT (SELECT count(*) FROM accounts) AS accounts, (SELECT count(*) FROM interactions) AS interactions').get();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    return { reused: have > 0, counts };
  },
  async 'drop-graph-cache'([dbFile]) {
    const db = openDatabase(dbFile!);
    db.prepare('DELETE FROM graph_cache').run();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    return {};
  },
  /** Steady PageRank iterations on the loaded graph: the plain loop, our kernel on one thread, on two. */
  async 'pagerank-kernels'([dbFile]) {
    const graph = loadWarm(dbFile!);
    const incoming = graph.incoming();
    const edges = incoming.targets.length;
    const problem: PagerankProblem = {
      incoming,
      weighted: true,
      scaledInverseOut: graph.outWeight.map((w) => (w > 0 ? ALPHA / w : 0)),
      teleport: new Float64Array(graph.nodeCount).fill((1 - ALPHA) / graph.nodeCount),
      danglingTarget: new Float64Array(graph.nodeCount).fill(1 / graph.nodeCount),
      alpha: ALPHA,
      tolerance: 0,
      maxIterations: ITERATIONS,
      onIteration: () => undefined,
    };
    const start = performance.now();
    const plain = plainPagerank(incoming, graph.outWeight, ALPHA, ITERATIONS);
    const plainSeconds = seconds(start);
    // Steady rate: from the end of the first iteration to the end of the last, so thread start-up and copying the
    // graph into shared memory are left out (they are in the end-to-end figures).
    const steady = async (solve: (p: PagerankProblem) => Promise<{ scores: Float64Array }> | { scores: Float64Array }) => {
      let first = 0;
      let last = 0;
      const run = await solve({ ...problem, onIteration: (i) => ((i === 1 ? (first = performance.now()) : (last = performance.now())), undefined) });
      return { scores: run.scores, seconds: (last - first) / 1000 / (ITERATIONS - 1) };
    };
    const single = await steady(pagerankSingleThread);
    const parallel = await steady(pagerankParallel);
    const singleSeconds = single.seconds * ITERATIONS;
    const parallelSeconds = parallel.seconds * ITERATIONS;
    let difference = 0;
    for (let v = 0; v < graph.nodeCount; v++) difference = Math.max(difference, Math.abs(parallel.scores[v]! - plain[v]!));
    const identical = Buffer.compare(Buffer.from(single.scores.buffer), Buffer.from(parallel.scores.buffer)) === 0;
    return { nodes: graph.nodeCount, edges, iterations: ITERATIONS, plainSeconds, singleSeconds, parallelSeconds, difference, identical };
  },
  /** graphology-metrics' PageRank end to end: edges read from the same database, graph built, 20 iterations. */
  async 'graphology-pagerank'([dbFile]) {
    const db = openDatabase(dbFile!);
    const graph = new Graph({ type: 'directed', allowSelfLoops: true });
    for (const id of db.prepare('SELECT id FROM accounts WHERE dataset_id = 1').pluck().iterate() as Iterable<number>) graph.addNode(id);
    const rows = db.prepare('SELECT actor_id, target_id, weight FROM interactions WHERE dataset_id = 1').raw().iterate();
    for (const [actor, target, weight] of rows as Iterable<[number, number, number]>) {
      graph.updateEdge(actor, target, (attributes: { weight?: number }) => ({ weight: (attributes.weight ?? 0) + weight }));
    }
    db.close();
    const built = performance.now();
    try {
      graphologyPagerank(graph, { alpha: ALPHA, maxIterations: ITERATIONS, tolerance: 0, getEdgeWeight: 'weight' });
    } catch (error) {
      // It reports "failed to converge" after exactly maxIterations, which is the 20 iterations asked for.
      if (!String(error).includes('failed to converge')) throw error;
    }
    return { nodes: graph.order, edges: graph.size, pagerankSeconds: seconds(built) };
  },
  async 'kcore-kernels'([dbFile]) {
    const graph = loadWarm(dbFile!);
    const incoming = graph.incoming();
    let start = performance.now();
    const ours = coreNumbers(graph.out, incoming, quietContext);
    const oursSeconds = seconds(start);
    start = performance.now();
    const plain = plainCoreNumbers(graph.out);
    const plainSeconds = seconds(start);
    const agree = ours.every((k, v) => k === plain[v]);
    const maxCore = ours.reduce((most, k) => Math.max(most, k), 0);
    return { nodes: graph.nodeCount, edges: graph.edgeCount, oursSeconds, plainSeconds, agree, maxCore };
  },
  /** 100 cascades per account at p = 0.01: ours on every account, the plain way on a sample (projected). */
  async 'spread-kernels'([dbFile]) {
    const graph = loadWarm(dbFile!);
    const params = spreadModel.params.parse({ probability: 0.01, runs: 100 });
    const input = { graph, followers: new Float64Array(0), interactions: null, posts: null };
    let start = performance.now();
    const ours = await spreadImplementation.score(input, params, quietContext);
    const oursSeconds = seconds(start);
    const sampled = Math.min(graph.nodeCount, 20_000);
    start = performance.now();
    const plain = plainCascades(graph.incoming(), 0.01, 100, sampled, seededRandom(7));
    const plainSeconds = seconds(start);
    let oursMean = 0;
    let plainMean = 0;
    for (let v = 0; v < sampled; v++) {
      oursMean += ours.outputs.score![v]! / sampled;
      plainMean += plain[v]! / sampled;
    }
    return { sampled, oursSeconds, plainSeconds, plainProjected: (plainSeconds * graph.nodeCount) / sampled, oursMean, plainMean };
  },
};
