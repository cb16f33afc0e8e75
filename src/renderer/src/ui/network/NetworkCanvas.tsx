import type Graph from 'graphology';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { runLayout, type LayoutStatus } from './layout-supervisor';
import { searchNodes } from './search';
import { applyReplayTime, applySelection, centreOn, createRenderer, exportPng, type NetworkEdge, type NetworkNode, type NetworkRenderer } from './sigma-view';

const STATUS_TEXT: Record<LayoutStatus['state'], string> = {
  running: 'laying out',
  converged: 'layout settled',
  iterations: 'layout stopped at its iteration limit',
  budget: 'layout stopped after 20 s without settling: continue it for a tidier picture',
  stopped: 'layout paused',
  empty: 'no links to lay out',
};

export interface NetworkCanvasProps {
  graph: Graph<NetworkNode, NetworkEdge>;
  directed: boolean;
  /** ForceAtlas2 in the worker, or positions fixed by the caller (a cascade's time layout). */
  layout: 'forceatlas2' | 'fixed';
  /** Title of the exported PNG; `file` its name. */
  title: string;
  file: string;
  height?: number;
  /** The cascade replay's clock: nodes and edges later than this are drawn pale. */
  replayTime?: number;
  /** What a selected node offers (e.g. a link to its account). */
  selectedActions?: (node: string) => ReactNode;
  /** Drawn over the canvas, redrawn when the camera moves (a time axis). */
  overlay?: (renderer: NetworkRenderer, width: number) => ReactNode;
  testId?: string;
}

/**
 * A graph drawn by sigma.js (WebGL) with zoom buttons, search, neighbour highlight, layout status and PNG export.
 * Sigma owns the canvas; React owns the controls around it.
 */
export function NetworkCanvas({ graph, directed, layout, title, file, height = 520, replayTime, selectedActions, overlay, testId = 'network' }: NetworkCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const [renderer, setRenderer] = useState<NetworkRenderer | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [status, setStatus] = useState<LayoutStatus | null>(null);
  const [layoutActive, setLayoutActive] = useState(true);
  const [query, setQuery] = useState('');
  const [camera, setCamera] = useState({ x: 0.5, y: 0.5, ratio: 1, width: 0 });
  const [error, setError] = useState<string | null>(null);
  const previous = useRef<string | null>(null);

  useEffect(() => {
    if (!container.current) return;
    // Sigma's WebGL set-up (context and shaders, about 300 ms on a loaded two-core machine) runs on an empty graph in
    // this task and the indexing of the graph (1-1.5 s for 100,000 edges there) in the next, so neither adds up.
    const created = createRenderer(graph.nullCopy(), container.current, directed, graph);
    const update = () => setCamera({ ...created.getCamera().getState(), width: created.getDimensions().width });
    created.getCamera().on('updated', update);
    created.on('clickNode', ({ node }) => setSelected(node));
    created.on('clickStage', () => setSelected(null));
    previous.current = null;
    setSelected(null);
    setLayoutActive(true);
    const indexing = setTimeout(() => {
      created.setGraph(graph);
      // A user-timing mark, so a profile (and the 10,000-node E2E test) can tell this task from the ones after it.
      performance.mark('network-first-render');
      update();
      setRenderer(created);
    }, 0);
    return () => {
      clearTimeout(indexing);
      created.kill();
      setRenderer(null);
    };
  }, [graph, directed]);

  useEffect(() => {
    if (!renderer || layout !== 'forceatlas2' || !layoutActive) return;
    const running = runLayout(graph, (next) => {
      setStatus(next);
      if (next.state !== 'running') setLayoutActive(false);
    });
    return () => {
      running.stop();
      setStatus((s) => (s && s.state === 'running' ? { ...s, state: 'stopped' } : s));
    };
  }, [renderer, graph, layout, layoutActive]);

  useEffect(() => {
    if (!renderer) return;
    const cancel = applySelection(renderer, previous.current, selected);
    previous.current = selected;
    return cancel;
  }, [renderer, selected]);

  useEffect(() => {
    if (renderer && replayTime !== undefined) applyReplayTime(renderer, replayTime);
  }, [renderer, replayTime]);

  const hits = useMemo(() => (query ? searchNodes(graph, query) : []), [graph, query]);
  const find = (node: string) => {
    setSelected(node);
    if (renderer) void centreOn(renderer, node);
  };
  const selectedPoint = renderer && selected ? renderer.getNodeDisplayData(selected) : undefined;
  const viewport = renderer && selectedPoint ? renderer.framedGraphToViewport(selectedPoint) : null;
  return (
    <div className="network">
      <div className="row">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (hits[0]) find(hits[0].node);
          }}
        >
          <input list={`${testId}-hits`} value={query} onChange={(event) => setQuery(event.target.value)} placeholder="find an account" data-testid={`${testId}-search`} aria-label="Find a node" />
          <datalist id={`${testId}-hits`}>
            {hits.map((hit) => (
              <option key={hit.node} value={hit.label} />
            ))}
          </datalist>
          <button type="submit" data-testid={`${testId}-find`}>Find</button>
        </form>
        <button type="button" title="Zoom in" aria-label="Zoom in" onClick={() => void renderer?.getCamera().zoomIn({ duration: 250 })} data-testid={`${testId}-zoom-in`}>+</button>
        <button type="button" title="Zoom out" aria-label="Zoom out" onClick={() => void renderer?.getCamera().zoomOut({ duration: 250 })} data-testid={`${testId}-zoom-out`}>−</button>
        <button type="button" title="Show the whole graph" onClick={() => void renderer?.getCamera().reset({ duration: 250 })} data-testid={`${testId}-zoom-reset`}>Fit</button>
        {layout === 'forceatlas2' && (
          <button type="button" onClick={() => setLayoutActive((active) => !active)} data-testid={`${testId}-layout-toggle`}>
            {layoutActive ? 'Stop layout' : 'Continue layout'}
          </button>
        )}
        <button
          type="button"
          data-testid={`export-png-${testId}`}
          onClick={() => renderer && exportPng(renderer, title, file).then(() => setError(null), (failure: Error) => setError(failure.message))}
        >
          PNG
        </button>
        {status && (
          <span className="muted" data-testid={`${testId}-layout-status`} data-state={status.state} data-iterations={status.iterations}>
            {STATUS_TEXT[status.state]} ({status.iterations} iterations){status.error ? `: ${status.error}` : ''}
          </span>
        )}
      </div>
      {error && <div className="notice error">{error}</div>}
      <div style={{ position: 'relative' }}>
        <div
          ref={container}
          data-testid={testId}
          data-selected={selected ?? ''}
          data-neighbours={selected && graph.hasNode(selected) ? graph.neighbors(selected).length : ''}
          data-selected-at={viewport ? `${Math.round(viewport.x)},${Math.round(viewport.y)}` : ''}
          data-camera={`${camera.x.toFixed(4)},${camera.y.toFixed(4)},${camera.ratio.toFixed(4)}`}
          style={{ height, width: '100%', border: '1px solid #eceef2', background: '#fff' }}
        />
        {renderer && overlay?.(renderer, camera.width)}
      </div>
      {selected && graph.hasNode(selected) && (
        <p data-testid={`${testId}-selection`}>
          <strong>{graph.getNodeAttribute(selected, 'label')}</strong> · {graph.neighbors(selected).length} neighbours highlighted {selectedActions?.(selected)}{' '}
          <button type="button" onClick={() => setSelected(null)}>Clear</button>
        </p>
      )}
    </div>
  );
}
