import { describe, expect, it } from 'vitest';
import { planTicks, numberScale, tickFormatter } from '../../../src/renderer/src/ui/charts/axes';
import { labelledBoxes, layoutChart, type AxisSpec } from '../../../src/renderer/src/ui/charts/chart-layout';
import { overlap, textWidth } from '../../../src/renderer/src/ui/charts/text-extent';

// Domains the workbench's charts meet: shares, ranks of the Congress network (475), the cascade times behind
// "20k25k30k", follower counts in the millions, PageRank scores near 1e-5, negatives, and a constant run.
const DOMAINS: Record<string, AxisSpec> = {
  share: { log: false, domain: [0, 1], title: 'P(score ≥ x)' },
  ranks: { log: true, domain: [1, 475], title: 'rank in #7 PageRank, influence direction, alpha 0.85' },
  cascadeSeconds: { log: false, domain: [0, 34_811], title: 'seconds after the root post' },
  followers: { log: false, domain: [0, 108_000_000], title: 'followers' },
  followersLog: { log: true, domain: [1, 108_000_000], title: 'followers' },
  pagerank: { log: false, domain: [0, 0.000_034], title: 'score' },
  pagerankLog: { log: true, domain: [0.000_002_1, 0.013], title: 'score' },
  correlation: { log: false, domain: [-1, 1], title: 'Spearman' },
  constant: { log: false, domain: [1, 1], title: 'score' },
  constantLog: { log: true, domain: [1, 1], title: 'score' },
  narrowLog: { log: true, domain: [120, 870], title: 'score' },
};
const LEGEND = [
  { label: '#4 pagerank seed 1 (edge_direction influence)', color: '#000' },
  { label: '#7 kred', color: '#111' },
  { label: '#9 TunkRank, p 0.05', color: '#222' },
];
const WIDTHS = Array.from({ length: 23 }, (_, i) => 300 + i * 50);

function collisions(boxes: ReturnType<typeof labelledBoxes>): string[] {
  const found: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const { x, y } = overlap(boxes[i]!.box, boxes[j]!.box);
      if (x > 0 && y > 0) found.push(`${boxes[i]!.name} and ${boxes[j]!.name} by ${x.toFixed(1)} x ${y.toFixed(1)} px`);
    }
  }
  return found;
}

describe('chart layout: no label overlaps another or leaves the SVG', () => {
  for (const [name, xAxis] of Object.entries(DOMAINS)) {
    it(`x ${name} against every y domain, widths 300..1400`, () => {
      for (const width of WIDTHS) {
        for (const yAxis of Object.values(DOMAINS)) {
          const layout = layoutChart(width, Math.round(width * 0.6), xAxis, yAxis, LEGEND);
          const boxes = labelledBoxes(layout);
          expect(collisions(boxes), `width ${width}, y ${yAxis.title}`).toEqual([]);
          const { left, top } = layout.margin;
          for (const { name: label, box } of boxes) {
            expect(box.x, `${label} at width ${width}`).toBeGreaterThanOrEqual(-left);
            expect(box.x + box.width, `${label} at width ${width}`).toBeLessThanOrEqual(width - left + 0.001);
            expect(box.y, `${label} at width ${width}`).toBeGreaterThanOrEqual(-top);
            expect(box.y + box.height, `${label} at width ${width}`).toBeLessThanOrEqual(layout.height - top + 0.001);
          }
          expect(layout.x.ticks.length, `x ${name} at ${width}`).toBeGreaterThanOrEqual(2);
          expect(layout.y.ticks.length).toBeGreaterThanOrEqual(2);
        }
      }
    });
  }

  it('more room gives more ticks: the count follows the axis length', () => {
    const counts = [300, 700, 1400].map((width) => layoutChart(width, 300, DOMAINS.share!, DOMAINS.share!, []).x.ticks.length);
    expect(counts[0]).toBeLessThan(counts[1]!);
    expect(counts[1]).toBeLessThan(counts[2]!);
  });
});

describe('tick labels', () => {
  it('large numbers use SI prefixes: 20k 25k 30k, 20M 100M', () => {
    const seconds = numberScale(false, [0, 34_811], [0, 900]);
    const texts = planTicks(seconds, 'bottom', [-60, 920]).map((tick) => tick.text);
    expect(texts).toContain('20k');
    expect(texts).toContain('25k');
    const followers = numberScale(false, [0, 108_000_000], [0, 400]);
    expect(planTicks(followers, 'bottom', [-60, 420]).map((tick) => tick.text)).toEqual(['0', '20M', '40M', '60M', '80M', '100M']);
  });

  it('keeps the digits that tell neighbouring ticks apart (1.5k, 2k; 0.05, 0.1) and writes zero as 0', () => {
    const scale = numberScale(false, [0, 2000], [0, 1000]);
    const format = tickFormatter(scale, [0, 500, 1000, 1500, 2000]);
    expect([0, 500, 1000, 1500, 2000].map(format)).toEqual(['0', '500', '1k', '1.5k', '2k']);
    const share = numberScale(false, [0, 0.2], [0, 1000]);
    expect(tickFormatter(share, [0, 0.05, 0.1])(0.05)).toBe('0.05');
  });

  it('a log axis over eight decades labels powers of ten only, thinned to fit 220 px', () => {
    const scale = numberScale(true, [1, 1e8], [0, 220]);
    const ticks = planTicks(scale, 'bottom', [-40, 240]);
    for (const tick of ticks) expect(Math.log10(tick.value) % 1).toBe(0);
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    expect(ticks.length).toBeLessThan(9);
  });

  it('a constant run gets a real axis around its value, not a zero-width scale', () => {
    const scale = numberScale(false, [1, 1], [0, 500]);
    expect(scale(1)).toBeCloseTo(250);
    expect(planTicks(scale, 'bottom', [-60, 520]).map((tick) => tick.value)).toContain(1);
  });

  it('text widths are upper bounds of DejaVu Sans (the widest of the sans fonts): 0.636 em per digit', () => {
    expect(textWidth('30000', 10)).toBeGreaterThanOrEqual(5 * 6.36);
  });
});
