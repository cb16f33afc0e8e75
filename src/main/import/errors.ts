/** Where in a file something went wrong: a line for line-based formats, a byte offset for XML and JSON arrays. */
export type SourceLocation = { line: number } | { offset: number } | Record<string, never>;

export class ImportError extends Error {
  constructor(
    readonly file: string,
    readonly location: SourceLocation,
    readonly reason: string,
  ) {
    super(`${file}${formatLocation(location)}: ${reason}`);
  }
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
  return JSON.stringify(flat.length > max ? `${flat.slice(0, max)}…` : flat);
}
