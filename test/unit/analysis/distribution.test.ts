import { describe, expect, it } from 'vitest';
import { DISTRIBUTION_PERCENTILES, describeDistribution } from '../../../src/main/analysis/distribution';
import { seededRandom as random } from '../../../src/shared/random';

/** Pareto-like scores, heavy tailed, as influence scores tend to be. */
function heavyTailed(n: number, seed: number): Float64Array {
  const next = random(seed);
  return Float64Array.from({ length: n }, () => 1 / Math.pow(1 - next(), 1 / 1.5));
}

function scores(...values: number[]): Float64Array {
  return Float64Array.from(values);
}

/** numpy.percentile(values, p), method="linear", written from its definition. */
function numpyLinear(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = ((sorted.length - 1) * p) / 100;
  const i = Math.floor(h);
  const j = Math.min(i + 1, sorted.length - 1);
  return sorted[i]! + (h - i) * (sorted[j]! - sorted[i]!);
}

/** The stated formula, term by term. */
function naiveGini(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  let weighted = 0;
  let total = 0;
  sorted.forEach((x, i) => {
    weighted += (i + 1) * x;
    total += x;
  });
  return (2 * weighted) / (n * total) - (n + 1) / n;
}

describe('describeDistribution: summary statistics', () => {
  it('computes min, max, mean, median and the percentiles of a small hand case', () => {
    const d = describeDistribution(scores(4, 1, 3, 2));
    expect(d).toMatchObject({ n: 4, unscored: 0, min: 1, max: 4, mean: 2.5, median: 2.5 });
    // numpy.percentile([1, 2, 3, 4], [1, 25, 50, 75, 99.9]) = [1.03, 1.75, 2.5, 3.25, 3.997]
    const at = new Map(d.percentiles.map(({ p, value }) => [p, value]));
    expect(at.get(1)).toBeCloseTo(1.03, 12);
    expect(at.get(25)).toBeCloseTo(1.75, 12);
    expect(at.get(50)).toBe(2.5);
    expect(at.get(75)).toBeCloseTo(3.25, 12);
    expect(at.get(99.9)).toBeCloseTo(3.997, 12);
    expect(d.percentiles.map((q) => q.p)).toEqual([1, 5, 10, 25, 50, 75, 90, 95, 99, 99.9]);
  });

  it('matches numpy-linear percentiles on random inputs of many sizes', () => {
    const next = random(7);
    for (const n of [1, 2, 3, 10, 99, 100, 101, 1000, 4321]) {
      const values = Array.from({ length: n }, () => (next() - 0.3) * 1000);
      const d = describeDistribution(Float64Array.from(values));
      for (const { p, value } of d.percentiles) expect(value).toBeCloseTo(numpyLinear(values, p), 9);
      expect(d.median).toBeCloseTo(numpyLinear(values, 50), 9);
      expect(d.mean).toBeCloseTo(values.reduce((s, x) => s + x, 0) / n, 9);
      expect(d.min).toBe(Math.min(...values));
      expect(d.max).toBe(Math.max(...values));
    }
  });

  it('leaves NaN and infinite scores out and counts them as unscored, without touching the input', () => {
    const input = scores(NaN, 3, Infinity, 1, NaN, -Infinity, 2);
    const copy = input.slice();
    const d = describeDistribution(input);
    expect(d).toMatchObject({ n: 3, unscored: 4, min: 1, max: 3, mean: 2, median: 2 });
    expect(d.histogram.linear.reduce((s, b) => s + b.count, 0)).toBe(3);
    expect(d.ccdf[0]).toEqual({ x: 1, p: 1 });
    expect(input).toEqual(copy);
  });

  it('reports an empty or wholly unscored input with nulls and empty lists', () => {
    const empty = {
      n: 0,
      min: null,
      max: null,
      mean: null,
      median: null,
      percentiles: [],
      histogram: { linear: [], log: null, zeroOrNegative: 0 },
      ccdf: [],
      gini: null,
      top1Share: null,
      ties: { scored: 0, distinct_scores: 0, tied_accounts: 0, tied_share: null, largest_group: 0, largest_group_score: null },
    };
    expect(describeDistribution(new Float64Array(0))).toEqual({ ...empty, unscored: 0 });
    expect(describeDistribution(scores(NaN, NaN))).toEqual({ ...empty, unscored: 2 });
  });

  it('handles equal scores: one linear bin holding everything, no log histogram, zero Gini', () => {
    const d = describeDistribution(new Float64Array(250).fill(0.1));
    expect(d).toMatchObject({ n: 250, min: 0.1, max: 0.1, mean: 0.1, median: 0.1, gini: 0 });
    expect(d.percentiles.every((q) => q.value === 0.1)).toBe(true);
    expect(d.histogram).toEqual({ linear: [{ from: 0.1, to: 0.1, count: 250 }], log: null, zeroOrNegative: 0 });
    expect(d.ccdf).toEqual([{ x: 0.1, p: 1 }]);
    expect(d.ties).toEqual({ scored: 250, distinct_scores: 1, tied_accounts: 250, tied_share: 1, largest_group: 250, largest_group_score: 0.1 });
    expect(d.top1Share).toBeCloseTo(3 / 250, 12);
  });

  it('reports -0 as 0', () => {
    const d = describeDistribution(scores(-0, 1));
    expect(Object.is(d.min, 0)).toBe(true);
    expect(Object.is(d.histogram.linear[0]!.from, 0)).toBe(true);
  });
});

describe('describeDistribution: inequality', () => {
  it('gives Gini 0 for equal holdings and (n - 1) / n when one account holds everything', () => {
    expect(describeDistribution(new Float64Array(10).fill(7)).gini).toBe(0);
    for (const n of [1, 2, 5, 1000]) {
      const values = new Float64Array(n);
      values[n - 1] = 42;
      expect(describeDistribution(values).gini).toBeCloseTo((n - 1) / n, 12);
    }
  });

  it('gives the hand-computed Gini of 1, 2, 3, 4', () => {
    // Mean absolute difference over all ordered pairs: 20 / 16; G = 20 / (2 · 4² · 2.5) = 0.25.
    expect(describeDistribution(scores(3, 1, 4, 2)).gini).toBeCloseTo(0.25, 14);
  });

  it('agrees with the stated formula on random non-negative scores', () => {
    for (const seed of [1, 2, 3]) {
      const values = Array.from(heavyTailed(5000, seed));
      values[0] = 0;
      expect(describeDistribution(Float64Array.from(values)).gini).toBeCloseTo(naiveGini(values), 10);
    }
  });

  it('has no Gini when a score is negative or the total is zero', () => {
    expect(describeDistribution(scores(-1, 2, 3)).gini).toBeNull();
    expect(describeDistribution(scores(0, 0, 0)).gini).toBeNull();
  });

  it('gives the top 1% share over ceil(n / 100) accounts', () => {
    const hundred = new Float64Array(100).fill(1);
    hundred[17] = 101;
    expect(describeDistribution(hundred).top1Share).toBeCloseTo(101 / 200, 14);
    // 101 accounts: the top 1% is two accounts.
    const values = Float64Array.from({ length: 101 }, (_, i) => i + 1);
    expect(describeDistribution(values).top1Share).toBeCloseTo((101 + 100) / ((101 * 102) / 2), 14);
    expect(describeDistribution(scores(5)).top1Share).toBe(1);
    // Negative scores count in the total.
    expect(describeDistribution(scores(-2, 1, 3)).top1Share).toBeCloseTo(3 / 2, 14);
  });

  it('has no top 1% share unless the total is positive', () => {
    expect(describeDistribution(scores(0, 0)).top1Share).toBeNull();
    expect(describeDistribution(scores(-3, 1, 2)).top1Share).toBeNull();
  });
});

describe('describeDistribution: histograms', () => {
  it('cuts [min, max] into equal bins, the last one closed', () => {
    const d = describeDistribution(Float64Array.from({ length: 11 }, (_, i) => i), { bins: 5 });
    expect(d.histogram.linear).toEqual([
      { from: 0, to: 2, count: 2 },
      { from: 2, to: 4, count: 2 },
      { from: 4, to: 6, count: 2 },
      { from: 6, to: 8, count: 2 },
      { from: 8, to: 10, count: 3 },
    ]);
  });

  it('has contiguous edges from min to max and counts that match a direct count', () => {
    const next = random(11);
    const values = Float64Array.from({ length: 10_000 }, () => (next() - 0.5) * 37);
    const d = describeDistribution(values, { bins: 17 });
    const bins = d.histogram.linear;
    expect(bins).toHaveLength(17);
    expect(bins[0]!.from).toBe(d.min);
    expect(bins.at(-1)!.to).toBe(d.max);
    const width = (d.max! - d.min!) / 17;
    bins.forEach((bin, b) => {
      if (b > 0) expect(bin.from).toBe(bins[b - 1]!.to);
      expect(bin.to - bin.from).toBeCloseTo(width, 9);
      const last = b === bins.length - 1;
      const direct = values.filter((x) => x >= bin.from && (x < bin.to || (last && x <= bin.to))).length;
      expect(bin.count).toBe(direct);
    });
    expect(bins.reduce((s, bin) => s + bin.count, 0)).toBe(d.n);
  });

  it('cuts the positive scores into equal bins in log10 and reports zero or negative ones aside', () => {
    const d = describeDistribution(scores(0, -5, 1, 10, 100, 1000, 1000, 0), { bins: 3 });
    expect(d.histogram.zeroOrNegative).toBe(3);
    const log = d.histogram.log!;
    expect(log.map((b) => b.count)).toEqual([1, 1, 3]);
    expect(log[0]!.from).toBe(1);
    expect(log[0]!.to).toBeCloseTo(10, 12);
    expect(log[1]!.to).toBeCloseTo(100, 10);
    expect(log[2]!.to).toBe(1000);
  });

  it('has log edges evenly spaced in log10 and counts that match a direct count', () => {
    const values = heavyTailed(20_000, 5);
    const d = describeDistribution(values, { bins: 30 });
    const log = d.histogram.log!;
    const step = (Math.log10(d.max!) - Math.log10(d.min!)) / 30;
    log.forEach((bin, b) => {
      if (b > 0) expect(bin.from).toBe(log[b - 1]!.to);
      expect(Math.log10(bin.to) - Math.log10(bin.from)).toBeCloseTo(step, 9);
      const last = b === log.length - 1;
      const direct = values.filter((x) => x >= bin.from && (x < bin.to || (last && x <= bin.to))).length;
      expect(bin.count).toBe(direct);
    });
    expect(log.reduce((s, bin) => s + bin.count, 0)).toBe(20_000);
  });

  it('has no log histogram with fewer than two distinct positive scores', () => {
    expect(describeDistribution(scores(-1, 0, 5, 5)).histogram).toMatchObject({ log: null, zeroOrNegative: 2 });
    expect(describeDistribution(scores(-1, 0)).histogram).toMatchObject({ log: null, zeroOrNegative: 2 });
  });

  it('rejects a bin count or CCDF size it cannot honour', () => {
    expect(() => describeDistribution(scores(1), { bins: 0 })).toThrow(RangeError);
    expect(() => describeDistribution(scores(1), { bins: 2.5 })).toThrow(RangeError);
    expect(() => describeDistribution(scores(1), { ccdfPoints: 1 })).toThrow(RangeError);
  });
});

describe('describeDistribution: CCDF', () => {
  it('gives P(X >= x) at every distinct score when there are few', () => {
    expect(describeDistribution(scores(2, 1, 3, 2, 1, 2)).ccdf).toEqual([
      { x: 1, p: 1 },
      { x: 2, p: 4 / 6 },
      { x: 3, p: 1 / 6 },
    ]);
  });

  it('thins to at most ccdfPoints, keeps both ends and is exact at the kept points', () => {
    const values = heavyTailed(50_000, 9);
    const sorted = values.slice().sort();
    const points = describeDistribution(values, { ccdfPoints: 60 }).ccdf;
    expect(points.length).toBeLessThanOrEqual(60);
    expect(points.length).toBeGreaterThan(45);
    expect(points[0]).toEqual({ x: sorted[0], p: 1 });
    expect(points.at(-1)!.x).toBe(sorted.at(-1));
    for (let k = 1; k < points.length; k++) {
      expect(points[k]!.x).toBeGreaterThan(points[k - 1]!.x);
      expect(points[k]!.p).toBeLessThan(points[k - 1]!.p);
    }
    for (const { x, p } of points) expect(p).toBe(values.filter((v) => v >= x).length / values.length);
  });

  it('spaces the kept points evenly in log rank', () => {
    const n = 100_000;
    const points = describeDistribution(heavyTailed(n, 3), { ccdfPoints: 50 }).ccdf;
    const ranks = points.map((q) => Math.round(q.p * n)).reverse();
    const slice = Math.log(n) / 49;
    expect(ranks[0]).toBe(1);
    for (let k = 1; k < ranks.length; k++) {
      // Where neighbouring ranks are closer than a slice in log, no slice is skipped.
      if (ranks[k - 1]! >= 1 / slice) expect(Math.log(ranks[k]! / ranks[k - 1]!)).toBeLessThan(2 * slice);
      expect(Math.log(ranks[k]! / ranks[k - 1]!)).toBeGreaterThan(0);
    }
  });

  it('counts tied scores together when thinning', () => {
    const next = random(4);
    const values = Float64Array.from({ length: 30_000 }, () => Math.floor(1 / (1 - next()) ** 2));
    const points = describeDistribution(values, { ccdfPoints: 25 }).ccdf;
    expect(points.length).toBeLessThanOrEqual(25);
    expect(points[0]).toEqual({ x: 1, p: 1 });
    for (const { x, p } of points) expect(p).toBe(values.filter((v) => v >= x).length / values.length);
  });
});

describe('describeDistribution: output', () => {
  it('survives JSON unchanged, with every number finite, even for scores near the double range', () => {
    const cases = [
      heavyTailed(3000, 2),
      scores(-1.7e308, 1.7e308, 1e308, -3),
      new Float64Array(1000).fill(1.7e308),
      scores(Number.MIN_VALUE, 2 * Number.MIN_VALUE, 0),
    ];
    for (const values of cases) {
      const d = describeDistribution(values, { bins: 7 });
      expect(JSON.parse(JSON.stringify(d))).toEqual(d);
      const numbers: number[] = [];
      JSON.stringify(d, (_, v: unknown) => (typeof v === 'number' && numbers.push(v), v));
      expect(numbers.every(Number.isFinite)).toBe(true);
    }
  });

  it('keeps mean, Gini and the top share right when a plain sum would overflow', () => {
    const d = describeDistribution(new Float64Array(1000).fill(1.7e308));
    expect(d).toMatchObject({ mean: 1.7e308, gini: 0 });
    expect(d.top1Share).toBeCloseTo(10 / 1000, 12);
  });

  it('lists the percentiles it promises', () => {
    expect(DISTRIBUTION_PERCENTILES).toEqual([1, 5, 10, 25, 50, 75, 90, 95, 99, 99.9]);
  });
});
