import type { ImportFix } from '../../shared/domain';

/** Where in a file something went wrong: a line for line-based formats, a byte offset for XML and JSON arrays. */
export type SourceLocation = { line: number } | { offset: number } | Record<string, never>;

/** The message is the CLI's wording, its fix in flags; `fix` lets the page point at its menus instead. */
export class ImportError extends Error {
  constructor(
    readonly file: string,
    readonly location: SourceLocation,
    readonly reason: string,
    readonly fix?: ImportFix,
  ) {
    super(oneLine(`${file}${formatLocation(location)}: ${reason}${fix ? `; ${cliFix(fix)}` : ''}`));
  }
}

/** A fix as the command line takes it. */
export function cliFix(fix: ImportFix): string {
  if (fix.option === 'format') return 'name the format with --format';
  return `map ${fix.roles.length === 1 ? 'one' : 'them'} with --map ${fix.roles.map((role) => `${role}=COLUMN`).join(',')}`;
}

export class ImportCancelledError extends Error {
  constructor() {
    super('import cancelled; the database is unchanged');
  }
}

export function formatLocation(location: SourceLocation): string {
  if ('line' in location) return `:${location.line}`;
  if ('offset' in location) return ` at byte ${location.offset}`;
  return '';
}

/** A short, printable excerpt of the offending input for error messages. */
export function excerpt(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return oneLine(JSON.stringify(flat.length > max ? `${flat.slice(0, max)}…` : flat));
}

/**
 * C0 and C1 controls, DEL and the Unicode line and paragraph separators. Messages quote input (file names, cells,
 * lines): a raw CR or LF would split the one-line message, and ESC would reach the user's terminal as an escape
 * sequence (ESC [ 2 J clears it).
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** The text with every control character written as a visible escape (\r, \n, \t, \u001b, ...): one line, always. */
export function oneLine(text: string): string {
  return text.replace(CONTROL, (char) => {
    if (char === '\n') return '\\n';
    if (char === '\r') return '\\r';
    if (char === '\t') return '\\t';
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
