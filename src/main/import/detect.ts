import fs from 'node:fs';
import type { ImportFormat } from '../../shared/domain';
import { ImportError, excerpt } from './errors';
import { AUTHOR_TWEETS_HEADER } from './formats/author-tweets-header';

const SNIFF_BYTES = 64 * 1024;
const TREE_LINE = /^\s*\[\s*'[^']*'\s*,\s*'[^']*'\s*,\s*'[^']*'\s*\]\s*->\s*\[/;
/** The first key of congress_network_data.json's one object; the first list alone can outgrow the sniff window. */
const NETWORK_JSON = /^\[?\s*\{\s*"(?:inList|inWeight|outList|outWeight|usernameList)"\s*:/;
const EDGELIST_LINE = /^\s*\S+\s+\S+(\s+(\{.*\}|[-+0-9.eE]+))?\s*$/;

/** Reads the head of a file and names its format from the content alone (file extensions lie: .txt is both a SNAP edge list and a tree file). */
export function detectFormat(file: string): ImportFormat {
  const head = readHead(file);
  if (head.length === 0) throw new ImportError(file, { offset: 0 }, 'the file is empty');
  const nul = head.indexOf(0);
  if (nul !== -1) throw new ImportError(file, { offset: nul }, 'a NUL byte: this is a binary file, not one of the supported text formats');
  const text = new TextDecoder('utf-8').decode(head).replace(/^\uFEFF/, '');
  const start = text.trimStart();
  if (start.startsWith('<')) return detectXml(file, start);
  if (NETWORK_JSON.test(start)) return 'network-json';
  if (/^[^\r\n]*/.exec(start)![0] === AUTHOR_TWEETS_HEADER) return 'author-tweets-csv';
  if (start.startsWith('[')) return TREE_LINE.test(start) ? 'tree' : 'twitter-v1';
  if (start.startsWith('{')) return detectJsonLines(file, start);
  const firstLine = start.split(/\r?\n/).find((line) => !line.startsWith('#') && line.trim() !== '') ?? '';
  if (/[,;\t]/.test(firstLine) && !/^\S+\s+\S+\s+\{/.test(firstLine) && !looksLikeIdPair(firstLine)) return 'csv';
  if (EDGELIST_LINE.test(firstLine) || start.startsWith('#')) return 'edgelist';
  throw new ImportError(file, { line: 1 }, `unrecognised format: the first line ${excerpt(firstLine)} is not JSON, XML, ` +
    'CSV with a header, an edge list or a propagation tree', { option: 'format' });
}

function readHead(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const read = fs.readSync(fd, buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}

function detectXml(file: string, start: string): ImportFormat {
  if (/<gexf[\s>]/.test(start)) return 'gexf';
  if (/<graphml[\s>]/.test(start)) return 'graphml';
  throw new ImportError(file, { line: 1 }, 'an XML file that is neither GEXF (<gexf>) nor GraphML (<graphml>)');
}

/** One JSON object per line: which tweet format is decided by the first object's shape. */
function detectJsonLines(file: string, start: string): ImportFormat {
  const firstLine = start.split('\n', 1)[0]!;
  let first: unknown;
  try {
    first = JSON.parse(firstLine);
  } catch {
    // A first line cut off by the sniff window (a large API page) is still recognisable by its first data item.
    const opening = /^\{\s*"data"\s*:\s*\[\s*/.exec(firstLine);
    if (opening) return isUserObject(firstObject(firstLine, opening[0].length)) ? 'twitter-v2-users' : 'twitter-v2';
    throw new ImportError(file, { line: 1 }, `expected one JSON object per line, but line 1 is not valid JSON: ${excerpt(firstLine)}`);
  }
  const object = first as Record<string, unknown>;
  if (Array.isArray(object.data)) return isUserObject(object.data[0]) ? 'twitter-v2-users' : 'twitter-v2';
  if ('user' in object && ('id_str' in object || 'id' in object)) return 'twitter-v1';
  if ('author_id' in object && 'text' in object) return 'twitter-v2-flat';
  throw new ImportError(file, { line: 1 }, 'a JSON line that is neither a Twitter API v2 page ({"data": [...]}), ' +
    'a twarc2 flattened tweet ({"author_id", "text", ...}) nor a v1.1 status ({"id_str", "user", ...})');
}

function isUserObject(item: unknown): boolean {
  return typeof item === 'object' && item !== null && 'username' in item && !('text' in item);
}

/** The JSON object that starts at `start`, found by counting braces outside strings; undefined if cut off. */
function firstObject(text: string, start: number): unknown {
  let depth = 0;
  let inString = false;
  for (let at = start; at < text.length; at++) {
    const char = text[at];
    if (inString) {
      if (char === '\\') at++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) {
      try {
        return JSON.parse(text.slice(start, at + 1));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** A tab- or space-separated pair of numbers is an edge list, not a CSV header. */
function looksLikeIdPair(line: string): boolean {
  return !/[,;]/.test(line) && /^\s*[-\w.]+\t[-\w.]+(\t[-+0-9.eE]+)?\s*$/.test(line) && /^\s*[-\d.]+\t/.test(line);
}
