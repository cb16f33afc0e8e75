import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../src/shared/api';
import type { EngineClient } from '../../src/main/engine/client';
import { startEngineThread } from '../../src/main/engine/thread';
import { value, writeEdgeList } from '../engine-helpers';
import { tempDir } from '../helpers';
import { realDatasets } from '../real-datasets';

// The real engine: a worker thread owning a real SQLite file, real datasets, and a generated 2M-edge edge list
// with string ids whose import takes long enough to do everything else while it runs.
let dir: string;
let bigFile: string;
let engine: EngineClient;
let file: string;


/** Starts the big import and resolves once it has committed rows (its first progress with records). */
function startBigImport(dataset: string) {
  const abort = new AbortController();
  let started!: () => void;
  const running = new Promise<void>((resolve) => (started = resolve));
  const result = engine.call('datasets.import', { paths: [bigFile], dataset, edges: 'attention' }, {
    signal: abort.signal,
    onProgress: (progress) => {
      if (progress.records > 200_000) started();
    },
  });
  void result.then(() => started());
  return { abort, running, result };
}

function staging(): number {
  const raw = new Database(file, { readonly: true });
  try {
    return raw.prepare('SELECT count(*) FROM datasets WHERE staged_by IS NOT NULL').pluck().get() as number;
  } finally {
    raw.close();
  }
}

beforeAll(async () => {
  dir = tempDir('lens-engine-');
  bigFile = writeEdgeList(path.join(dir, 'big.edgelist'), 2_000_000);
  file = path.join(dir, 'workbench.sqlite');
  engine = startEngineThread(file);
  expect(await engine.opened()).toBeNull();
  value(await engine.call('datasets.import', { paths: realDatasets.karate!, dataset: 'karate' }));
}, 120_000);

afterAll(async () => {
  await engine.stop();
});

describe('the engine under concurrent calls', () => {
  it('scores during a running import, lists quickly without the half-imported dataset, and keeps the run after a cancel', async () => {
    value(await engine.call('runs.score', { dataset: 'karate', model: 'pagerank' })); // caches the graph
    const big = startBigImport('big');
    await big.running;
    const during = value(await engine.call('runs.score', { dataset: 'karate', model: 'pagerank' }));
    const scoresBefore = value(await engine.call('runs.scores', { run: during.run.id }));
    const timings: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      const names = value(await engine.call('datasets.list', {})).map((d) => d.dataset.name);
      timings.push(performance.now() - start);
      expect(names).toEqual(['karate']);
    }
    console.log(`datasets.list during a 2M-edge import: ${timings.map((t) => t.toFixed(1)).join(', ')} ms`);
    expect(Math.max(...timings)).toBeLessThan(200);
    big.abort.abort();
    const cancelled = await big.result;
    expect(cancelled).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    const runs = value(await engine.call('runs.list', {})).map((run) => run.id);
    expect(runs).toContain(during.run.id);
    expect(value(await engine.call('runs.scores', { run: during.run.id }))).toEqual(scoresBefore);
    const next = value(await engine.call('runs.score', { dataset: 'karate', model: 'indegree' }));
    expect(next.run.id).toBeGreaterThan(during.run.id);
    expect(value(await engine.call('datasets.list', {})).map((d) => d.dataset.name)).toEqual(['karate']);
    expect(staging()).toBe(0);
  }, 180_000);

  it('runs two imports started at once one after the other; the second says which it waits for; both land', async () => {
    const progress: ImportProgress[] = [];
    const [lesmis, congress] = await Promise.all([
      engine.call('datasets.import', { paths: realDatasets.lesmis!, dataset: 'lesmis' }),
      engine.call('datasets.import', { paths: realDatasets.congress!, dataset: 'congress', edges: 'influence' },
        { onProgress: (p) => progress.push(p) }),
    ]);
    expect(value(lesmis).totals.accounts).toBe(77);
    expect(value(congress).totals.interactions.edge).toBe(13_289);
    expect(progress[0]?.waitingFor).toBe('lesmis');
    expect(value(await engine.call('datasets.list', {})).map((d) => d.dataset.name)).toEqual(['congress', 'karate', 'lesmis']);
  }, 120_000);

  it('keeps a dataset deleted during an import deleted, and an import into a dataset deleted meanwhile publishes nothing', async () => {
    const big = startBigImport('lesmis');
    await big.running;
    value(await engine.call('datasets.delete', { name: 'congress' }));
    value(await engine.call('datasets.delete', { name: 'lesmis' }));
    const outcome = await big.result;
    expect(outcome).toMatchObject({ ok: false, error: { code: 'import_failed' } });
    expect(!outcome.ok && outcome.error.message).toMatch(/deleted while this import ran/);
    expect(value(await engine.call('datasets.list', {})).map((d) => d.dataset.name)).toEqual(['karate']);
    expect(staging()).toBe(0);
  }, 240_000);

  it('dedupes an import into an existing dataset against it: two files one after the other equal both at once', async () => {
    const [brexit, kpop] = realDatasets['twitter-v2']!;
    value(await engine.call('datasets.import', { paths: [brexit!, kpop!], dataset: 'together' }));
    value(await engine.call('datasets.import', { paths: [brexit!], dataset: 'apart' }));
    value(await engine.call('datasets.import', { paths: [kpop!], dataset: 'apart' }));
    const again = value(await engine.call('datasets.import', { paths: [kpop!], dataset: 'apart' }));
    expect(again.files.map((f) => f.status)).toEqual(['unchanged']);
    const together = value(await engine.call('datasets.show', { name: 'together' }));
    const apart = value(await engine.call('datasets.show', { name: 'apart' }));
    const counts = (d: typeof together) => ({ accounts: d.accounts, posts: d.posts, interactions: d.interactions, placeholders: d.placeholders });
    expect(counts(apart)).toEqual(counts(together));
    expect(apart.contentHash).toBe(together.contentHash);
    expect(staging()).toBe(0);
  }, 120_000);
});
