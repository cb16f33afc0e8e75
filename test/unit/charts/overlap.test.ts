import { describe, expect, it } from 'vitest';
import { findOverlaps, type PanelBox } from '../../e2e/overlap';

const panel = (name: string, x: number, y: number, width: number, height: number, ancestors: number[] = []): PanelBox => ({ name, x, y, width, height, ancestors });

describe('findOverlaps (the rule behind assertNoOverlap)', () => {
  it('names the two panels and by how much they overlap, as the with/without chart over the evidence table did', () => {
    const evidence = panel('case-evidence', 530, 450, 430, 600);
    const whatif = panel('case-whatif', 660, 450, 320, 150);
    expect(findOverlaps([evidence, whatif])).toEqual(['"case-evidence" and "case-whatif" overlap by 300 x 150 px']);
  });

  it('panels side by side, stacked, sharing a border or nested in one another do not overlap', () => {
    const outer = panel('cases', 0, 0, 800, 900);
    const list = panel('case-list', 10, 10, 330, 800, [0]);
    const detail = panel('case-detail', 354, 10, 436, 800, [0]);
    const below = panel('percentiles', 0, 900.5, 800, 200);
    expect(findOverlaps([outer, list, detail, below])).toEqual([]);
  });
});
