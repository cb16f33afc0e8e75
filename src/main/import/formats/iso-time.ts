/**
 * Milliseconds since the epoch of a UTC time written exactly as the Twitter v2 API writes it,
 * "2024-01-31T12:34:56.000Z", or NaN for any other text (the caller then asks Date.parse). Reading the 24 characters
 * by hand took a third of Date.parse's time, which was 3% of importing tweet pages (a time per tweet and per user).
 * Only fields where Date.UTC and Date.parse agree take this path: years from 1000 (Date.UTC reads 0-99 as 1900-1999),
 * days to 28 and hours to 23 (Date.parse's handling of Feb 30 or 24:00 is left to it).
 */
export function isoUtcMs(text: string): number {
  if (text.length !== 24 || text.charCodeAt(23) !== 90 /* Z */ || text.charCodeAt(4) !== 45 /* - */ || text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 84 /* T */ || text.charCodeAt(13) !== 58 /* : */ || text.charCodeAt(16) !== 58 || text.charCodeAt(19) !== 46 /* . */) {
    return Number.NaN;
  }
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  const ms = digits(text, 20, 3);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > 28 || hour > 23 || minute > 59 || second > 59 || ms < 0) return Number.NaN;
  return Date.UTC(year, month - 1, day, hour, minute, second, ms);
}

/** The decimal number of `count` digits at `start`, or -1 when one of them is not a digit. */
function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}
