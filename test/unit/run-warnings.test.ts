import { describe, expect, it } from 'vitest';
import { countedKinds, largestTie, mostlyTied, noInteractionsCounted } from '../../src/main/services/run-warnings';

describe('largestTie', () => {
  it('finds the most shared value, leaves out NaN, and breaks equal counts by the lower value whatever the order', () => {
    expect(largestTie(Float64Array.from([3, 1, 3, NaN, 2, NaN, NaN]))).toEqual({ value: 3, count: 2, scored: 4 });
    expect(largestTie(Float64Array.from([5, 2, 5, 2]))).toEqual({ value: 2, count: 2, scored: 4 });
    expect(largestTie(Float64Array.from([2, 5, 2, 5]))).toEqual({ value: 2, count: 2, scored: 4 });
    expect(largestTie(Float64Array.from([NaN]))).toBeNull();
    expect(largestTie(new Float64Array(0))).toBeNull();
  });

  it('does not reorder the stored column', () => {
    const scores = Float64Array.from([3, 1, 2]);
    largestTie(scores);
    expect([...scores]).toEqual([3, 1, 2]);
  });
});

describe('mostlyTied', () => {
  it('warns above half, not at half', () => {
    expect(mostlyTied(Float64Array.from([1, 1, 2, 3]), 'm', {}, false)).toBeNull();
    const warning = mostlyTied(Float64Array.from([0.1234567, 0.1234567, 0.1234567, 3]), 'm', { kinds: ['reply'] }, false);
    expect(warning?.code).toBe('mostly_tied');
    expect(warning?.message).toMatch(/^3 of 4 scored accounts \(75\.0%\) share the score 0\.123, .*`kinds`: reply/);
  });
});

describe('countedKinds and noInteractionsCounted', () => {
  it('reads kind lists and weights above 0', () => {
    expect(countedKinds({ kinds: ['retweet'], trust_kinds: ['quote'], edge_direction: 'attention' })).toEqual([
      { param: 'kinds', kinds: ['retweet'] },
      { param: 'trust_kinds', kinds: ['quote'] },
    ]);
    expect(countedKinds({ weights: { retweet: 1, quote: 0, reply: 0, mention: 0, follow: 0, endorse: 0, edge: 2 } })).toEqual([
      { param: 'weights', kinds: ['retweet', 'edge'] },
    ]);
    expect(countedKinds({ include_minors: false })).toEqual([]);
  });

  it('warns only when no present kind is counted', () => {
    expect(noInteractionsCounted('x', { kinds: ['retweet'] }, ['retweet', 'edge'])).toBeNull();
    expect(noInteractionsCounted('x', { include_minors: false }, ['edge'])).toBeNull();
    expect(noInteractionsCounted('x', { kinds: ['retweet'] }, [])).toBeNull();
    expect(noInteractionsCounted('x', { weights: { edge: 0, retweet: 1 } }, ['edge'])?.message).toMatch(
      /^this dataset has only `edge` interactions; x counts `retweet` \(parameter `weights`\)/,
    );
  });
});
