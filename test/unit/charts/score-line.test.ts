import { describe, expect, it } from 'vitest';
import { dateLabelStep } from '../../../src/renderer/src/ui/charts/ScoreLineChart';
import { textWidth } from '../../../src/renderer/src/ui/charts/text-extent';

describe('the windows chart labels dates that never touch', () => {
  it('for 2 to 120 windows on its 544 px plot, labelled dates are at least a label and 8 px apart', () => {
    const label = '2023-12-31';
    for (let count = 2; count <= 120; count++) {
      const step = dateLabelStep(count, 544, label);
      const spacing = (544 / (count - 1)) * step;
      expect(spacing, `${count} windows`).toBeGreaterThanOrEqual(textWidth(label, 11) + 8);
      // And no sparser than needed: one step less would collide.
      if (step > 1) expect((544 / (count - 1)) * (step - 1)).toBeLessThan(textWidth(label, 11) + 8);
    }
  });
});
