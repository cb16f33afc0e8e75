import { SaxesParser } from 'saxes';
import type { ImportContext } from '../context';
import { readWeight } from '../weights';

export interface XmlHandlers {
  /** An opening tag, its name without namespace prefix; `line` is where the tag ends. */
  open(name: string, attributes: Readonly<Record<string, string>>, line: number): void;
  close(name: string): void;
  /** Character data (text and CDATA), entities decoded. */
  text(text: string): void;
}

/**
 * Streams the file through saxes. Element names lose their prefix because GEXF's namespace URI changes with every
 * version (1.1draft, 1.2draft, 1.3) and real files even misspell the viz one (`http:///www.gexf.net/1.1draft/viz`):
 * matching local names reads them all. Malformed XML (including a file cut short) stops with the parser's line.
 */
export async function readXml(context: ImportContext, handlers: XmlHandlers): Promise<void> {
  const parser = new SaxesParser({ position: true, xmlns: false });
  parser.on('error', (error) => {
    throw context.source.error(`malformed XML: ${error.message.replace(/^\d+:\d+: /, '')}`, { line: parser.line });
  });
  parser.on('opentag', (tag) => handlers.open(localName(tag.name), tag.attributes, parser.line));
  parser.on('closetag', (tag) => handlers.close(localName(tag.name)));
  parser.on('text', handlers.text);
  parser.on('cdata', handlers.text);
  for await (const chunk of context.source.text()) {
    parser.write(chunk);
    context.checkCancelled();
  }
  parser.close();
}

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

/**
 * An attribute value by its declared type (GEXF integer/long/float/double/boolean, GraphML int/long/float/double/
 * boolean); a value that does not fit its type is kept as the text it is, since attributes only annotate accounts.
 */
export function typedValue(text: string, type: string | undefined): unknown {
  switch (type?.toLowerCase()) {
    case 'int':
    case 'integer':
    case 'long':
    case 'short':
    case 'float':
    case 'double': {
      const number = Number(text);
      return text.trim() !== '' && Number.isFinite(number) ? number : text;
    }
    case 'boolean':
      return text === 'true' || text === '1' ? true : text === 'false' || text === '0' ? false : text;
    default:
      return text;
  }
}

export interface GraphEdge {
  /** The edge's id, or `source->target` when it has none: how error messages name it. */
  name: string;
  source: string;
  target: string;
  weight: number;
  directed: boolean;
  line: number;
}

/**
 * Emits a graph file's edges as `edge` interactions. An edge whose ends are not both defined yet is held back
 * (GraphML may declare edges before nodes) and checked when the graph ends: an end still undefined then is an
 * invalid edge, reported at the edge's own line.
 */
export class GraphEdges {
  private readonly nodes = new Set<string>();
  private readonly waiting: GraphEdge[] = [];

  constructor(private readonly context: ImportContext) {}

  node(id: string): void {
    this.nodes.add(id);
  }

  edge(edge: GraphEdge): void {
    if (this.nodes.has(edge.source) && this.nodes.has(edge.target)) this.emit(edge);
    else this.waiting.push(edge);
  }

  finish(): void {
    for (const edge of this.waiting) {
      const missing = [edge.source, edge.target].find((id) => !this.nodes.has(id));
      if (missing === undefined) this.emit(edge);
      else this.context.invalid(`edge "${edge.name}" points to node "${missing}", which the graph does not define`, { line: edge.line });
    }
    this.waiting.length = 0;
  }

  private emit(edge: GraphEdge): void {
    this.context.sink.interaction({ actorPlatformId: edge.source, target: { platformId: edge.target }, kind: 'edge',
      weight: edge.weight, time: null, directed: edge.directed });
  }
}

/** A weight attribute or data value: absent means 1; anything but a finite number of 0 or more is reported as the reason. */
export function edgeWeight(text: string | undefined): number | string {
  if (text === undefined || text.trim() === '') return 1;
  return readWeight(text);
}
