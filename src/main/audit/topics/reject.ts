import { TRIGGERS } from './lexicon';
import { isLabel, rejectionOf, type Rejection } from './negation';
import { sentencesOf, type Word } from './nlp';
import { tokenize } from './tokens';

/** Posts read so far, by text: the same text (copied tweets, quotes of one post) is parsed once per process. */
const readings = new Map<string, Map<number, Rejection>>();
/** About 200 bytes per entry; 50,000 texts stay under 10 MB before the cache starts over. */
const CACHE_LIMIT = 50_000;

/** A word that may start a rejection: a negator, a rejecting verb or state, or any "-n't" / "-nt" contraction. */
const mayReject = (tokens: readonly string[]) => tokens.some((t) => TRIGGERS.has(t) || t.endsWith("n't") || /^[a-z]+nt$/u.test(t));

/**
 * The topics the text rejects, with the rejecting words and the term they govern. A topic is rejected when at least
 * one of its mentions in the text is governed by a rejection and none is plain; a hashtag used as a label is
 * neither. Texts with no word that may start a rejection (most posts) are not parsed at all.
 */
export function rejectionsIn(text: string, tokens: readonly string[], terms: readonly { topic: number; text: string }[]): Map<number, Rejection> {
  if (!mayReject(tokens)) return new Map();
  const key = `${terms.map((t) => `${t.topic}:${t.text}`).join(',')}\u0000${text}`;
  const known = readings.get(key);
  if (known) return known;
  const found = new Map<number, Rejection>();
  const plain = new Set<number>();
  for (const words of sentencesOf(text)) {
    const { flat, wordOf } = flatten(words);
    for (const term of terms) {
      const phrase = term.text.split(' ');
      for (let at = 0; at + phrase.length <= flat.length; at++) {
        if (!phrase.every((token, offset) => flat[at + offset] === token)) continue;
        const [s, e] = [wordOf[at]!, wordOf[at + phrase.length - 1]! + 1];
        const rejection = rejectionOf(words, s, e);
        if (rejection && !found.has(term.topic)) found.set(term.topic, rejection);
        else if (!rejection && !isLabel(words, s)) plain.add(term.topic);
      }
    }
  }
  for (const topic of plain) found.delete(topic);
  if (readings.size >= CACHE_LIMIT) readings.clear();
  readings.set(key, found);
  return found;
}

/** The words' tokens as topic matching sees them, each pointing back at its word. */
function flatten(words: readonly Word[]): { flat: string[]; wordOf: number[] } {
  const flat: string[] = [];
  const wordOf: number[] = [];
  words.forEach((word, at) => {
    for (const token of tokenize(word.text)) {
      flat.push(token);
      wordOf.push(at);
    }
  });
  return { flat, wordOf };
}
