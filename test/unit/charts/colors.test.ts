import { rgb } from 'd3';
import { describe, expect, it } from 'vitest';
import { runColor } from '../../../src/renderer/src/ui/charts/colors';

/** WCAG 2 contrast of a colour against white. */
function contrastWithWhite(hex: string): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const { r, g, b } = rgb(hex);
  const luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  return 1.05 / (luminance + 0.05);
}

describe('runColor', () => {
  it('gives a run the same colour whatever else is chosen or in which order', () => {
    const chosen = [7, 4, 9].map(runColor);
    const reordered = [9, 7].map(runColor);
    expect(reordered).toEqual([chosen[2], chosen[0]]);
  });

  it('gives the first 100 runs 100 different colours, each readable under white text (contrast >= 4.5)', () => {
    const colors = Array.from({ length: 100 }, (_, i) => runColor(i + 1));
    expect(new Set(colors).size).toBe(100);
    for (const color of colors) expect(contrastWithWhite(color)).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps neighbouring run ids at least 40 degrees of hue apart', () => {
    for (let id = 1; id < 300; id++) {
      const a = rgb(runColor(id));
      const b = rgb(runColor(id + 1));
      const distance = Math.hypot(a.r - b.r, a.g - b.g, a.b - b.b);
      expect(distance, `runs ${id} and ${id + 1}`).toBeGreaterThan(40);
    }
  });
});
