import * as d3 from 'd3';
import { useEffect, useRef } from 'react';
import { drawAxes, drawLegend, MARGIN, numberScale } from './axes';

export interface Series {
  label: string;
  color: string;
  points: [number, number][];
}

/**
 * Several series on shared axes, as lines or (with `step`) as step outlines filled to zero, the way overlaid
 * histograms read. On a log axis points at or below zero cannot be placed and are left out.
 */
export function LineChart({
  series,
  width,
  height,
  xLog,
  yLog,
  step = false,
  labels,
  testId,
}: {
  series: Series[];
  width: number;
  height: number;
  xLog: boolean;
  yLog: boolean;
  step?: boolean;
  labels: { x: string; y: string };
  testId: string;
}) {
  const plotRef = useRef<SVGGElement>(null);
  useEffect(() => {
    const plot = d3.select(plotRef.current as SVGGElement);
    plot.selectAll('*').remove();
    const innerWidth = width - MARGIN.left - MARGIN.right;
    const innerHeight = height - MARGIN.top - MARGIN.bottom;
    const shown = series.map((s) => ({
      ...s,
      points: s.points.filter(([x, y]) => (!xLog || x > 0) && (!yLog || y > 0)),
    }));
    const all = shown.flatMap((s) => s.points);
    if (all.length === 0) return;
    const [x0 = 1, x1 = 1] = d3.extent(all, (p) => p[0]);
    const [y0 = 1, y1 = 1] = d3.extent(all, (p) => p[1]);
    const x = numberScale(xLog, [x0, x1], [0, innerWidth]);
    // A linear y axis starts at zero so bar heights compare; a log one starts at the smallest value.
    const y = numberScale(yLog, [yLog ? y0 : Math.min(0, y0), y1], [innerHeight, 0]);
    drawAxes(plot, x, y, labels);
    const curve = step ? d3.curveStepAfter : d3.curveLinear;
    const line = d3.line<[number, number]>((p) => x(p[0]), (p) => y(p[1])).curve(curve);
    const area = d3.area<[number, number]>((p) => x(p[0]), y(y.domain()[0] ?? 0), (p) => y(p[1])).curve(curve);
    for (const s of shown) {
      const group = plot.append('g').attr('data-series', s.label);
      if (step) group.append('path').attr('d', area(s.points)).attr('fill', s.color).attr('fill-opacity', 0.15);
      group.append('path').attr('d', line(s.points)).attr('fill', 'none').attr('stroke', s.color).attr('stroke-width', 1.6);
    }
    drawLegend(plot, shown.map((s) => ({ label: s.label, color: s.color })));
  }, [series, width, height, xLog, yLog, step, labels]);
  return (
    <svg width={width} height={height} data-testid={testId} role="img" aria-label={`${labels.y} by ${labels.x}`}>
      <g ref={plotRef} transform={`translate(${MARGIN.left},${MARGIN.top})`} />
    </svg>
  );
}
