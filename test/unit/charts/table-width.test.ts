import { describe, expect, it } from 'vitest';
import { minTableWidth } from '../../../src/renderer/src/ui/table';

describe('minTableWidth', () => {
  it('counts fixed columns at their width, fractions at 70 px each, plus the 12 px scrollbar gutter', () => {
    // The Places view's top accounts: rank 60px, account 2fr, strength 1fr, posts 1fr, place 2fr, flags 3fr.
    expect(minTableWidth(['60px', '2fr', '1fr', '1fr', '2fr', '3fr'])).toBe(60 + 9 * 70 + 12);
    // A run's scores: rank 70px, account 2fr, id 1.5fr, score 1fr; a column without a width is 1fr.
    expect(minTableWidth(['70px', '2fr', '1.5fr', '1fr', undefined])).toBe(70 + 5.5 * 70 + 12);
  });
});
