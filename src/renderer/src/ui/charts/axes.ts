import * as d3 from 'd3';

export type NumberScale = d3.ScaleContinuousNumeric<number, number>;
export type Plot = d3.Selection<SVGGElement, unknown, null, undefined>;

/** Room around the plot for tick labels and axis titles. */
export const MARGIN = { top: 30, right: 18, bottom: 44, left: 62 };

/** Linear scales are rounded out to tidy ends; log ones are not, since that can add a whole empty decade. */
export function numberScale(log: boolean, domain: [number, number], range: [number, number]): NumberScale {
  return log ? d3.scaleLog().domain(domain).range(range) : d3.scaleLinear().domain(domain).range(range).nice();
}

/**
 * A log scale's tickFormat thins its labels itself and '~g' keeps 0.0001 and 1000 short; a linear scale's default
 * picks decimals from the tick step ('~g' would print 70 as 7e+1).
 */
const tickFormat = (scale: NumberScale): string | undefined => ('base' in scale ? '~g' : undefined);

/** Both axes with their titles, drawn into the plot group (whose origin is the plot's top-left corner). */
export function drawAxes(plot: Plot, x: NumberScale, y: NumberScale, labels: { x: string; y: string }): void {
  const [left = 0, right = 0] = x.range();
  const [bottom = 0, top = 0] = y.range();
  const width = right - left;
  const height = bottom - top;
  plot
    .append('g')
    .attr('transform', `translate(0,${height})`)
    .call(d3.axisBottom(x).ticks(Math.max(2, width / 80), tickFormat(x)));
  plot.append('g').call(d3.axisLeft(y).ticks(Math.max(2, height / 50), tickFormat(y)));
  const title = (text: string) =>
    plot.append('text').text(text).attr('fill', '#5b6475').attr('font-size', 12).attr('text-anchor', 'middle');
  title(labels.x).attr('x', width / 2).attr('y', height + 36);
  title(labels.y).attr('transform', `translate(${-48},${height / 2}) rotate(-90)`);
}

/** A legend in a row above the plot (in the top margin, clear of the data), inside the SVG so exported files keep it. */
export function drawLegend(plot: Plot, items: { label: string; color: string }[]): void {
  const legend = plot.append('g').attr('transform', `translate(0,${-MARGIN.top + 4})`).attr('font-size', 12);
  let offset = 0;
  for (const item of items) {
    const row = legend.append('g').attr('transform', `translate(${offset},0)`);
    row.append('rect').attr('width', 12).attr('height', 12).attr('fill', item.color);
    const text = row.append('text').text(item.label).attr('x', 17).attr('y', 10).attr('fill', '#1d2330');
    offset += 17 + (text.node()?.getComputedTextLength() ?? 60) + 16;
  }
}
