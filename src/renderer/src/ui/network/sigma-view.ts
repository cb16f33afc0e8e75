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

const customNodeState = { isSelected: false, isNeighbour: false };
const customGraphState = { hasSelection: false, replayTime: Number.POSITIVE_INFINITY };

const later = (time: unknown, replayTime: number) => typeof time === 'number' && time > replayTime;

function createSigma(graph: Graph<NetworkNode, NetworkEdge>, container: HTMLElement, directed: boolean) {
  return new Sigma(graph, container, {
    customNodeState,
    customGraphState,
    primitives: { edges: { paths: [pathLine(), pathLoop()], extremities: [extremityArrow()] } },
    styles: {
      nodes: [
        DEFAULT_STYLES.nodes,
        // A selection dims everything that is not the node or a neighbour, and names all of those.
        { when: (_a, state, graphState) => graphState.hasSelection && !state.isSelected && !state.isNeighbour, then: { color: DIMMED, label: '' } },
        { whenState: 'isNeighbour', then: { labelVisibility: 'visible', depth: 'topNodes' } },
        { whenState: 'isSelected', then: { labelVisibility: 'visible', depth: 'topNodes', backdropVisibility: 'visible' } },
        // The replay shows what has happened by its clock; later nodes stay as pale marks so the shape is known.
        { when: (attributes, _s, graphState) => later(attributes.time, graphState.replayTime), then: { color: DIMMED, label: '' } },
      ],
      edges: [
        DEFAULT_STYLES.edges,
        { color: EDGE, head: directed ? 'arrow' : 'none' },
        { when: (_a, state, graphState) => graphState.hasSelection && !state.isHighlighted, then: { color: '#f1f3f6' } },
        { whenState: 'isHighlighted', then: { color: EDGE_HIGHLIGHT } },
        { when: (attributes, _s, graphState) => later(attributes.time, graphState.replayTime), then: { visibility: 'hidden' } },
      ],
    },
    settings: {
      // Past 20,000 edges redrawing every edge on each pan frame is what makes a big graph stutter (sigma's advice).
      hideEdgesOnMove: graph.size > 20_000,
      hideLabelsOnMove: graph.order > 5_000,
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
 * Selects a node (or none): the node, its neighbours and the edges between them stand out, the rest is dimmed.
 * Only the previous selection's items are reset, so a click on a 100,000-edge graph touches a few hundred.
 */
export function applySelection(renderer: NetworkRenderer, previous: string | null, next: string | null): void {
  const graph = renderer.getGraph();
  if (previous !== null && graph.hasNode(previous)) {
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
  renderer.setGraphState({ hasSelection: selected !== null });
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
