import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../bench/random';
import { rboExtrapolated } from '../../../src/main/analysis/rank-agreement';
import { strictRanking } from '../../../src/main/analysis/tied-ranking';

/** A ranking without ties, as the paper's tie-free definitions take it. */
const strict = (values: number[]) => strictRanking(Uint32Array.from(values));

/** X_d: items shared by the first d items of each list (a shorter list contributes all its items). */
function overlapAt(a: ArrayLike<number>, b: ArrayLike<number>, d: number): number {
  const prefix = new Set(Array.prototype.slice.call(a, 0, d) as number[]);
  return (Array.prototype.slice.call(b, 0, d) as number[]).filter((v) => prefix.has(v)).length;
}

/** Eq. 32 of Webber et al. 2010 written out term by term, for lists of length l >= s. */
function eq32(long: ArrayLike<number>, short: ArrayLike<number>, p: number): number {
  const l = long.length;
  const s = short.length;
  const X = (d: number) => overlapAt(long, short, d);
  let first = 0;
  for (let d = 1; d <= l; d++) first += (X(d) / d) * p ** d;
  let second = 0;
  for (let d = s + 1; d <= l; d++) second += ((X(s) * (d - s)) / (s * d)) * p ** d;
  return ((1 - p) / p) * (first + second) + ((X(l) - X(s)) / l + X(s) / s) * p ** l;
}

/**
 * The defining sum RBO = (1 - p) sum_{d>=1} p^(d-1) A_d, evaluated to a depth where p^d is negligible, with the
 * agreements RBO_ext assumes beyond what is seen: past s the unseen items of the shorter list agree at its rate
 * X_s/s, and past l the agreement stays at its value at depth l.
 */
function definingSum(long: ArrayLike<number>, short: ArrayLike<number>, p: number): number {
  const l = long.length;
  const s = short.length;
  const agreement = (d: number) => {
    const seen = Math.min(d, l);
    const extrapolated = seen > s ? (overlapAt(long, short, s) * (seen - s)) / s : 0;
    return (overlapAt(long, short, seen) + extrapolated) / seen;
  };
  let sum = 0;
  for (let d = 1; p ** (d - 1) > 1e-18; d++) sum += p ** (d - 1) * agreement(d);
  return (1 - p) * sum;
}

function randomRanking(random: () => number, length: number, universe: number): number[] {
  const items = Array.from({ length: universe }, (_, i) => i);
  for (let i = universe - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items.slice(0, length);
}

describe('rboExtrapolated', () => {
  it('[1,2,3,4,5] vs [2,3,4,1,5] at p = 0.9 is 0.828', () => {
    // X_d = 0, 1, 2, 4, 5: (0.1/0.9)(0.5*0.81 + (2/3)*0.729 + 0.6561 + 0.59049) + 0.59049 = 0.23751 + 0.59049.
    expect(rboExtrapolated(strict([1, 2, 3, 4, 5]), strict([2, 3, 4, 1, 5]), 0.9)).toBeCloseTo(0.828, 14);
  });

  it('matches eq. 32 term by term and the defining sum, equal and uneven lengths', () => {
    const random = seededRandom(17);
    for (let trial = 0; trial < 40; trial++) {
      const p = [0.5, 0.8, 0.9, 0.95][trial % 4]!;
      const universe = 5 + Math.floor(random() * 60);
      const a = randomRanking(random, 1 + Math.floor(random() * universe), universe);
      const b = randomRanking(random, trial % 3 === 0 ? a.length : 1 + Math.floor(random() * universe), universe);
      const [long, short] = a.length >= b.length ? [a, b] : [b, a];
      const value = rboExtrapolated(strict(a), strict(b), p);
      expect(Math.abs(value - eq32(long, short, p))).toBeLessThan(1e-12);
      expect(Math.abs(value - definingSum(long, short, p))).toBeLessThan(1e-12);
      expect(rboExtrapolated(strict(b), strict(a), p)).toBe(value);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
  });

  it('is 1 for identical rankings and for a ranking and its own prefix', () => {
    const ranking = randomRanking(seededRandom(3), 300, 1000);
    expect(rboExtrapolated(strict(ranking), strict(ranking), 0.9)).toBeCloseTo(1, 14);
    expect(rboExtrapolated(strict(ranking), strict(ranking.slice(0, 40)), 0.98)).toBeCloseTo(1, 14);
  });

  it('is 0 for disjoint rankings, and weighs the top more as p falls', () => {
    expect(rboExtrapolated(strict([0, 1, 2]), strict([3, 4, 5, 6]), 0.9)).toBe(0);
    // Same first item, nothing else shared: near 1 when only the top counts, near 0 when depth counts.
    const a = strict([0, 1, 2, 3, 4, 5, 6, 7]);
    const b = strict([0, 11, 12, 13, 14, 15, 16, 17]);
    expect(rboExtrapolated(a, b, 1e-9)).toBeCloseTo(1, 8);
    expect(rboExtrapolated(a, b, 0.5)).toBeGreaterThan(rboExtrapolated(a, b, 0.9));
  });

  it('treats empty rankings explicitly', () => {
    expect(rboExtrapolated(strict([]), strict([]), 0.9)).toBe(1);
    expect(rboExtrapolated(strict([1, 2]), strict([]), 0.9)).toBe(0);
  });

  it('stops where the remaining weight can no longer change the result', () => {
    const a = Array.from({ length: 5000 }, (_, i) => i);
    const b = a.map((v, i) => (i < 100 ? v : v + 10_000));
    const full = rboExtrapolated(strict(a), strict(b), 0.5);
    expect(full).toBe(rboExtrapolated(strict(a.slice(0, 1200)), strict(b.slice(0, 1200)), 0.5));
    expect(full).toBeCloseTo(definingSum(a.slice(0, 150), b.slice(0, 150), 0.5), 12);
  });

  it('requires 0 < p < 1', () => {
    for (const p of [0, 1, -0.1, 1.5, NaN]) expect(() => rboExtrapolated(strict([1]), strict([1]), p)).toThrow(RangeError);
  });
});
