import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../bench/random';
import { averageRanks, kendallTauB, rankingOrder, spearman } from '../../../src/main/analysis/rank-agreement';
import { rankCorrelations } from '../../../src/main/analysis/rank-correlation';

const f64 = (values: number[]) => Float64Array.from(values);

/** Tau-b straight from its definition: (C - D) / sqrt((n0 - n1)(n0 - n2)) over all pairs. */
function naiveTauB(x: ArrayLike<number>, y: ArrayLike<number>): number | null {
  let concordant = 0;
  let discordant = 0;
  let xTies = 0;
  let yTies = 0;
  let pairs = 0;
  for (let i = 0; i < x.length; i++) {
    for (let j = i + 1; j < x.length; j++) {
      pairs++;
      const dx = Math.sign(x[j]! - x[i]!);
      const dy = Math.sign(y[j]! - y[i]!);
      if (dx === 0) xTies++;
      if (dy === 0) yTies++;
      if (dx * dy > 0) concordant++;
      if (dx * dy < 0) discordant++;
    }
  }
  const denominator = Math.sqrt((pairs - xTies) * (pairs - yTies));
  return denominator === 0 ? null : (concordant - discordant) / denominator;
}

/** Average ranks by counting: 1 + (values below) + (other values equal) / 2. */
function naiveAverageRanks(x: ArrayLike<number>): number[] {
  return Array.from(x, (v) => {
    let below = 0;
    let equal = 0;
    for (let j = 0; j < x.length; j++) {
      if (x[j]! < v) below++;
      else if (x[j] === v) equal++;
    }
    return 1 + below + (equal - 1) / 2;
  });
}

function naivePearson(x: number[], y: number[]): number | null {
  const mx = x.reduce((s, v) => s + v, 0) / x.length;
  const my = y.reduce((s, v) => s + v, 0) / y.length;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

function tiedVectors(seed: number, n: number, levels: number): { x: Float64Array; y: Float64Array } {
  const random = seededRandom(seed);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = Math.floor(random() * levels) - levels / 2;
    // Correlated with x, still heavily tied, so both concordant and discordant pairs abound.
    y[i] = random() < 0.6 ? x[i]! + Math.floor(random() * 3) : Math.floor(random() * levels);
  }
  return { x, y };
}

describe('averageRanks', () => {
  it('gives tied values the mean of the ranks they span', () => {
    expect(Array.from(averageRanks(f64([10, 20, 20, 5])))).toEqual([2, 3.5, 3.5, 1]);
    expect(Array.from(averageRanks(f64([7, 7, 7])))).toEqual([2, 2, 2]);
  });

  it('orders negatives and infinities, and ties -0 with 0', () => {
    expect(Array.from(averageRanks(f64([-1, -Infinity, 0, -0, Infinity, -2.5])))).toEqual([3, 1, 4.5, 4.5, 6, 2]);
  });

  it('matches counting on random values with ties', () => {
    const { x } = tiedVectors(11, 500, 30);
    expect(Array.from(averageRanks(x))).toEqual(naiveAverageRanks(x));
  });

  it('rejects NaN', () => {
    expect(() => averageRanks(f64([1, NaN]))).toThrow(RangeError);
  });
});

describe('rankingOrder', () => {
  it('lists scored accounts by score descending, ties by index', () => {
    expect(Array.from(rankingOrder(f64([0.5, NaN, 0.9, 0.5, -1, 0.9])))).toEqual([2, 5, 0, 3, 4]);
    expect(rankingOrder(f64([NaN, NaN])).length).toBe(0);
  });

  it('agrees with a comparator sort over values spanning signs, magnitudes and subnormals', () => {
    const random = seededRandom(5);
    const scores = new Float64Array(5000);
    for (let i = 0; i < scores.length; i++) {
      const kind = Math.floor(random() * 6);
      scores[i] = [
        random(),
        -random() * 1e300,
        random() * 5e-324 * 1000,
        Math.floor(random() * 4),
        NaN,
        (random() - 0.5) * 2 ** Math.floor(random() * 200 - 100),
      ][kind]!;
    }
    const expected = Array.from(scores.keys())
      .filter((i) => !Number.isNaN(scores[i]!))
      .sort((i, j) => scores[j]! - scores[i]! || i - j);
    expect(Array.from(rankingOrder(scores))).toEqual(expected);
  });
});

describe('Spearman rho and Kendall tau-b on worked examples with ties', () => {
  it('x = [1,2,2,3], y = [1,3,2,2]: tau-b = 2/5, rho = 1/2', () => {
    // Pairs: 3 concordant, 1 discordant, one tie in x only, one in y only: (3-1)/sqrt(5*5).
    // Ranks x = [1, 2.5, 2.5, 4], y = [1, 4, 2.5, 2.5]: centred products sum to 2.25, squares to 4.5 each.
    const x = f64([1, 2, 2, 3]);
    const y = f64([1, 3, 2, 2]);
    expect(kendallTauB(x, y)).toBeCloseTo(0.4, 14);
    expect(spearman(x, y)).toBeCloseTo(0.5, 14);
  });

  it('scipy.stats.kendalltau documentation example: tau-b = -4/sqrt(72)', () => {
    // 2 concordant, 6 discordant; x ties (12,12), (2,2); y tie (1,1) jointly with x: (2-6)/sqrt(8*9).
    const x = f64([12, 2, 1, 12, 2]);
    const y = f64([1, 4, 7, 1, 0]);
    expect(kendallTauB(x, y)).toBeCloseTo(-0.47140452079103173, 14);
    expect(kendallTauB(x, y)).toBeCloseTo(-4 / Math.sqrt(72), 14);
  });

  it('scipy.stats.spearmanr documentation example: rho = 8/sqrt(95)', () => {
    const x = f64([1, 2, 3, 4, 5]);
    const y = f64([5, 6, 7, 8, 7]);
    expect(spearman(x, y)).toBeCloseTo(0.8207826816681233, 14);
    expect(spearman(x, y)).toBeCloseTo(8 / Math.sqrt(95), 14);
  });

  it('is ±1 for identical and reversed rankings, with ties', () => {
    const x = f64([3, 1, 4, 1, 5, 9, 2, 6, 5]);
    const reversed = x.map((v) => -v);
    expect(kendallTauB(x, x)).toBe(1);
    expect(spearman(x, x)).toBe(1);
    expect(kendallTauB(x, reversed)).toBe(-1);
    expect(spearman(x, reversed)).toBe(-1);
  });

  it('is null when undefined: fewer than two accounts or a constant ranking', () => {
    expect(kendallTauB(f64([]), f64([]))).toBeNull();
    expect(spearman(f64([1]), f64([2]))).toBeNull();
    expect(kendallTauB(f64([1, 2, 3]), f64([4, 4, 4]))).toBeNull();
    expect(spearman(f64([5, 5, 5]), f64([1, 2, 3]))).toBeNull();
  });

  it('treats -0 and 0 as tied', () => {
    expect(kendallTauB(f64([0, -0, 1]), f64([1, 2, 3]))).toBeCloseTo(naiveTauB([0, 0, 1], [1, 2, 3])!, 14);
  });

  it('rejects vectors of different lengths and NaN', () => {
    expect(() => kendallTauB(f64([1, 2]), f64([1]))).toThrow(RangeError);
    expect(() => spearman(f64([1, 2]), f64([1]))).toThrow(RangeError);
    expect(() => kendallTauB(f64([1, NaN]), f64([1, 2]))).toThrow(RangeError);
  });
});

describe('against direct O(n^2) computation on random vectors with many ties', () => {
  for (const [seed, levels] of [
    [1, 3],
    [2, 10],
    [3, 50],
    [4, 4000],
  ] as const) {
    it(`n = 2000, ${levels} distinct levels (seed ${seed})`, () => {
      const { x, y } = tiedVectors(seed, 2000, levels);
      const tau = naiveTauB(x, y)!;
      const rho = naivePearson(naiveAverageRanks(x), naiveAverageRanks(y))!;
      expect(Math.abs(kendallTauB(x, y)! - tau)).toBeLessThan(1e-12);
      expect(Math.abs(spearman(x, y)! - rho)).toBeLessThan(1e-12);
      const both = rankCorrelations(x, y);
      expect(Math.abs(both.kendall_tau_b! - tau)).toBeLessThan(1e-12);
      expect(Math.abs(both.spearman! - rho)).toBeLessThan(1e-12);
    });
  }
});
