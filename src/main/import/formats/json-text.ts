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
 * tooDeepAt for a line JSON.parse has already read into `value`: the parsed containers are walked instead of the
 * text (42 ms against 110 ms for the 534 pages of 100 tweets in 100 MB). The walk is exact only when every opening
 * bracket of the text is one of its containers; with brackets inside strings, or a nested value that a duplicate
 * key dropped, the text is scanned as before, so the answer is always tooDeepAt's.
 */
export function parsedTooDeepAt(text: string, value: unknown): number {
  const brackets = openingBrackets(text);
  if (brackets <= MAX_JSON_DEPTH) return -1;
  const containers = typeof value === 'object' && value !== null ? countContainers(value, MAX_JSON_DEPTH) : 0;
  if (containers === brackets) return -1;
  return tooDeepAt(text);
}

/**
 * The containers in `container` (itself included, at the first level), or -1 when one lies `levelsLeft` levels
 * below it. Only containers are visited: a call per string or number took a quarter of the walk's time.
 */
function countContainers(container: object, levelsLeft: number): number {
  if (levelsLeft === 0) return -1;
  let count = 1;
  if (Array.isArray(container)) {
    for (let i = 0; i < container.length; i++) {
      const item: unknown = container[i];
      if (typeof item !== 'object' || item === null) continue;
      const inner = countContainers(item, levelsLeft - 1);
      if (inner === -1) return -1;
      count += inner;
    }
    return count;
  }
  for (const key in container) {
    const item = (container as Record<string, unknown>)[key];
    if (typeof item !== 'object' || item === null) continue;
    const inner = countContainers(item, levelsLeft - 1);
    if (inner === -1) return -1;
    count += inner;
  }
  return count;
}

function openingBrackets(text: string): number {
  let count = 0;
  for (const bracket of ['{', '[']) {
    for (let at = text.indexOf(bracket); at !== -1; at = text.indexOf(bracket, at + 1)) count++;
  }
  return count;
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
