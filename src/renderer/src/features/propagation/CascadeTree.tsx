import { useEffect, useMemo, useState } from 'react';
import { planTicks } from '../../ui/charts/axes';
import { formatNumber } from '../../ui/format';
import { NetworkCanvas } from '../../ui/network/NetworkCanvas';
import type { NetworkRenderer } from '../../ui/network/sigma-view';
import { buildCascadeGraph, clockTime, replaySteps, stepAt, timeScale } from './cascade-graph';
import type { CascadeNode } from './cascade-nodes';

const HEIGHT = 420;
/** The view's width to height, used to spread the rows over the height the canvas has. */
const ASPECT = HEIGHT / 900;
const PLAY_SECONDS = 8;
const AXIS_HEIGHT = 34;

/** A time axis under the canvas for the visible part of the graph, redrawn as the camera moves. */
function TimeAxis({ renderer, width, maxTime }: { renderer: NetworkRenderer; width: number; maxTime: number }) {
  const scale = timeScale(maxTime);
  const at = (px: number) => Math.max(0, scale.invert(renderer.viewportToGraph({ x: px, y: 0 }).x));
  const visible = timeScale(1).domain([at(0), Math.max(at(0) + 1e-6, at(width))]).range([0, width]);
  const ticks = planTicks(visible, 'bottom', [0, width], 0);
  return (
    <svg width={width} height={AXIS_HEIGHT} data-testid="cascade-axis" style={{ display: 'block' }}>
      <line x1={0} x2={width} y1={0.5} y2={0.5} stroke="#5b6475" />
      {ticks.map((tick) => (
        <g key={tick.value} transform={`translate(${visible(tick.value)},0)`}>
          <line y2={6} stroke="#5b6475" />
          <text y={tick.box.y + tick.box.height - 2} textAnchor="middle" fontSize={10} fill="#1d2330" data-testid="cascade-tick">
            {tick.text}
          </text>
        </g>
      ))}
      <text x={width / 2} y={AXIS_HEIGHT - 2} textAnchor="middle" fontSize={11} fill="#5b6475">
        minutes after the root post
      </text>
    </svg>
  );
}

/**
 * A cascade on sigma.js with a time layout (x: time since the root post, y: tree order, arrows parent -> child) and
 * a replay that steps through the nodes in time order, up to and including the last.
 */
export function CascadeTree({ nodes, title }: { nodes: CascadeNode[]; title: string }) {
  const graph = useMemo(() => buildCascadeGraph(nodes, ASPECT), [nodes]);
  const steps = useMemo(() => replaySteps(nodes), [nodes]);
  const last = steps.length - 1;
  const maxTime = steps[last] ?? 0;
  const [step, setStep] = useState(last);
  const [playing, setPlaying] = useState(false);
  useEffect(() => setStep(last), [last]);

  useEffect(() => {
    if (!playing) return;
    const started = performance.now();
    let frame = requestAnimationFrame(function tick(now) {
      const fraction = Math.min(1, (now - started) / (PLAY_SECONDS * 1000));
      setStep(fraction >= 1 ? last : Math.max(0, stepAt(steps, clockTime(fraction, maxTime))));
      if (fraction < 1) frame = requestAnimationFrame(tick);
      else setPlaying(false);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing, steps, last, maxTime]);

  const time = steps[step] ?? 0;
  // Nodes at the same minute appear together, so the count is of every node whose time has come.
  const shown = stepAt(steps, time) + 1;
  return (
    <div>
      <div className="row">
        <button type="button" onClick={() => setPlaying((p) => !p)} data-testid="replay-play">
          {playing ? 'Pause' : 'Play'}
        </button>
        <label>
          Step{' '}
          <input type="range" min={0} max={Math.max(0, last)} step={1} value={step} onChange={(event) => { setPlaying(false); setStep(Number(event.target.value)); }} data-testid="replay-slider" style={{ width: 320 }} />
        </label>
        <span className="muted" data-testid="replay-status" data-shown={shown} data-total={steps.length}>
          {formatNumber(time)} min · {formatNumber(shown)} of {formatNumber(steps.length)} nodes
        </span>
      </div>
      <NetworkCanvas
        graph={graph}
        directed
        layout="fixed"
        title={title}
        file="cascade.png"
        height={HEIGHT}
        replayTime={step >= last ? Number.POSITIVE_INFINITY : time}
        testId="cascade-tree"
        overlay={(renderer, width) => <TimeAxis renderer={renderer} width={width} maxTime={maxTime} />}
      />
    </div>
  );
}
