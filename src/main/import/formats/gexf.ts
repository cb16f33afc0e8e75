import type { ImportContext } from '../context';
import { GraphEdges, edgeWeight, readXml, typedValue } from './xml';

interface AttributeDef {
  title: string;
  type: string | undefined;
  defaultValue?: string;
}

interface OpenNode {
  id: string;
  label: string | null;
  attributes: Record<string, unknown>;
  viz: Record<string, unknown>;
}

/** GEXF edge types; `mutual` (an edge both ways) counts as undirected. The format's own default is undirected. */
const DIRECTED = new Map([['directed', true], ['undirected', false], ['mutual', false]]);

/**
 * GEXF 1.1 to 1.3 (Gephi's format). Nodes become accounts: id, label as display name, attribute values by their
 * title, and the viz position, size and colour under `viz`. Edges become `edge` interactions with their weight and
 * direction (the edge's type, else the graph's defaultedgetype). Edge attributes other than the weight, edge viz,
 * and dynamics (spells, start/end) are not part of the interaction model and are ignored.
 */
export async function importGexf(context: ImportContext): Promise<void> {
  const edges = new GraphEdges(context);
  const nodeAttributes = new Map<string, AttributeDef>();
  const openNodes: OpenNode[] = [];
  let rootSeen = false;
  let attributesClass: string | undefined;
  let attribute: AttributeDef | undefined;
  let defaultText: string | undefined;
  let inEdge = false;
  let directedByDefault = false;
  let count = 0;

  await readXml(context, {
    open(name, attributes, line) {
      if (!rootSeen && name !== 'gexf') throw context.source.error(`not a GEXF file: the root element is <${name}>`, { line });
      rootSeen = true;
      // Attribute values and viz inside an edge belong to the edge (ignored), even within a hierarchical node.
      const node = inEdge ? undefined : openNodes[openNodes.length - 1];
      switch (name) {
        case 'graph': {
          const type = attributes.defaultedgetype ?? 'undirected';
          const directed = DIRECTED.get(type);
          if (directed === undefined) throw context.source.error(`unknown defaultedgetype "${type}"; expected directed, undirected or mutual`, { line });
          directedByDefault = directed;
          break;
        }
        case 'attributes':
          attributesClass = attributes.class;
          break;
        case 'attribute':
          if (attributesClass === 'node' && attributes.id !== undefined) {
            attribute = { title: attributes.title ?? attributes.id, type: attributes.type };
            nodeAttributes.set(attributes.id, attribute);
          }
          break;
        case 'default':
          if (attribute) defaultText = '';
          break;
        case 'node':
          if (attributes.id === undefined) throw context.source.error('a <node> without an id', { line });
          openNodes.push({ id: attributes.id, label: attributes.label ?? null, attributes: {}, viz: {} });
          edges.node(attributes.id);
          break;
        case 'attvalue': {
          // GEXF 1.0 named the attribute with `id`, later versions with `for`.
          const def = node && nodeAttributes.get(attributes.for ?? attributes.id ?? '');
          if (node && def && attributes.value !== undefined) node.attributes[def.title] = typedValue(attributes.value, def.type);
          break;
        }
        case 'position':
        case 'size':
        case 'color':
          if (node) readViz(name, attributes, node.viz);
          break;
        case 'edge':
          inEdge = true;
          readEdge(attributes, line);
          if (++count % 10_000 === 0) context.checkCancelled();
          break;
      }
    },
    close(name) {
      switch (name) {
        case 'node': {
          const node = openNodes.pop()!;
          for (const def of nodeAttributes.values()) {
            if (def.defaultValue !== undefined && !(def.title in node.attributes)) node.attributes[def.title] = typedValue(def.defaultValue, def.type);
          }
          if (Object.keys(node.viz).length > 0) node.attributes.viz = node.viz;
          context.sink.account({ platformId: node.id, displayName: node.label,
            attributes: Object.keys(node.attributes).length > 0 ? node.attributes : null });
          break;
        }
        case 'default':
          if (attribute && defaultText !== undefined) attribute.defaultValue = defaultText;
          defaultText = undefined;
          break;
        case 'attribute':
          attribute = undefined;
          break;
        case 'attributes':
          attributesClass = undefined;
          break;
        case 'edge':
          inEdge = false;
          break;
        case 'graph':
          edges.finish();
          break;
      }
    },
    text(text) {
      if (defaultText !== undefined) defaultText += text;
    },
  });

  function readEdge(attributes: Readonly<Record<string, string>>, line: number): void {
    const { source, target } = attributes;
    const name = attributes.id ?? `${source}->${target}`;
    if (source === undefined || target === undefined) return context.invalid(`edge "${name}" has no ${source === undefined ? 'source' : 'target'}`, { line });
    const weight = edgeWeight(attributes.weight);
    if (typeof weight === 'string') return context.invalid(`edge "${name}": ${weight}`, { line });
    const type = attributes.type;
    const directed = type === undefined ? directedByDefault : DIRECTED.get(type);
    if (directed === undefined) return context.invalid(`edge "${name}" has type "${type}"; expected directed, undirected or mutual`, { line });
    edges.edge({ name, source, target, weight, directed, line });
  }
}

/** viz:position x/y/z, viz:size value, viz:color r/g/b/a (or hex in 1.3), as numbers where they are numbers. */
function readViz(element: string, attributes: Readonly<Record<string, string>>, viz: Record<string, unknown>): void {
  const keys = element === 'position' ? ['x', 'y', 'z'] : element === 'size' ? ['value'] : ['r', 'g', 'b', 'a', 'hex'];
  for (const key of keys) {
    const value = attributes[key];
    if (value === undefined) continue;
    viz[element === 'size' ? 'size' : key] = key === 'hex' ? value : typedValue(value, 'double');
  }
}
