import type { ImportContext } from '../context';
import { excerpt } from '../errors';
import { checkWeight, readWeight } from '../weights';

const EXPECTED = "expected \"source target\", \"source target weight\" or \"source target {'weight': w}\"";
const SPACE = 32;
const TAB = 9;
const HASH = 35;
const OPEN_BRACE = 123;
/** What networkx's write_edgelist writes for an edge whose only data is its weight: read without the full scanner. */
const WEIGHT_ONLY_PREFIX = "{'weight': ";

/**
 * A whitespace-separated edge list: SNAP style (`u v`, optionally a numeric third column taken as the weight, `#`
 * comment lines) and networkx's write_edgelist style (`u v {'weight': 0.5, 'color': 'red'}`: a Python dict literal
 * of which only 'weight' is read; its other keys are ignored, and an edge without 'weight' weighs 1).
 * Every line is one directed `edge` interaction. Lines are cut with indexOf-style scanning, not regexes or split,
 * to keep to a few string operations per line.
 */
export async function importEdgeList(context: ImportContext): Promise<void> {
  const { source, sink } = context;
  await source.eachLine((line) => {
    if (source.line % 16_384 === 0) context.checkCancelled();
    let start = skipSpaces(line, 0);
    if (start === line.length || line.charCodeAt(start) === HASH) return;
    let end = tokenEnd(line, start);
    const actor = line.slice(start, end);
    start = skipSpaces(line, end);
    if (start === line.length) {
      context.invalid(`${EXPECTED}, found one field ${excerpt(line)}`);
      return;
    }
    end = tokenEnd(line, start);
    const target = line.slice(start, end);
    start = skipSpaces(line, end);
    let weight = 1;
    if (start < line.length) {
      const rest = line.slice(start).trimEnd();
      const read = line.charCodeAt(start) === OPEN_BRACE ? dictWeight(rest) : plainWeight(rest);
      if (typeof read === 'string') {
        context.invalid(`${read}; ${EXPECTED}, found ${excerpt(line)}`);
        return;
      }
      weight = read;
    }
    sink.interaction({ actorPlatformId: actor, target: { platformId: target }, kind: 'edge', weight, time: null, directed: true });
  });
}

function skipSpaces(line: string, at: number): number {
  while (at < line.length) {
    const code = line.charCodeAt(at);
    if (code !== SPACE && code !== TAB) break;
    at++;
  }
  return at;
}

function tokenEnd(line: string, at: number): number {
  while (at < line.length) {
    const code = line.charCodeAt(at);
    if (code === SPACE || code === TAB) break;
    at++;
  }
  return at;
}

/** A third column that is one number; returns the reason as a string when it is not. */
function plainWeight(text: string): number | string {
  if (tokenEnd(text, 0) !== text.length) return 'more than three fields';
  return readWeight(text);
}

/**
 * The 'weight' of a Python dict literal, 1 when it has none; returns the reason as a string when the text is not a
 * dict literal or the weight is not a number. Values may be strings, numbers, nested lists or dicts (skipped), and
 * numpy scalars as numpy 2 prints them (`np.float64(0.5)`), whose number is taken.
 */
function dictWeight(text: string): number | string {
  if (text.startsWith(WEIGHT_ONLY_PREFIX) && text.endsWith('}')) {
    const value = text.slice(WEIGHT_ONLY_PREFIX.length, -1);
    const weight = Number(value);
    if (value.trim() !== '' && Number.isFinite(weight) && weight >= 0) return weight;
  }
  const malformed = `the edge data ${excerpt(text)} is not a Python dict literal`;
  if (text.charCodeAt(text.length - 1) !== 125) return malformed;
  let weight = 1;
  let at = skipSpaces(text, 1);
  while (at < text.length - 1) {
    const keyEnd = valueEnd(text, at);
    const key = text.slice(at, keyEnd);
    at = skipSpaces(text, keyEnd);
    if (text[at] !== ':') return malformed;
    const valueStart = skipSpaces(text, at + 1);
    at = valueEnd(text, valueStart);
    if (at === valueStart) return malformed;
    if (key === "'weight'" || key === '"weight"') {
      const value = unwrapNumpy(text.slice(valueStart, at).trim());
      const read = value === '' ? `the weight ${value} is not a number` : checkWeight(Number(value), value);
      if (typeof read === 'string') return read;
      weight = read;
    }
    at = skipSpaces(text, at);
    if (text[at] === ',') at = skipSpaces(text, at + 1);
    else if (at !== text.length - 1) return malformed;
  }
  return weight;
}

/** End of one key or value starting at `at`: a quoted string, or anything up to a `,` `:` or `}` outside brackets and quotes. */
function valueEnd(text: string, at: number): number {
  let depth = 0;
  let quote = '';
  for (; at < text.length - 1; at++) {
    const char = text[at]!;
    if (quote !== '') {
      if (char === '\\') at++;
      else if (char === quote) quote = '';
    } else if (char === "'" || char === '"') quote = char;
    else if (char === '[' || char === '(' || char === '{') depth++;
    else if (char === ']' || char === ')' || char === '}') depth--;
    else if (depth === 0 && (char === ',' || char === ':')) break;
  }
  return at;
}

function unwrapNumpy(value: string): string {
  const open = value.indexOf('(');
  return open > 0 && value.endsWith(')') && /^[\w.]+$/.test(value.slice(0, open)) ? value.slice(open + 1, -1) : value;
}
