import type { ImportContext } from '../context';
import { GraphEdges, edgeWeight, readXml, typedValue } from './xml';

interface KeyDef {
  name: string;
  type: string | undefined;
  for: string;
  defaultValue?: string;
}

interface OpenElement {
  id: string;
  line: number;
  /** Edge ends; absent for nodes. */
  source?: string;
  target?: string;
  directed?: string;
  data: Map<KeyDef, string>;
}

const isWeight = (key: KeyDef) => key.name.toLowerCase() === 'weight';
const isLabel = (key: KeyDef) => key.name.toLowerCase() === 'label';

/**
 * GraphML. Nodes become accounts: id, the `label` data as display name, other node data by its key's attr.name.
 * Edges become `edge` interactions with the `weight` data (else the key's default, else 1) and their direction (the
 * edge's `directed`, else the graph's edgedefault; without one, directed). Other edge data, hyperedges and ports are
 * not part of the interaction model and are ignored. Edges may come before the nodes they join, so undefined nodes
 * are checked when the outermost graph ends.
 */
export async function importGraphMl(context: ImportContext): Promise<void> {
  const edges = new GraphEdges(context);
  const keys = new Map<string, KeyDef>();
  let rootSeen = false;
  let key: KeyDef | undefined;
  let text: string | undefined;
  let dataKey: KeyDef | undefined;
  /** Open nodes and edges, innermost last (a node may hold a nested graph). */
  const elements: OpenElement[] = [];
  const graphDefaults: boolean[] = [];
  let defaultWeight: string | undefined;
  let count = 0;

  await readXml(context, {
    open(name, attributes, line) {
      if (!rootSeen && name !== 'graphml') throw context.source.error(`not a GraphML file: the root element is <${name}>`, { line });
      rootSeen = true;
      switch (name) {
        case 'key':
          if (attributes.id === undefined) throw context.source.error('a <key> without an id', { line });
          key = { name: attributes['attr.name'] ?? attributes.id, type: attributes['attr.type'], for: attributes.for ?? 'all' };
          keys.set(attributes.id, key);
          break;
        case 'default':
          if (key) text = '';
          break;
        case 'graph': {
          const edgedefault = attributes.edgedefault ?? 'directed';
          if (edgedefault !== 'directed' && edgedefault !== 'undirected') {
            throw context.source.error(`unknown edgedefault "${edgedefault}"; expected directed or undirected`, { line });
          }
          graphDefaults.push(edgedefault === 'directed');
          // Keys come before graphs in GraphML, so the weight key's default is known by now.
          defaultWeight = [...keys.values()].find((def) => def.for !== 'node' && def.for !== 'graph' && isWeight(def))?.defaultValue;
          break;
        }
        case 'node':
          if (attributes.id === undefined) throw context.source.error('a <node> without an id', { line });
          elements.push({ id: attributes.id, line, data: new Map() });
          edges.node(attributes.id);
          break;
        case 'edge': {
          const { source, target, directed } = attributes;
          elements.push({ id: attributes.id ?? `${source}->${target}`, line, source, target, directed, data: new Map() });
          break;
        }
        case 'data':
          dataKey = elements.length > 0 ? keys.get(attributes.key ?? '') : undefined;
          if (dataKey) text = '';
          break;
      }
    },
    close(name) {
      switch (name) {
        case 'key':
          key = undefined;
          break;
        case 'default':
          if (key && text !== undefined) key.defaultValue = text;
          text = undefined;
          break;
        case 'data':
          if (dataKey && text !== undefined) elements[elements.length - 1]?.data.set(dataKey, text.trim());
          dataKey = undefined;
          text = undefined;
          break;
        case 'node':
          closeNode(elements.pop()!);
          break;
        case 'edge':
          closeEdge(elements.pop()!, graphDefaults[graphDefaults.length - 1] ?? true);
          if (++count % 10_000 === 0) context.checkCancelled();
          break;
        case 'graph':
          graphDefaults.pop();
          if (graphDefaults.length === 0) edges.finish();
          break;
      }
    },
    text(chunk) {
      if (text !== undefined) text += chunk;
    },
  });

  function closeNode(node: OpenElement): void {
    const attributes: Record<string, unknown> = {};
    let label: string | null = null;
    for (const def of keys.values()) {
      if (def.for !== 'node' && def.for !== 'all') continue;
      const value = node.data.get(def) ?? def.defaultValue;
      if (value === undefined) continue;
      if (isLabel(def)) label = value;
      else attributes[def.name] = typedValue(value, def.type);
    }
    context.sink.account({ platformId: node.id, displayName: label,
      attributes: Object.keys(attributes).length > 0 ? attributes : null });
  }

  function closeEdge(edge: OpenElement, directedByDefault: boolean): void {
    const { id: name, source, target, line } = edge;
    if (source === undefined || target === undefined) return context.invalid(`edge "${name}" has no ${source === undefined ? 'source' : 'target'}`, { line });
    const weightKey = [...edge.data.keys()].find(isWeight);
    const weight = edgeWeight(weightKey ? edge.data.get(weightKey) : defaultWeight);
    if (typeof weight === 'string') return context.invalid(`edge "${name}": ${weight}`, { line });
    if (edge.directed !== undefined && edge.directed !== 'true' && edge.directed !== 'false') {
      return context.invalid(`edge "${name}" has directed="${edge.directed}"; expected true or false`, { line });
    }
    edges.edge({ name, source, target, weight, directed: edge.directed === undefined ? directedByDefault : edge.directed === 'true', line });
  }
}
