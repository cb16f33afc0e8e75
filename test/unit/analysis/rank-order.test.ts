import { describe, expect, it } from 'vitest';
import { hasTies, orderTiesBy, rankScores } from '../../../src/main/scoring/rank';

describe('tied accounts in a canonical order', () => {
  // Accounts 0..5 stored in this order; their platform ids put them in the order 5, 3, 1, 4, 0, 2.
  const scores = Float64Array.from([2, Number.NaN, 2, 7, 2, Number.NaN]);
  const position = [4, 2, 5, 1, 3, 0];

  it('keeps competition ranks and lists each tie group, unscored accounts too, by the canonical position', () => {
    const { order, rank } = rankScores(scores);
    expect([...order]).toEqual([3, 0, 2, 4, 1, 5]);
    expect(hasTies(order, scores)).toBe(true);
    expect([...orderTiesBy(order, scores, position)]).toEqual([3, 4, 0, 2, 5, 1]);
    expect([...rank]).toEqual([2, 0, 2, 1, 2, 0]);
  });

  it('gives the same listing however the accounts are stored', () => {
    const permutation = [2, 5, 0, 4, 1, 3];
    const stored = Float64Array.from(permutation, (i) => scores[i]!);
    const storedPosition = permutation.map((i) => position[i]!);
    const listed = orderTiesBy(rankScores(stored).order, stored, storedPosition);
    expect([...listed].map((i) => permutation[i])).toEqual([3, 4, 0, 2, 5, 1]);
  });

  it('says when no scores tie', () => {
    const distinct = Float64Array.from([1, 3, 2]);
    expect(hasTies(rankScores(distinct).order, distinct)).toBe(false);
  });
});
