import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSweep } from '../../src/main/cli/commands/sensitivity';
import { sweepValues } from '../../src/shared/sensitivity';
import { datasetsDir, tempDb } from '../helpers';
import { call } from '../run-helpers';

/** Spearman's rho from its definition: Pearson's r of the mean ranks, written here independently of src/. */
function naiveSpearman(x: number[], y: number[]): number {
  const ranks = (v: number[]) => v.map((a) => v.filter((b) => b < a).length + (v.filter((b) => b === a).length + 1) / 2);
  const rx = ranks(x);
  const ry = ranks(y);
  const mean = (v: number[]) => v.reduce((s, a) => s + a, 0) / v.length;
  const mx = mean(rx);
  const my = mean(ry);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < rx.length; i++) {
    sxy += (rx[i]! - mx) * (ry[i]! - my);
    sxx += (rx[i]! - mx) ** 2;
    syy += (ry[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe('sensitivity: one parameter swept against the default run', () => {
  const { db } = tempDb();
  afterAll(() => db.close());

  it('sweeps pagerank alpha on karate: each value a stored run, agreement as computed from the scores by hand', async () => {
    const karate = path.join(datasetsDir, 'karate', 'karate_club_weighted.csv');
    await call(db, 'datasets.import', { paths: [karate], dataset: 'karate', map: { source: 'source', target: 'target', weight: 'weight' } });
    const output = await call(db, 'runs.sensitivity', { dataset: 'karate', model: 'pagerank', param: 'alpha', from: 0.5, to: 0.85, step: 0.35 / 2 });
    expect(output.model).toEqual({ id: 'pagerank', version: '1', fidelity: 'published' });
    expect(output.base.value).toBe(0.85);
    expect(output.points.map((point) => point.value)).toEqual([0.5, 0.675, 0.85]);
    const scoresOf = async (run: number) => {
      const table = await call(db, 'runs.scores', { run });
      return new Map(table.rows.map((row) => [row.accountId, row.values[0]!]));
    };
    const base = await scoresOf(output.base.run);
    const accounts = [...base.keys()];
    for (const point of output.points) {
      const detail = await call(db, 'runs.show', { run: point.run });
      expect(detail.params.alpha).toBe(point.value);
      const variant = await scoresOf(point.run);
      const expected = naiveSpearman(accounts.map((a) => base.get(a)!), accounts.map((a) => variant.get(a)!));
      expect(point.spearman).toBeCloseTo(expected, 12);
    }
    // At the default itself the run is the base run again: full agreement, nobody moves.
    expect(output.points[2]).toMatchObject({ spearman: 1, rbo: 1, jaccard: 1, turnover: 0 });
    expect(output.points[0]!.spearman).toBeLessThan(1);
    for (const mover of output.movers) expect(mover.ranks[2]).toBe(mover.base_rank);
    const shifts = output.movers.map((m) => m.max_shift);
    expect(shifts).toEqual([...shifts].sort((a, b) => b - a));
  });

  it('sweeps a kind weight: scaling every edge of a one-kind graph leaves PageRank where it was', async () => {
    const output = await call(db, 'runs.sensitivity', { dataset: 'karate', model: 'pagerank', param: 'weights.edge', from: 0.25, to: 1, step: 0.75 });
    expect(output.base.value).toBe(1);
    for (const point of output.points) expect(point).toMatchObject({ spearman: 1, jaccard: 1, turnover: 0 });
    expect(output.movers.every((mover) => mover.max_shift === 0)).toBe(true);
  });

  it('gives the same figures and movers on the Congress network when run again', async () => {
    const congress = path.join(datasetsDir, 'congress-twitter', 'congress_network_data.json');
    await call(db, 'datasets.import', { paths: [congress], dataset: 'congress', edges: 'influence' });
    const sweep = { dataset: 'congress', model: 'pagerank', param: 'alpha', from: 0.75, to: 0.95, step: 0.1, movers: 5 };
    const first = await call(db, 'runs.sensitivity', sweep);
    const second = await call(db, 'runs.sensitivity', sweep);
    const figures = (output: typeof first) => ({ points: output.points.map(({ run: _, ...figure }) => figure), movers: output.movers });
    expect(figures(second)).toEqual(figures(first));
    expect(first.points.map((p) => p.value)).toEqual([0.75, 0.85, 0.95]);
    expect(first.points[1]).toMatchObject({ spearman: 1, turnover: 0 });
    // RBO of a ranking with itself sums 475 depth terms: 1 up to float rounding.
    expect(first.points[1]!.rbo).toBeCloseTo(1, 12);
    for (const point of [first.points[0]!, first.points[2]!]) {
      expect(point.spearman!).toBeGreaterThan(0.9);
      expect(point.spearman!).toBeLessThan(1);
    }
  });

  it('refuses a parameter that is not numeric, or one both swept and fixed', async () => {
    await expect(call(db, 'runs.sensitivity', { dataset: 'karate', model: 'pagerank', param: 'weighted', from: 0, to: 1, step: 1 })).rejects.toThrow(
      /invalid_input: pagerank has no numeric parameter weighted/,
    );
    await expect(
      call(db, 'runs.sensitivity', { dataset: 'karate', model: 'pagerank', param: 'alpha', from: 0.5, to: 0.6, step: 0.1, params: { alpha: 0.7 } }),
    ).rejects.toThrow(/alpha is the swept parameter/);
    await expect(call(db, 'runs.sensitivity', { dataset: 'karate', model: 'pagerank', param: 'alpha', from: 0.1, to: 0.9, step: 0.001 })).rejects.toThrow(
      /at most 50 values/,
    );
  });
});

describe('sweep parsing', () => {
  it('reads NAME=FROM:TO:STEP, keeps the other --param options fixed, and rounds away float residue', () => {
    expect(parseSweep(['alpha=0.75:0.95:0.05', 'weights.mention=0'])).toEqual({
      param: 'alpha',
      from: 0.75,
      to: 0.95,
      step: 0.05,
      params: { weights: { mention: 0 } },
    });
    expect(sweepValues(0.75, 0.95, 0.05)).toEqual([0.75, 0.8, 0.85, 0.9, 0.95]);
    expect(sweepValues(0.1, 0.3, 0.1)).toEqual([0.1, 0.2, 0.3]);
    expect(() => parseSweep(['alpha=0.8'])).toThrow(/exactly one --param NAME=FROM:TO:STEP/);
  });
});
