import { axisBottom, hierarchy, max, scaleSymlog, select, tree } from 'd3';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CascadeNode } from './cascade-nodes';

const W = 760;
const H = 360;
const M = { top: 10, right: 20, bottom: 36, left: 20 };
const PLAY_SECONDS = 8;

interface TreeDatum {
  index: number;
  node: CascadeNode;
  children: TreeDatum[];
}

function toHierarchy(nodes: CascadeNode[]): TreeDatum | null {
  const data: TreeDatum[] = nodes.map((node, index) => ({ index, node, children: [] }));
  let root: TreeDatum | null = null;
  for (const d of data) {
    const parent = data[d.node.parent];
    if (parent) parent.children.push(d);
    else root ??= d;
  }
  return root;
}

/**
 * A cascade on a time axis: x is the delay after the root post (symlog: most reactions come in the first minutes,
 * a few days later), y the tree layout. The replay reveals the nodes up to the slider's time.
 */
export function CascadeTree({ nodes }: { nodes: CascadeNode[] }) {
  const svgRef = useRef<SVGSVGElement>(null);
  const maxDelay = useMemo(() => max(nodes, (n) => n.delay_minutes) ?? 0, [nodes]);
  const [time, setTime] = useState(maxDelay);
  const [playing, setPlaying] = useState(false);
  useEffect(() => setTime(maxDelay), [maxDelay]);

  useEffect(() => {
    const root = toHierarchy(nodes);
    const svg = select(svgRef.current);
    svg.selectAll('*').remove();
    if (!root) return;
    const layout = tree<TreeDatum>().size([H - M.top - M.bottom, 1])(hierarchy(root));
    const x = scaleSymlog().domain([0, Math.max(1, maxDelay)]).range([M.left, W - M.right]);
    const px = (d: { data: TreeDatum }) => x(d.data.node.delay_minutes);
    const py = (d: { x: number }) => M.top + d.x;
    svg.append('g').attr('transform', `translate(0,${H - M.bottom})`).call(axisBottom(x).ticks(8, '~s'));
    svg.append('text').attr('x', W / 2).attr('y', H - 4).attr('text-anchor', 'middle').attr('font-size', 11).attr('fill', '#5b6475').text('minutes after the root post');
    svg.append('g').attr('fill', 'none').attr('stroke', '#b8c2d6')
      .selectAll('path').data(layout.links()).join('path')
      .attr('class', 'edge').attr('data-delay', (l) => l.target.data.node.delay_minutes)
      .attr('d', (l) => `M${px(l.source)},${py(l.source)}H${px(l.target)}V${py(l.target)}`);
    svg.append('g')
      .selectAll('circle').data(layout.descendants()).join('circle')
      .attr('class', 'node').attr('data-delay', (d) => d.data.node.delay_minutes)
      .attr('cx', px).attr('cy', py).attr('r', (d) => (d.depth === 0 ? 6 : 3.5))
      .attr('fill', (d) => (d.depth === 0 ? '#d08a2f' : '#2f5fd0'))
      .append('title').text((d) => `${d.data.node.account?.handle ? `@${d.data.node.account.handle}` : (d.data.node.account?.accountId ?? d.data.node.post_id)} · ${d.data.node.delay_minutes.toFixed(1)} min`);
  }, [nodes, maxDelay]);

  // Only the visibility changes with the slider; the layout is drawn once per tree.
  useEffect(() => {
    select(svgRef.current).selectAll<SVGElement, unknown>('.node, .edge').attr('opacity', function () {
      return Number(this.getAttribute('data-delay')) <= time ? 1 : 0.06;
    });
  }, [time, nodes]);

  useEffect(() => {
    if (!playing) return;
    const started = performance.now();
    let frame = requestAnimationFrame(function step(now) {
      const fraction = Math.min(1, (now - started) / (PLAY_SECONDS * 1000));
      // The replay runs on the same symlog clock as the axis, so the early burst is not over in a blink.
      setTime(Math.expm1(fraction * Math.log1p(maxDelay)));
      if (fraction < 1) frame = requestAnimationFrame(step);
      else setPlaying(false);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing, maxDelay]);

  const shown = nodes.filter((n) => n.delay_minutes <= time).length;
  return (
    <div>
      <div className="row">
        <button type="button" onClick={() => setPlaying((p) => !p)} data-testid="replay-play">
          {playing ? 'Pause' : 'Play'}
        </button>
        <label>
          Time{' '}
          <input type="range" min={0} max={maxDelay} step={maxDelay / 500 || 1} value={time} onChange={(event) => { setPlaying(false); setTime(Number(event.target.value)); }} data-testid="replay-slider" style={{ width: 320 }} />
        </label>
        <span className="muted">
          {time.toFixed(1)} min · {shown} of {nodes.length} nodes
        </span>
      </div>
      <svg ref={svgRef} width={W} height={H} data-testid="cascade-tree" role="img" aria-label="Cascade tree over time" />
    </div>
  );
}
