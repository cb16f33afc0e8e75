import { describe, expect, it } from 'vitest';
import { countedKinds, mostlyTied, noInteractionsCounted } from '../../src/main/services/run-warnings';

describe('mostlyTied counts ties as Compare does', () => {
  it('leaves out unscored accounts (NaN) and names the shared score', () => {
    const warning = mostlyTied(Float64Array.from([3, 1, 3, NaN, 3, NaN, NaN]), 'm', {}, false);
    expect(warning?.message).toMatch(/^3 of 4 scored accounts \(75\.0%\) share the score 3,/);
    expect(mostlyTied(Float64Array.from([NaN]), 'm', {}, false)).toBeNull();
    expect(mostlyTied(new Float64Array(0), 'm', {}, false)).toBeNull();
  });

  it('does not reorder the stored column', () => {
    const scores = Float64Array.from([3, 1, 3, 3, 2]);
    mostlyTied(scores, 'm', {}, false);
    expect([...scores]).toEqual([3, 1, 3, 3, 2]);
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
