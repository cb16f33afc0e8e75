import * as d3 from 'd3';
import { TICK_FONT_PX, TITLE_FONT_PX } from './axes';
import type { ChartLayout } from './chart-layout';

export type Plot = d3.Selection<SVGGElement, unknown, null, undefined>;

const TEXT = '#1d2330';
const MUTED = '#5b6475';

/** Both axes with the ticks and titles the layout planned, into the plot group (origin at the plot's top-left). */
export function drawAxes(plot: Plot, layout: ChartLayout): void {
  const { x, y, inner } = layout;
  const axis = (generator: d3.Axis<d3.NumberValue>, ticks: typeof x.ticks) =>
    generator.tickValues(ticks.map((tick) => tick.value)).tickFormat((_, i) => ticks[i]?.text ?? '');
  plot
    .append('g')
    .attr('data-axis', 'x')
    .attr('transform', `translate(0,${inner.height})`)
    .call(axis(d3.axisBottom(x.scale), x.ticks))
    .attr('font-size', TICK_FONT_PX);
  plot.append('g').attr('data-axis', 'y').call(axis(d3.axisLeft(y.scale), y.ticks)).attr('font-size', TICK_FONT_PX);
  const title = (text: string) =>
    plot.append('text').text(text).attr('fill', MUTED).attr('font-size', TITLE_FONT_PX).attr('text-anchor', 'middle');
  title(x.title.text).attr('data-axis-title', 'x').attr('x', x.title.x).attr('y', x.title.y);
  title(y.title.text).attr('data-axis-title', 'y').attr('transform', `translate(${y.title.x},${y.title.y}) rotate(-90)`);
}

/** The legend entries where the layout placed them (in the top margin), inside the SVG so exported files keep it. */
export function drawLegend(plot: Plot, layout: ChartLayout): void {
  const legend = plot.append('g').attr('data-legend', '').attr('font-size', TITLE_FONT_PX);
  for (const item of layout.legend) {
    const entry = legend.append('g').attr('transform', `translate(${item.box.x},${item.box.y})`);
    entry.append('rect').attr('width', 12).attr('height', 12).attr('fill', item.color);
    entry.append('text').text(item.text).attr('x', 17).attr('y', 10).attr('fill', TEXT).append('title').text(item.label);
  }
}

export interface Marker {
  x: number;
  /** The line's top: all of a constant run's accounts (a histogram) or a share of 1 (a CCDF). */
  y: number;
  color: string;
  /** Drawn at the line's top, e.g. "all 34 accounts score 1". */
  label: string;
}

/**
 * Vertical labelled lines from the x axis up to each marker's y: a run whose scores are all equal has no spread for
 * a curve to show (its histogram is one bin of zero width, its CCDF one point), so it is drawn as the spike it is,
 * at its one value, instead of silently missing.
 */
export function drawMarkers(plot: Plot, layout: ChartLayout, markers: Marker[]): void {
  markers.forEach((marker, i) => {
    const at = layout.x.scale(marker.x);
    const group = plot.append('g').attr('data-marker', marker.label);
    group
      .append('line')
      .attr('x1', at)
      .attr('x2', at)
      .attr('y1', Math.max(0, layout.y.scale(marker.y)))
      .attr('y2', layout.inner.height)
      .attr('stroke', marker.color)
      .attr('stroke-width', 2)
      .attr('stroke-dasharray', '6 3');
    // Labels of several constant runs step down so they do not sit on each other; near the right edge they
    // turn to the line's left.
    const right = at > layout.inner.width / 2;
    group
      .append('text')
      .text(marker.label)
      .attr('x', right ? at - 4 : at + 4)
      .attr('y', 14 + i * 16)
      .attr('text-anchor', right ? 'end' : 'start')
      .attr('font-size', TITLE_FONT_PX)
      .attr('fill', marker.color);
  });
}
