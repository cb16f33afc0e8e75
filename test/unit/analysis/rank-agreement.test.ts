import { describe, expect, it } from 'vitest';
import {
  compareRuns,
  jaccardTopK,
  kendallTauB,
  rankingOrder,
  rboExtrapolated,
  spearman,
} from '../../../src/main/analysis/rank-agreement';
import { strictRanking, tiedRanking } from '../../../src/main/analysis/tied-ranking';

const f64 = (values: number[]) => Float64Array.from(values);
const u32 = (values: number[]) => Uint32Array.from(values);
const strict = (values: number[]) => strictRanking(u32(values));

describe('jaccardTopK', () => {
  it('compares each ranking’s own top k', () => {
    const a = strict([5, 3, 1, 0]);
    const b = strict([3, 5, 2]);
    expect(jaccardTopK(a, b, 1)).toBe(0); // {5} vs {3}
    expect(jaccardTopK(a, b, 2)).toBe(1); // {5,3} vs {3,5}
    expect(jaccardTopK(a, b, 3)).toBe(2 / 4); // {5,3,1} vs {3,5,2}
    expect(jaccardTopK(a, b, 10)).toBe(2 / 5); // all of a vs all of b
  });

  it('treats empty top lists explicitly and rejects bad k', () => {
    expect(jaccardTopK(strict([]), strict([]), 3)).toBe(1);
    expect(jaccardTopK(strict([1]), strict([]), 3)).toBe(0);
    for (const k of [0, -1, 1.5, NaN]) expect(() => jaccardTopK(strict([1]), strict([1]), k)).toThrow(RangeError);
  });
});

describe('compareRuns', () => {
  // Account 5 is scored by neither run; 1 only by a, 2 only by b.
  const a = f64([1, 2, NaN, 4, 5, NaN]);
  const b = f64([2, NaN, 3, 1, 5, NaN]);

  it('counts accounts scored by one run only and correlates the rest', () => {
    const result = compareRuns({ a, b }, { k: [1, 2] });
    expect(result.n).toBe(3);
    expect(result.only_a).toBe(1);
    expect(result.only_b).toBe(1);
    // Shared accounts 0, 3, 4: a = [1, 4, 5], b = [2, 1, 5]; ranks [1,2,3] vs [2,1,3]: rho = 1 - 6*2/(3*8).
    expect(result.spearman).toBeCloseTo(0.5, 14);
    // Pairs (0,3) discordant, (0,4) and (3,4) concordant.
    expect(result.kendall_tau_b).toBeCloseTo(1 / 3, 14);
  });

  it('ranks each run over its own scored accounts for Jaccard and RBO', () => {
    const result = compareRuns({ a, b }, { k: [1, 2], p: 0.9 });
    // a ranks 4, 3, 1, 0 and b ranks 4, 2, 0, 3.
    expect(Array.from(rankingOrder(a))).toEqual([4, 3, 1, 0]);
    expect(Array.from(rankingOrder(b))).toEqual([4, 2, 0, 3]);
    expect(result.jaccard).toEqual({ '1': 1, '2': 1 / 3 });
    // X_d = 1, 1, 1, 3 for d = 1..4 (eq. 32 with equal lengths).
    const p = 0.9;
    const expected = ((1 - p) / p) * (p + (1 / 2) * p ** 2 + (1 / 3) * p ** 3 + (3 / 4) * p ** 4) + (3 / 4) * p ** 4;
    expect(result.rbo).toBeCloseTo(expected, 14);
    expect(compareRuns({ a, b }, { k: [] }).rbo).toBe(result.rbo);
    expect(compareRuns({ a, b }, { k: [], p: 0.5 }).rbo).toBe(rboExtrapolated(tiedRanking(a), tiedRanking(b), 0.5));
  });

  it('segments the top 10% and 1% of run a, counting only accounts b also scored', () => {
    const n = 1000;
    const scoresA = new Float64Array(n);
    const scoresB = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      scoresA[i] = n - i; // a ranks accounts 0, 1, 2, …
      // b reverses a's top 100 and agrees below; every 7th account is unscored by b.
      scoresB[i] = i % 7 === 0 ? NaN : i < 100 ? i : n - i;
    }
    const result = compareRuns({ a: scoresA, b: scoresB }, { k: [10] });
    // Top 10% = accounts 0..99 minus the 15 multiples of 7; top 1% = 0..9 minus 0 and 7.
    expect(result.segments.top10).toEqual({ n: 85, nominal: 100, tied_past_cut: 0, spearman: -1, kendall_tau_b: -1 });
    expect(result.segments.top1).toEqual({ n: 8, nominal: 10, tied_past_cut: 0, spearman: -1, kendall_tau_b: -1 });
    expect(result.only_a).toBe(143);
    expect(result.n).toBe(857);
    const shared = Array.from(scoresA.keys()).filter((i) => i % 7 !== 0);
    const x = f64(shared.map((i) => scoresA[i]!));
    const y = f64(shared.map((i) => scoresB[i]!));
    expect(result.spearman).toBe(spearman(x, y));
    expect(result.kendall_tau_b).toBe(kendallTauB(x, y));
  });

  it('rounds segment sizes up, without floating-point surprises', () => {
    const scores = (count: number) => f64(Array.from({ length: count }, (_, i) => count - i));
    // 30 accounts: 10% is exactly 3 (30 * 0.1 would round up to 4); 1% rounds up to 1, too few to correlate.
    const thirty = compareRuns({ a: scores(30), b: scores(30) }, { k: [5] });
    expect(thirty.segments.top10).toEqual({ n: 3, nominal: 3, tied_past_cut: 0, spearman: 1, kendall_tau_b: 1 });
    expect(thirty.segments.top1).toEqual({ n: 1, nominal: 1, tied_past_cut: 0, spearman: null, kendall_tau_b: null });
    const more = compareRuns({ a: scores(1001), b: scores(1001) }, { k: [5] });
    expect(more.segments.top10.n).toBe(101);
    expect(more.segments.top1.n).toBe(11);
  });

  it('handles runs with nothing scored in common', () => {
    const result = compareRuns({ a: f64([1, NaN, NaN]), b: f64([NaN, 2, NaN]) }, { k: [1, 5] });
    expect(result).toEqual({
      n: 0,
      only_a: 1,
      only_b: 1,
      spearman: null,
      kendall_tau_b: null,
      jaccard: { '1': 0, '5': 0 },
      jaccard_range: { '1': { min: 0, max: 0 }, '5': { min: 0, max: 0 } },
      rbo: 0,
      segments: {
        top10: { n: 0, nominal: 1, tied_past_cut: 0, spearman: null, kendall_tau_b: null },
        top1: { n: 0, nominal: 1, tied_past_cut: 0, spearman: null, kendall_tau_b: null },
      },
      ties: {
        a: { scored: 1, distinct_scores: 1, tied_accounts: 0, tied_share: 0, largest_group: 1, largest_group_score: null },
        b: { scored: 1, distinct_scores: 1, tied_accounts: 0, tied_share: 0, largest_group: 1, largest_group_score: null },
      },
      warnings: [],
    });
  });

  it('rejects runs over different account counts and a bad p', () => {
    expect(() => compareRuns({ a: f64([1, 2]), b: f64([1]) }, { k: [1] })).toThrow(RangeError);
    expect(() => compareRuns({ a, b }, { k: [1], p: 1 })).toThrow(RangeError);
  });
});
