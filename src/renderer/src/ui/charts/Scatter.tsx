import * as d3 from 'd3';
import { useEffect, useMemo, useRef, useState, type PointerEvent, type ReactNode } from 'react';
import { layoutChart } from './chart-layout';
import { drawAxes } from './draw';

export interface ScatterPoint {
  id: string;
  x: number;
  y: number;
}

/** Above this many marks the points go on a canvas: tens of thousands of SVG nodes make the page crawl. */
export const CANVAS_THRESHOLD = 10_000;
const COLOR = '#2f5fd0';
/** How far (px) from a point the pointer may be and still pick it. */
const PICK_RADIUS = 12;

/**
 * A scatter plot drawn as SVG circles or, above CANVAS_THRESHOLD points, on a canvas under the SVG axes. Hover and
 * click find the nearest point through a Delaunay index in both modes, so neither needs a DOM node per point.
 */
export function Scatter<P extends ScatterPoint>({
  points,
  width,
  height,
  log,
  diagonal,
  labels,
  tooltip,
  onPick,
  testId,
}: {
  points: P[];
  width: number;
  height: number;
  log: boolean;
  /** Draws y = x, where points of two agreeing rankings fall. */
  diagonal: boolean;
  labels: { x: string; y: string };
  tooltip: (point: P) => ReactNode;
  onPick: (point: P) => void;
  testId: string;
}) {
  const plotRef = useRef<SVGGElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [hover, setHover] = useState<P | null>(null);
  const canvasMode = points.length > CANVAS_THRESHOLD;

  const geometry = useMemo(() => {
    const shown = log ? points.filter((p) => p.x > 0 && p.y > 0) : points;
    const [x0 = 1, x1 = 1] = d3.extent(shown, (p) => p.x);
    const [y0 = 1, y1 = 1] = d3.extent(shown, (p) => p.y);
    const layout = layoutChart(width, height, { log, domain: [x0, x1], title: labels.x }, { log, domain: [y0, y1], title: labels.y }, []);
    const x = layout.x.scale;
    const y = layout.y.scale;
    const index = d3.Delaunay.from(shown, (p) => x(p.x), (p) => y(p.y));
    return { shown, x, y, index, layout };
    // The axis titles by value: callers build the labels object on every render.
  }, [points, log, width, height, labels.x, labels.y]);
  const { margin, inner } = geometry.layout;

  useEffect(() => {
    const { shown, x, y, layout } = geometry;
    const plot = d3.select(plotRef.current as SVGGElement);
    plot.selectAll('*').remove();
    drawAxes(plot, layout);
    if (diagonal) {
      const [xa = 1, xb = 1] = x.domain();
      const [ya = 1, yb = 1] = y.domain();
      const lo = Math.max(xa, ya);
      const hi = Math.min(xb, yb);
      plot
        .append('line')
        .attr('x1', x(lo))
        .attr('y1', y(lo))
        .attr('x2', x(hi))
        .attr('y2', y(hi))
        .attr('stroke', '#9aa3b2')
        .attr('stroke-dasharray', '4 4');
    }
    if (!canvasMode) {
      plot
        .append('g')
        .selectAll('circle')
        .data(shown)
        .join('circle')
        .attr('cx', (p) => x(p.x))
        .attr('cy', (p) => y(p.y))
        .attr('r', 2.5)
        .attr('fill', COLOR)
        .attr('fill-opacity', 0.55);
      return;
    }
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = width * ratio;
    canvas.height = height * ratio;
    context.setTransform(ratio, 0, 0, ratio, layout.margin.left * ratio, layout.margin.top * ratio);
    context.clearRect(-layout.margin.left, -layout.margin.top, width, height);
    context.fillStyle = COLOR;
    context.globalAlpha = 0.35;
    for (const p of shown) context.fillRect(x(p.x) - 1, y(p.y) - 1, 2, 2);
  }, [geometry, canvasMode, diagonal, width, height]);

  const onMove = (event: PointerEvent<SVGRectElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const mx = event.clientX - box.left;
    const my = event.clientY - box.top;
    const found = geometry.shown[geometry.index.find(mx, my)];
    const near = found && Math.hypot(geometry.x(found.x) - mx, geometry.y(found.y) - my) <= PICK_RADIUS;
    setHover(near ? found : null);
  };

  return (
    <div data-testid={testId} data-mode={canvasMode ? 'canvas' : 'svg'} data-points={geometry.shown.length}>
      {canvasMode && <canvas ref={canvasRef} style={{ width, height }} />}
      <svg width={width} height={height} role="img" aria-label={`${labels.y} against ${labels.x}`}>
        <g ref={plotRef} transform={`translate(${margin.left},${margin.top})`} />
        <g transform={`translate(${margin.left},${margin.top})`}>
          {hover && (
            <circle cx={geometry.x(hover.x)} cy={geometry.y(hover.y)} r={5} fill="none" stroke="#d03a2f" strokeWidth={2} />
          )}
          <rect
            width={inner.width}
            height={inner.height}
            fill="transparent"
            style={{ cursor: hover ? 'pointer' : 'default' }}
            data-testid={`${testId}-overlay`}
            onPointerMove={onMove}
            onPointerLeave={() => setHover(null)}
            onClick={() => hover && onPick(hover)}
          />
        </g>
      </svg>
      {hover && (
        <div
          // In the right half the tooltip opens to the left: past the panel's edge it would scroll the panel.
          className={geometry.x(hover.x) > inner.width / 2 ? 'chart-tooltip left' : 'chart-tooltip'}
          role="status"
          style={{ left: margin.left + geometry.x(hover.x), top: margin.top + geometry.y(hover.y) }}
        >
          {tooltip(hover)}
        </div>
      )}
    </div>
  );
}
