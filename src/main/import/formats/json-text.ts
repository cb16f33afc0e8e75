/**
 * How deep JSON may nest. The real files nest at most 9 levels (a v2 page: data[].entities.mentions[]; a v1.1
 * status: retweeted_status.quoted_status.entities...); JSON.parse itself copes with 100,000 levels, but
 * JSON.stringify (excerpts in messages, stored attributes) and any recursive walk overflow the stack between 1,000
 * and 5,000 levels, and ("Maximum call stack size exceeded", with no file or line) even with --skip-invalid.
 */
export const MAX_JSON_DEPTH = 256;

const QUOTE = 34;
const BACKSLASH = 92;

/**
 * The index of the bracket that opens level MAX_JSON_DEPTH + 1 of `text`, or -1 when the nesting stays within it.
 * Strings are jumped over with indexOf (about 1 ns per character on tweet pages, a fifth of JSON.parse's time):
 * brackets inside them do not nest.
 */
export function tooDeepAt(text: string): number {
  if (!opensMoreThan(text, MAX_JSON_DEPTH)) return -1;
  let depth = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === QUOTE) {
      at = closingQuote(text, at);
      if (at === -1) return -1;
    } else if (code === 123 /* { */ || code === 91 /* [ */) {
      if (++depth > MAX_JSON_DEPTH) return at;
    } else if (code === 125 /* } */ || code === 93 /* ] */) depth--;
  }
  return -1;
}

/**
 * For a line JSON.parse has read into `value`: where the text opens level MAX_JSON_DEPTH + 1 (tooDeepAt), or -1 when
 * the value nests within MAX_JSON_DEPTH. The parsed containers are walked, which is what a JSON.stringify or a
 * recursive walk of the record would meet; the text is scanned only to name the place of a value found too deep.
 * Counting the text's brackets to check that the walk saw them all sent every real page to the text scan, since real
 * pages have brackets in strings (the context annotation "Entities [Entity Service]"): 0.64 ms a page, three quarters
 * of what JSON.parse takes, where the walk takes 0.04. A value that a duplicate key dropped ({"x": [[...]], "x": 1},
 * where the last "x" wins) is not part of the record, and is not refused for its depth.
 */
export function parsedTooDeepAt(text: string, value: unknown): number {
  if (typeof value !== 'object' || value === null || !nestsBeyond(value, MAX_JSON_DEPTH)) return -1;
  return tooDeepAt(text);
}

/**
 * Whether a container lies `levelsLeft` levels below `container` (itself at the first level). Only containers are
 * visited: a call per string or number took a quarter of the walk's time.
 */
function nestsBeyond(container: object, levelsLeft: number): boolean {
  if (levelsLeft === 0) return true;
  if (Array.isArray(container)) {
    for (let i = 0; i < container.length; i++) {
      const item: unknown = container[i];
      if (typeof item === 'object' && item !== null && nestsBeyond(item, levelsLeft - 1)) return true;
    }
    return false;
  }
  for (const key in container) {
    const item = (container as Record<string, unknown>)[key];
    if (typeof item === 'object' && item !== null && nestsBeyond(item, levelsLeft - 1)) return true;
  }
  return false;
}

/**
 * Whether `text` holds more than `limit` opening brackets, strings included: fewer cannot nest deeper than `limit`.
 * Counted with indexOf (native search), so a status or flat tweet per line (a few dozen brackets) skips the
 * character loop of tooDeepAt; the count stops at limit + 1, so a page of 100 tweets (about 1,500) costs little more.
 */
function opensMoreThan(text: string, limit: number): boolean {
  let count = 0;
  for (const bracket of ['{', '[']) {
    for (let at = text.indexOf(bracket); at !== -1; at = text.indexOf(bracket, at + 1)) if (++count > limit) return true;
  }
  return false;
}

/** The reason given for JSON nested deeper than MAX_JSON_DEPTH. */
export const TOO_DEEP = `JSON nested more than ${MAX_JSON_DEPTH} levels deep (real tweet and network files nest at most 9)`;

/** The index of the quote that closes the string opened at `open`, or -1 for an unclosed string. */
function closingQuote(text: string, open: number): number {
  let end = text.indexOf('"', open + 1);
  while (end !== -1) {
    let backslashes = 0;
    while (text.charCodeAt(end - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return end;
    end = text.indexOf('"', end + 1);
  }
  return -1;
}

/** V8 quotes about 10 characters before the bad token when it shortens the input: `..."1,1,1,1,1,x,1,1"...`. */
const CONTEXT_BEFORE = 10;

/**
 * The character index JSON.parse failed at. Most V8 messages say "at position N"; "Unexpected token" messages
 * quote the text around the token instead, so the token is found through that quote, or else as the first
 * occurrence of the token outside a string.
 */
export function jsonErrorIndex(text: string, message: string): number {
  const position = /at position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  const token = /^Unexpected token '(.)', (\.\.\.)?"(.*?)"(\.\.\.)? is not valid JSON$/s.exec(message);
  if (!token) return text.length;
  const [, char, shortened, quoted] = token;
  if (shortened) {
    const at = text.indexOf(quoted!);
    if (at !== -1 && text[at + CONTEXT_BEFORE] === char) return at + CONTEXT_BEFORE;
  }
  for (let at = 0; at < text.length; at++) {
    if (text.charCodeAt(at) === QUOTE) at = closingQuote(text, at);
    if (at === -1) break;
    if (text[at] === char) return at;
  }
  return text.length;
}
