import * as d3 from 'd3';
import { useEffect, useRef } from 'react';
import type { PairAgreement } from '../../../../shared/analysis';
import type { RunSummary } from '../../../../shared/runs';
import { useRunLabel } from '../../ui/run-picker';
import { dataValue, formatNumber } from '../../ui/format';

export type Measure = 'spearman' | 'kendall_tau_b';

/** Row labels get about 6.5 px per character at 12 px, between these bounds (a longer one is cut, its title full). */
const LABEL_MIN = 110;
const LABEL_MAX = 320;
const MAX_CELL = 76;
/** Room above the cells for the slanted column labels. */
const TOP = 70;
/** Red for disagreement, blue for agreement, white at zero, over the full range a correlation can take. */
const color = d3.scaleSequential(d3.interpolateRdBu).domain([-1, 1]);

/**
 * The runs' pairwise rank correlations as a heat map. Both triangles are drawn (the matrix is symmetric), each cell
 * named corr-cell-A-B with the API's value in data-value; the diagonal (a run against itself) is 1 by definition.
 */
export function CorrelationMatrix({ runs, pairs, measure, width }: { runs: RunSummary[]; pairs: PairAgreement[]; measure: Measure; width: number }) {
  const ref = useRef<SVGGElement>(null);
  const runLabel = useRunLabel();
  const labelWidth = Math.round(Math.min(LABEL_MAX, Math.max(LABEL_MIN, 6.5 * Math.max(0, ...runs.map((run) => runLabel(run).length)) + 12)));
  const cell = Math.max(36, Math.min(MAX_CELL, (width - labelWidth - 10) / runs.length));
  useEffect(() => {
    const root = d3.select(ref.current as SVGGElement);
    root.selectAll('*').remove();
    const lookup = new Map(pairs.flatMap((pair) => [[`${pair.a}-${pair.b}`, pair], [`${pair.b}-${pair.a}`, pair]]));
    const cells = runs.flatMap((row, i) =>
      runs.map((column, j) => {
        const pair = lookup.get(`${row.id}-${column.id}`);
        const value = row.id === column.id ? 1 : (pair?.[measure] ?? null);
        return { row, column, i, j, value, diagonal: row.id === column.id };
      }),
    );
    const group = root
      .selectAll('g.cell')
      .data(cells)
      .join('g')
      .attr('class', 'cell')
      .attr('transform', (c) => `translate(${labelWidth + c.j * cell},${TOP + c.i * cell})`)
      .attr('data-testid', (c) => (c.diagonal ? `corr-diag-${c.row.id}` : `corr-cell-${c.row.id}-${c.column.id}`))
      .attr('data-value', (c) => dataValue(c.value));
    group
      .append('rect')
      .attr('width', cell - 2)
      .attr('height', cell - 2)
      .attr('fill', (c) => (c.value === null ? '#eceef2' : color(c.value)));
    group
      .append('text')
      .text((c) => formatNumber(c.value))
      .attr('x', (cell - 2) / 2)
      .attr('y', (cell - 2) / 2)
      .attr('text-anchor', 'middle')
      .attr('dominant-baseline', 'central')
      .attr('font-size', 12)
      // Light text on the saturated ends of the scale, dark text near zero.
      .attr('fill', (c) => (c.value !== null && Math.abs(c.value) > 0.6 ? '#fff' : '#1d2330'));
    group.append('title').text((c) => `${runLabel(c.row)} vs ${runLabel(c.column)}: ${formatNumber(c.value)}`);
    const labels = (name: string) =>
      root
        .selectAll(`text.${name}`)
        .data(runs)
        .join('text')
        .attr('class', name)
        .text((run) => runLabel(run))
        .attr('font-size', 12)
        .attr('fill', '#1d2330');
    labels('row-label')
      .attr('x', labelWidth - 8)
      .attr('y', (_, i) => TOP + i * cell + cell / 2)
      .attr('text-anchor', 'end')
      .attr('dominant-baseline', 'central');
    // Slanted so run names longer than a cell do not run into each other.
    labels('column-label')
      .attr('transform', (_, j) => `translate(${labelWidth + j * cell + cell / 2},${TOP - 6}) rotate(-30)`)
      .attr('text-anchor', 'start');
  }, [runs, pairs, measure, cell, runLabel, labelWidth]);
  return (
    <svg width={labelWidth + runs.length * cell + 90} height={TOP + runs.length * cell + 10} data-testid="corr-matrix" data-measure={measure}>
      <g ref={ref} />
    </svg>
  );
}
