import { forceCenter, forceLink, forceManyBody, forceSimulation, select, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3';
import { useEffect, useRef } from 'react';
import type { EgoOutput } from '../../../../shared/analysis';
import { accountName, type Account } from '../../ui/account-link';

const W = 760;
const H = 480;
// Past this many nodes SVG elements make the page crawl; the canvas draws the same picture in one element.
const CANVAS_FROM = 2000;
const COLORS = ['#d08a2f', '#2f5fd0', '#8fa6d8'];

type Node = SimulationNodeDatum & Account & { distance: number };
type Link = SimulationLinkDatum<Node>;

/** The ego network as a force layout, colored by distance from the center; clicking a node opens its account. */
export function EgoGraph({ ego, onOpen }: { ego: EgoOutput; onOpen: (account: Account) => void }) {
  const svgRef = useRef<SVGSVGElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const canvas = ego.nodes.length > CANVAS_FROM;

  useEffect(() => {
    const nodes: Node[] = ego.nodes.map((n) => ({ ...n }));
    const byId = new Map(nodes.map((n) => [n.accountId, n]));
    const links: Link[] = ego.edges.flatMap((e) => {
      const source = byId.get(e.source);
      const target = byId.get(e.target);
      return source && target ? [{ source, target }] : [];
    });
    const simulation = forceSimulation(nodes)
      .force('link', forceLink(links).distance(40))
      .force('charge', forceManyBody().strength(canvas ? -8 : -60))
      .force('center', forceCenter(W / 2, H / 2));
    const radius = (n: Node) => (n.distance === 0 ? 8 : canvas ? 2 : 5);
    const color = (n: Node) => COLORS[Math.min(n.distance, 2)] ?? '#999';

    if (canvas && canvasRef.current) {
      const element = canvasRef.current;
      const context = element.getContext('2d');
      simulation.on('tick', () => {
        if (!context) return;
        context.clearRect(0, 0, W, H);
        context.strokeStyle = 'rgba(150,160,180,0.3)';
        context.beginPath();
        for (const l of links) {
          const s = l.source as Node;
          const t = l.target as Node;
          context.moveTo(s.x ?? 0, s.y ?? 0);
          context.lineTo(t.x ?? 0, t.y ?? 0);
        }
        context.stroke();
        for (const n of nodes) {
          context.fillStyle = color(n);
          context.beginPath();
          context.arc(n.x ?? 0, n.y ?? 0, radius(n), 0, 2 * Math.PI);
          context.fill();
        }
      });
      const click = (event: MouseEvent) => {
        const box = element.getBoundingClientRect();
        const hit = simulation.find(event.clientX - box.left, event.clientY - box.top, 6);
        if (hit) onOpen(hit);
      };
      element.addEventListener('click', click);
      return () => {
        simulation.stop();
        element.removeEventListener('click', click);
      };
    }

    const svg = select(svgRef.current);
    svg.selectAll('*').remove();
    const edge = svg.append('g').attr('stroke', '#c4cad4').selectAll('line').data(links).join('line');
    const node = svg
      .append('g')
      .selectAll('circle')
      .data(nodes)
      .join('circle')
      .attr('r', radius)
      .attr('fill', color)
      .attr('data-testid', 'ego-node')
      .style('cursor', 'pointer')
      .on('click', (_event, n) => onOpen(n));
    node.append('title').text(accountName);
    simulation.on('tick', () => {
      edge
        .attr('x1', (l) => (l.source as Node).x ?? 0)
        .attr('y1', (l) => (l.source as Node).y ?? 0)
        .attr('x2', (l) => (l.target as Node).x ?? 0)
        .attr('y2', (l) => (l.target as Node).y ?? 0);
      node.attr('cx', (n) => n.x ?? 0).attr('cy', (n) => n.y ?? 0);
    });
    return () => {
      simulation.stop();
    };
  }, [ego, canvas, onOpen]);

  return canvas ? (
    <canvas ref={canvasRef} width={W} height={H} data-testid="ego-graph" data-renderer="canvas" style={{ border: '1px solid #eceef2', cursor: 'pointer' }} />
  ) : (
    <svg ref={svgRef} width={W} height={H} data-testid="ego-graph" data-renderer="svg" style={{ border: '1px solid #eceef2' }} />
  );
}
