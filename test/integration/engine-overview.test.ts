import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineClient } from '../../src/main/engine/client';
import { startEngineThread } from '../../src/main/engine/thread';
import type { JobProgress } from '../../src/shared/runs';
import { tracked, value, writeEdgeList } from '../engine-helpers';
import { tempDir } from '../helpers';

// overview.dataset (the Start screen) measures Spearman of every pair of the latest runs, which reads every run's
// scores: it runs in the job pool (task modelAgreement), so the engine thread answers cheap calls meanwhile. The
// real engine (a worker thread owning a real SQLite file) and a generated edge list with string ids, 150,000
// accounts, four models: six pairs of 150k-account runs.
const MODELS = ['indegree', 'pagerank', 'hits', 'kcore'];
let engine: EngineClient;
const runs: number[] = [];


beforeAll(async () => {
  const dir = tempDir('lens-overview-');
  const edges = writeEdgeList(path.join(dir, 'big.edgelist'), 600_000, 150_000);
  engine = startEngineThread(path.join(dir, 'workbench.sqlite'));
  expect(await engine.opened()).toBeNull();
  value(await engine.call('datasets.import', { paths: [edges], dataset: 'big', edges: 'attention' }));
  for (const model of MODELS) runs.push(value(await engine.call('runs.score', { dataset: 'big', model })).run.id);
}, 600_000);

afterAll(async () => {
  await engine.stop();
});

describe('overview.dataset leaves the engine thread free', () => {
  it('answers datasets.list asked after an overview.dataset first, and the overview agrees with analysis.compare', async () => {
    const order: string[] = [];
    const asked = performance.now();
    const overview = tracked(order, 'overview.dataset', engine.call('overview.dataset', { dataset: 'big', pairs: 10 }));
    const listed = value(await tracked(order, 'datasets.list', engine.call('datasets.list', {})));
    const listMs = performance.now() - asked;
    expect(listed.map((d) => d.dataset.name)).toEqual(['big']);
    const summary = value(await overview);
    expect(order).toEqual(['datasets.list', 'overview.dataset']);
    console.log(`datasets.list asked with an overview.dataset: ${listMs.toFixed(1)} ms; the overview answered ${(performance.now() - asked).toFixed(0)} ms after it was asked`);

    expect(summary.latestRuns.map((run) => run.id)).toEqual(runs);
    expect(summary.disagreements).toHaveLength((MODELS.length * (MODELS.length - 1)) / 2);
    const rhos = summary.disagreements.map((pair) => pair.spearman ?? Number.POSITIVE_INFINITY);
    expect([...rhos].sort((a, b) => a - b)).toEqual(rhos);
    const compared = value(await engine.call('analysis.compare', { runs, bootstrap: 0, noise_ceiling: 'off' }));
    const accounts = listed[0]!.accounts;
    for (const pair of summary.disagreements) {
      const same = compared.pairs.find((other) => other.a === pair.a.id && other.b === pair.b.id)!;
      // Every model scores every account of the dataset.
      expect(pair.n).toBe(accounts);
      expect(pair.n).toBe(same.n);
      expect(pair.spearman).toBeCloseTo(same.spearman!, 12);
    }
  }, 300_000);

  it('answers datasets.list while the pairs are being measured on a job thread, which reports its progress', async () => {
    const order: string[] = [];
    const phases: string[] = [];
    let measuring!: () => void;
    const started = new Promise<void>((resolve) => (measuring = resolve));
    const onJobProgress = (progress: JobProgress) => {
      phases.push(progress.phase);
      measuring();
    };
    const overview = tracked(order, 'overview.dataset', engine.call('overview.dataset', { dataset: 'big' }, { onJobProgress }));
    await started;
    const listed = value(await tracked(order, 'datasets.list', engine.call('datasets.list', {})));
    expect(listed.map((d) => d.dataset.name)).toEqual(['big']);
    expect(value(await overview).disagreements).toHaveLength(5);
    expect(order).toEqual(['datasets.list', 'overview.dataset']);
    expect(phases[0]).toBe(`run ${runs[0]} with run ${runs[1]}`);
  }, 300_000);

  it('cancels the measuring on its job thread', async () => {
    const abort = new AbortController();
    const result = await engine.call('overview.dataset', { dataset: 'big' }, { signal: abort.signal, onJobProgress: () => abort.abort() });
    expect(result).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  }, 300_000);
});
