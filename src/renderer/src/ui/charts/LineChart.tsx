import * as d3 from 'd3';
import { useEffect, useMemo, useRef } from 'react';
import { layoutChart } from './chart-layout';
import { drawAxes, drawLegend, drawMarkers, type Marker } from './draw';

const NO_MARKERS: (Marker & { legend: string })[] = [];

export interface Series {
  label: string;
  color: string;
  points: [number, number][];
}

/**
 * Several series on shared axes, as lines or (with `step`) as step outlines filled to zero, the way overlaid
 * histograms read. On a log axis points at or below zero cannot be placed and are left out. Markers are vertical
 * labelled lines (a constant run), inside both axes' domains.
 */
export function LineChart({
  series,
  markers = NO_MARKERS,
  width,
  height,
  xLog,
  yLog,
  step = false,
  labels,
  testId,
}: {
  series: Series[];
  markers?: (Marker & { legend: string })[];
  width: number;
  height: number;
  xLog: boolean;
  yLog: boolean;
  step?: boolean;
  labels: { x: string; y: string };
  testId: string;
}) {
  const plotRef = useRef<SVGGElement>(null);
  const shown = useMemo(
    () => series.map((s) => ({ ...s, points: s.points.filter(([x, y]) => (!xLog || x > 0) && (!yLog || y > 0)) })),
    [series, xLog, yLog],
  );
  const placed = useMemo(() => markers.filter((marker) => !xLog || marker.x > 0), [markers, xLog]);
  const layout = useMemo(() => {
    const all = shown.flatMap((s) => s.points);
    if (all.length === 0 && placed.length === 0) return null;
    const xs = [...all.map((p) => p[0]), ...placed.map((marker) => marker.x)];
    const [x0 = 1, x1 = 1] = d3.extent(xs);
    const [y0 = 1, y1 = 1] = d3.extent([...all.map((p) => p[1]), ...placed.map((marker) => marker.y)]);
    // A linear y axis starts at zero so bar heights compare; a log one starts at the smallest value.
    const yDomain: [number, number] = [yLog ? y0 : Math.min(0, y0), y1];
    const legend = [...shown.map((s) => ({ label: s.label, color: s.color })), ...placed.map((m) => ({ label: m.legend, color: m.color }))];
    return layoutChart(width, height, { log: xLog, domain: [x0, x1], title: labels.x }, { log: yLog, domain: yDomain, title: labels.y }, legend);
    // The axis titles by value: callers build the labels object on every render.
  }, [shown, placed, width, height, xLog, yLog, labels.x, labels.y]);

  useEffect(() => {
    const plot = d3.select(plotRef.current as SVGGElement);
    plot.selectAll('*').remove();
    if (!layout) return;
    const { x, y } = layout;
    drawAxes(plot, layout);
    const curve = step ? d3.curveStepAfter : d3.curveLinear;
    const line = d3.line<[number, number]>((p) => x.scale(p[0]), (p) => y.scale(p[1])).curve(curve);
    const area = d3.area<[number, number]>((p) => x.scale(p[0]), y.scale(y.scale.domain()[0] ?? 0), (p) => y.scale(p[1])).curve(curve);
    for (const s of shown) {
      const group = plot.append('g').attr('data-series', s.label);
      if (step) group.append('path').attr('d', area(s.points)).attr('fill', s.color).attr('fill-opacity', 0.15);
      group.append('path').attr('d', line(s.points)).attr('fill', 'none').attr('stroke', s.color).attr('stroke-width', 1.6);
    }
    drawMarkers(plot, layout, placed);
    drawLegend(plot, layout);
  }, [layout, shown, placed, step]);
  return (
    <svg width={width} height={height} data-testid={testId} role="img" aria-label={`${labels.y} by ${labels.x}`}>
      <g ref={plotRef} transform={`translate(${layout?.margin.left ?? 0},${layout?.margin.top ?? 0})`} />
    </svg>
  );
}
