import type { CsvMapping } from '../../../shared/api';
import { INTERACTION_KINDS, type InteractionKind } from '../../../shared/domain';
import type { ImportContext } from '../context';
import { excerpt } from '../errors';
import { readWeight } from '../weights';
import { CsvSplitter, MalformedCsvError } from './csv-rows';

type Role = keyof CsvMapping;

/** Header names recognised without --map, compared case-insensitively. */
const ROLE_NAMES: Record<Role, readonly string[]> = {
  source: ['source', 'from', 'src', 'actor', 'user'],
  target: ['target', 'to', 'dst', 'tgt'],
  kind: ['kind', 'type'],
  time: ['time', 'timestamp', 'ts', 'date', 'created_at'],
  weight: ['weight', 'w', 'value'],
  topic: ['topic'],
};
const ROLES = Object.keys(ROLE_NAMES) as Role[];
/**
 * Kind cells, lower-cased. Gephi's edge tables put Directed/Undirected in a `Type` column: those are plain edges
 * with that direction, so a Gephi export imports as it is.
 */
const KINDS = new Map<string, { kind: InteractionKind; directed: boolean }>([
  ...INTERACTION_KINDS.map((kind) => [kind, { kind, directed: true }] as const),
  ['directed', { kind: 'edge', directed: true }],
  ['undirected', { kind: 'edge', directed: false }],
  ['mutual', { kind: 'edge', directed: false }],
]);
const PLAIN_EDGE = KINDS.get('edge')!;
const DELIMITERS = [',', ';', '\t'] as const;
const ISO_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/;
/** Below this an epoch number is seconds (1e11 s is the year 5138); at or above it, milliseconds (1e11 ms is 1973). */
const EPOCH_MS_FROM = 1e11;
/** The range of a JS Date (about 275,000 years either side of 1970): a number beyond it (1e300) is no time. */
const MAX_TIME_MS = 8.64e15;

/**
 * A CSV file with a header row: interactions (a source and a target column, found by name or given with --map), or
 * a node table (an `id` column, and not both a source and a target) whose rows become accounts. Rows are cut by
 * CsvSplitter (csv-rows.ts), which counts lines as it goes, so an error names the line its row starts on.
 */
export async function importCsv(context: ImportContext): Promise<void> {
  const { source } = context;
  let handle: RowHandler | undefined;
  let rows = 0;
  let splitter: CsvSplitter | undefined;
  const onRow = (row: string[], line: number) => {
    if (!handle) {
      handle = rowHandler(context, row.map((name) => name.trim()), splitter!.delimiter);
      return;
    }
    if (row.length === 1 && row[0]!.trim() === '') return;
    handle(row, line);
    if (++rows % 10_000 === 0) context.checkCancelled();
  };
  let leading = '';
  try {
    for await (const text of source.text()) {
      if (splitter) {
        splitter.push(text);
        continue;
      }
      leading += text;
      if (leading.trim() === '') continue;
      // The delimiter is decided from the header line, which is in the first chunk unless it is longer than 1 MiB.
      splitter = new CsvSplitter(detectDelimiter(firstLine(leading)), onRow);
      splitter.push(leading);
    }
    if (!splitter) throw source.error('the file is empty; a CSV file needs a header row', { offset: source.bytesRead });
    splitter.end();
  } catch (error) {
    if (!(error instanceof MalformedCsvError)) throw error;
    // A broken quote leaves every later row boundary a guess, so this stops the import even with --skip-invalid.
    throw source.error(`malformed CSV: ${error.message}`, { line: error.line });
  }
}

function firstLine(text: string): string {
  const newline = text.indexOf('\n');
  return newline === -1 ? text : text.slice(0, newline);
}

type RowHandler = (row: string[], line: number) => void;

/** The most frequent of comma, semicolon and tab outside quotes in the header line; comma when none occurs. */
function detectDelimiter(header: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of header) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  return DELIMITERS.reduce((best, d) => (counts.get(d)! > counts.get(best)! ? d : best), DELIMITERS[0]);
}

/** Decides from the header what a row is (an interaction or an account) and returns the function that reads one. */
function rowHandler(context: ImportContext, header: string[], delimiter: string): RowHandler {
  const columns = mapColumns(context, header);
  // A table with an id column is a node table unless it has both ends of an edge (Gephi's edge tables have an Id
  // column too) or --map names an end; `id,user,followers` is a table of users, not edges missing a target.
  const edgeColumns = columns.source !== undefined && columns.target !== undefined;
  if (!edgeColumns && !context.options.map?.source && !context.options.map?.target) {
    const id = header.findIndex((name) => name.toLowerCase() === 'id');
    if (id !== -1) return nodeRowHandler(context, header, id);
  }
  const missing = (['source', 'target'] as const).filter((role) => columns[role] === undefined);
  if (missing.length > 0) {
    const names = missing.map((role) => `"${role}"`).join(' or ');
    throw context.source.error(`no ${names} column: the header has ${listColumns(header)}`, { line: 1 }, { option: 'map', roles: missing });
  }
  const { source, target, kind, time, weight, topic } = columns as Partial<Record<Role, number>> & Record<'source' | 'target', number>;
  const width = header.length;
  // A semicolon-separated file comes from a locale that writes decimal commas ("2,5"), so those are read as such.
  const decimalComma = delimiter === ';';
  return (row, line) => {
    if (row.length !== width) return context.invalid(`the row has ${row.length} fields, the header has ${width}`, { line });
    const actor = row[source]!.trim();
    const to = row[target]!.trim();
    if (actor === '' || to === '') return context.invalid(`the ${actor === '' ? 'source' : 'target'} is empty`, { line });
    const kindCell = cellAt(row, kind);
    const kindValue = kindCell === '' ? PLAIN_EDGE : (KINDS.get(kindCell) ?? KINDS.get(kindCell.toLowerCase()));
    if (!kindValue) return context.invalid(`the kind "${kindCell}" is not one of ${INTERACTION_KINDS.join(', ')}`, { line });
    const weightCell = cellAt(row, weight);
    const weightValue = weightCell === '' ? 1 : readWeight(decimalComma ? weightCell.replace(',', '.') : weightCell);
    if (typeof weightValue === 'string') return context.invalid(weightValue, { line });
    const timeCell = cellAt(row, time);
    const timeValue = timeCell === '' ? null : parseTime(timeCell);
    if (timeValue === undefined) {
      return context.invalid(`the time ${excerpt(timeCell)} is neither ISO 8601 (2015-03-24T10:41:00Z) nor epoch seconds or milliseconds`, { line });
    }
    if (timeValue !== null && Math.abs(timeValue) > MAX_TIME_MS) {
      return context.invalid(`the time ${excerpt(timeCell)} is out of range: a time is within ±${MAX_TIME_MS} ms of 1970`, { line });
    }
    context.sink.interaction({ actorPlatformId: actor, target: { platformId: to }, kind: kindValue.kind, weight: weightValue,
      time: timeValue, topic: cellAt(row, topic) || null, directed: kindValue.directed });
  };
}

/** The trimmed cell of an optional column; '' when the column is absent or the cell empty (then the default applies). */
function cellAt(row: readonly string[], index: number | undefined): string {
  return index === undefined ? '' : row[index]!.trim();
}

/**
 * Column index per role: --map names win (exact header name, else case-insensitive); roles it leaves out are found
 * by their common names among the columns it did not claim.
 */
function mapColumns(context: ImportContext, header: string[]): Partial<Record<Role, number>> {
  const lower = header.map((name) => name.toLowerCase());
  const columns: Partial<Record<Role, number>> = {};
  const map = context.options.map ?? {};
  for (const role of ROLES) {
    const wanted = map[role];
    if (wanted === undefined) continue;
    let index = header.indexOf(wanted);
    if (index === -1) index = lower.indexOf(wanted.toLowerCase());
    if (index === -1) {
      throw context.source.error(`--map ${role}=${wanted} names a column that is not in the header; ` +
        `the header has ${listColumns(header)}`, { line: 1 });
    }
    columns[role] = index;
  }
  const claimed = new Set(Object.values(columns));
  for (const role of ROLES) {
    if (columns[role] !== undefined) continue;
    const index = lower.findIndex((name, at) => !claimed.has(at) && ROLE_NAMES[role].includes(name));
    if (index !== -1) {
      columns[role] = index;
      claimed.add(index);
    }
  }
  return columns;
}

/** A node table: one account per row; `label`/`name` is the display name, `handle`/`username`/`screen_name` the handle, other non-empty cells attributes. */
function nodeRowHandler(context: ImportContext, header: string[], id: number): RowHandler {
  const lower = header.map((name) => name.toLowerCase());
  const find = (names: readonly string[]) => lower.findIndex((name) => names.includes(name));
  const displayName = find(['label', 'name']);
  const handle = find(['handle', 'username', 'screen_name']);
  const attributeColumns = header.map((name, index) => ({ name, index }))
    .filter(({ index }) => index !== id && index !== displayName && index !== handle);
  return (row, line) => {
    if (row.length !== header.length) {
      return context.invalid(`the row has ${row.length} fields, the header has ${header.length}`, { line });
    }
    const platformId = row[id]!.trim();
    if (platformId === '') return context.invalid('the id is empty', { line });
    const attributes: Record<string, string> = {};
    for (const { name, index } of attributeColumns) if (row[index] !== '') attributes[name] = row[index]!;
    context.sink.account({
      platformId,
      displayName: displayName === -1 ? null : row[displayName]!.trim() || null,
      handle: handle === -1 ? null : row[handle]!.trim().replace(/^@/, '') || null,
      attributes: Object.keys(attributes).length > 0 ? attributes : null,
    });
  };
}

/** Milliseconds since the epoch (UTC); undefined when the value is not a time. A time without an offset is UTC. */
function parseTime(cell: string): number | undefined {
  const number = Number(cell);
  if (Number.isFinite(number)) return Math.round(Math.abs(number) < EPOCH_MS_FROM ? number * 1000 : number);
  const match = ISO_TIME.exec(cell);
  if (!match) return undefined;
  const [, date, clock, zone] = match;
  const offset = zone === undefined || zone === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const ms = Date.parse(clock === undefined ? `${date}T00:00:00Z` : `${date}T${clock}${offset}`);
  return Number.isNaN(ms) ? undefined : ms;
}

/** The header's columns for a message: a file that is not CSV at all can have a "header" of a whole megabyte. */
function listColumns(header: readonly string[]): string {
  const shown = header.slice(0, 12).map((name) => (name.length > 40 ? `${name.slice(0, 40)}…` : name));
  return header.length > shown.length ? `${shown.join(', ')} and ${header.length - shown.length} more` : shown.join(', ');
}
