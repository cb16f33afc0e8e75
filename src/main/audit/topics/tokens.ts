/**
 * Post text as topic matching sees it: lower-cased words (unicode letters, digits and combining marks, with inner
 * apostrophes kept so "don't" stays one word) and hashtags as tokens of their own ("#brexit"). Links and @mentions
 * are dropped: a handle like @KevinBacon or a t.co path must not name a topic.
 */
const LINK = /https?:\/\/\S+/gu;
const TOKEN = /@[\p{L}\p{M}\p{N}_]+|#[\p{L}\p{M}\p{N}_]+|[\p{L}\p{M}\p{N}]+(?:'[\p{L}\p{M}\p{N}]+)*/gu;

export function tokenize(text: string): string[] {
  const normal = text.normalize('NFC').toLowerCase().replace(/[\u2018\u2019\u02bc]/gu, "'").replace(LINK, ' ');
  const tokens: string[] = [];
  for (const [token] of normal.matchAll(TOKEN)) if (!token.startsWith('@')) tokens.push(token);
  return tokens;
}
