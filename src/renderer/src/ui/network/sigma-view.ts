import type Graph from 'graphology';
import Sigma, { DEFAULT_STYLES } from 'sigma';
import { extremityArrow, pathLine, pathLoop } from 'sigma/rendering';
import { downloadBlob } from '../download';

/** What a node of a network view carries; `time` (minutes) only in a cascade, for its replay. */
export interface NetworkNode {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  time?: number;
}

export interface NetworkEdge {
  time?: number;
}

const DIMMED = '#e6e9ef';
const EDGE = '#c4cad4';
const EDGE_HIGHLIGHT = '#5b6475';

const customNodeState = { isSelected: false, isNeighbour: false, isDimmed: false, isLater: false };
const customEdgeState = { isDimmed: false, isLater: false };

/**
 * Every rule reads the item's own state (`whenState`), never the graph's: sigma re-evaluates every node and edge on
 * any graph-state change, including the isPanning/isZooming flags it sets itself on each gesture, and that is
 * 0.5-1.5 s for 100,000 edges on a loaded two-core machine (measured: test/e2e/network-views.spec.ts). With item
 * states only the items whose state changed are re-evaluated. `scale` is the graph the settings are chosen for, when
 * sigma starts on an empty copy of it.
 */
function createSigma(graph: Graph<NetworkNode, NetworkEdge>, container: HTMLElement, directed: boolean, scale: { order: number; size: number } = graph) {
  return new Sigma(graph, container, {
    customNodeState,
    customEdgeState,
    primitives: { edges: { paths: [pathLine(), pathLoop()], extremities: [extremityArrow()] } },
    styles: {
      nodes: [
        DEFAULT_STYLES.nodes,
        // A selection dims everything that is not the node or a neighbour, and names all of those.
        { whenState: 'isDimmed', then: { color: DIMMED, label: '' } },
        { whenState: 'isNeighbour', then: { labelVisibility: 'visible', depth: 'topNodes' } },
        { whenState: 'isSelected', then: { labelVisibility: 'visible', depth: 'topNodes', backdropVisibility: 'visible' } },
        // The replay shows what has happened by its clock; later nodes stay as pale marks so the shape is known.
        { whenState: 'isLater', then: { color: DIMMED, label: '' } },
      ],
      edges: [
        DEFAULT_STYLES.edges,
        { color: EDGE, head: directed ? 'arrow' : 'none' },
        { whenState: 'isDimmed', then: { color: '#f1f3f6' } },
        { whenState: 'isHighlighted', then: { color: EDGE_HIGHLIGHT } },
        { whenState: 'isLater', then: { visibility: 'hidden' } },
      ],
    },
    settings: {
      // Past 20,000 edges redrawing every edge on each pan frame is what makes a big graph stutter (sigma's advice).
      hideEdgesOnMove: scale.size > 20_000,
      hideLabelsOnMove: scale.order > 5_000,
      // Labels by importance: sigma keeps, per grid cell, the labels of the largest nodes (size = the chosen score).
      labelDensity: 0.8,
      labelGridCellSize: 90,
      labelRenderedSizeThreshold: 7,
      stagePadding: 36,
      minCameraRatio: 0.02,
      maxCameraRatio: 8,
    },
  });
}

export type NetworkRenderer = ReturnType<typeof createSigma>;

export const createRenderer = createSigma;

/**
 * Items whose dimming is set in one animation frame. Sigma re-evaluated the styles of 2 x 110,000 items in 1.56 s of a
 * profile on a loaded two-core machine (about 140 an ms), so 10,000 a frame is about 70 ms of work, and a
 * 100,000-edge graph dims in about 11 frames.
 */
const DIM_PER_FRAME = 10_000;

type Step = () => void;

/** Runs the first step now and the rest one per animation frame; the returned function drops the steps not yet run. */
function inFrames(steps: Step[]): () => void {
  let frame = 0;
  let next = 0;
  const run = () => {
    steps[next++]?.();
    if (next < steps.length) frame = requestAnimationFrame(run);
  };
  run();
  return () => cancelAnimationFrame(frame);
}

function sliced<T>(items: T[], apply: (slice: T[]) => void): Step[] {
  const steps: Step[] = [];
  for (let i = 0; i < items.length; i += DIM_PER_FRAME) steps.push(() => apply(items.slice(i, i + DIM_PER_FRAME)));
  return steps;
}

/**
 * Selects a node (or none): the node, its neighbours and the edges between them stand out at once; the rest is dimmed
 * (or undimmed) over the next frames, a slice per frame. Returns a cancel for the slices still to come.
 */
export function applySelection(renderer: NetworkRenderer, previous: string | null, next: string | null): () => void {
  const graph = renderer.getGraph();
  const hadSelection = previous !== null && graph.hasNode(previous);
  if (hadSelection) {
    renderer.setNodeState(previous, { isSelected: false });
    renderer.setNodesState(graph.neighbors(previous), { isNeighbour: false });
    renderer.setEdgesState(graph.edges(previous), { isHighlighted: false });
  }
  const selected = next !== null && graph.hasNode(next) ? next : null;
  if (selected !== null) {
    renderer.setNodesState(graph.neighbors(selected), { isNeighbour: true });
    renderer.setNodeState(selected, { isSelected: true, isNeighbour: false });
    renderer.setEdgesState(graph.edges(selected), { isHighlighted: true });
  }
  if (selected === null && !hadSelection) return () => {};
  const litNodes = new Set(selected === null ? graph.nodes() : [selected, ...graph.neighbors(selected)]);
  const litEdges = selected === null ? null : new Set(graph.edges(selected));
  const [shownNodes, dimmedNodes] = split(graph.nodes(), (node) => litNodes.has(node));
  const [shownEdges, dimmedEdges] = split(graph.edges(), (edge) => litEdges === null || litEdges.has(edge));
  return inFrames([
    () => renderer.setNodesState(shownNodes, { isDimmed: false }),
    () => renderer.setEdgesState(shownEdges, { isDimmed: false }),
    ...sliced(dimmedNodes, (slice) => renderer.setNodesState(slice, { isDimmed: true })),
    ...sliced(dimmedEdges, (slice) => renderer.setEdgesState(slice, { isDimmed: true })),
  ]);
}

function split<T>(items: T[], keep: (item: T) => boolean): [T[], T[]] {
  const kept: T[] = [];
  const rest: T[] = [];
  for (const item of items) (keep(item) ? kept : rest).push(item);
  return [kept, rest];
}

/**
 * The replay clock: nodes and edges later than `time` are marked. Sigma skips items whose state is unchanged, so a
 * step of the replay re-evaluates only the items it reveals.
 */
export function applyReplayTime(renderer: NetworkRenderer, time: number): void {
  const graph = renderer.getGraph();
  const isLater = (at: number | undefined) => typeof at === 'number' && at > time;
  const [laterNodes, shownNodes] = split(graph.nodes(), (node) => isLater(graph.getNodeAttribute(node, 'time')));
  const [laterEdges, shownEdges] = split(graph.edges(), (edge) => isLater(graph.getEdgeAttribute(edge, 'time')));
  renderer.setNodesState(laterNodes, { isLater: true });
  renderer.setNodesState(shownNodes, { isLater: false });
  renderer.setEdgesState(laterEdges, { isLater: true });
  renderer.setEdgesState(shownEdges, { isLater: false });
}

/** Moves the camera to a node and zooms in on it (never out, if the view is already closer). */
export async function centreOn(renderer: NetworkRenderer, node: string): Promise<void> {
  const display = renderer.getNodeDisplayData(node);
  if (!display) return;
  const camera = renderer.getCamera();
  await camera.animate({ x: display.x, y: display.y, ratio: Math.min(camera.ratio, 0.35) }, { duration: 400 });
}

/**
 * The view as a PNG with its title above it. Sigma draws into one WebGL canvas without preserveDrawingBuffer, so the
 * picture is copied in the afterRender event of a fresh render, while the frame is still there.
 */
export async function exportPng(renderer: NetworkRenderer, title: string, file: string): Promise<void> {
  const stage = renderer.getStageCanvas();
  const ratio = stage.width / Math.max(1, stage.clientWidth || stage.width);
  const band = Math.round(30 * ratio);
  const output = document.createElement('canvas');
  output.width = stage.width;
  output.height = stage.height + band;
  const context = output.getContext('2d');
  if (!context) throw new Error('this window cannot draw images');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, output.width, output.height);
  context.fillStyle = '#1d2330';
  context.font = `${Math.round(15 * ratio)}px system-ui, sans-serif`;
  context.fillText(title, Math.round(10 * ratio), Math.round(20 * ratio));
  await new Promise<void>((resolve) => {
    renderer.once('afterRender', () => {
      context.drawImage(stage, 0, band);
      resolve();
    });
    renderer.refresh();
  });
  const blob = await new Promise<Blob | null>((resolve) => output.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the PNG could not be encoded');
  downloadBlob(blob, file);
}
