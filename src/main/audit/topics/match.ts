import { tokenize } from './tokens';
import type { Vocabulary } from './vocabulary';

/** Negation cues (docs/AUDIT.md): a mention is negated when one of these ends within 4 words before the term. */
export const NEGATION_CUES = [
  "don't", 'dont', 'do not', 'never', 'hate', 'hates', 'not a fan of', "can't stand", 'cannot stand', 'no more', 'stopped',
  "won't", 'not', 'anti',
] as const;
export const NEGATION_WINDOW = 4;

const enum EntryKind { Term, Cue, Negation }
interface Entry { tokens: string[]; kind: EntryKind; topic: number; sense: number; text: string }

/** A vocabulary with its term index: every term, cue and negation cue filed under its first token. */
export interface CompiledVocabulary {
  topics: Vocabulary;
  byFirstToken: Map<string, Entry[]>;
  /** Endorsement topic name (lower-cased id, label or term) -> topic index. */
  byName: Map<string, number>;
}

/** How one post names one topic. */
export interface TopicMention {
  topic: number;
  /** The first term that named it. */
  term: string;
  /** Every mention of the topic in the text is preceded by a negation cue (hashtags outside the text never are). */
  negated: boolean;
  /** The negation cue before the first mention, when negated. */
  negation?: string;
  /** Another sense of the topic whose cues the post carries, and the first such cue. */
  conflictingSense?: string;
  cue?: string;
}

const compiled = new WeakMap<Vocabulary, CompiledVocabulary>();

export function compileVocabulary(topics: Vocabulary): CompiledVocabulary {
  const known = compiled.get(topics);
  if (known) return known;
  const byFirstToken = new Map<string, Entry[]>();
  const add = (text: string, kind: EntryKind, topic: number, sense: number) => {
    const tokens = text.split(' ');
    const list = byFirstToken.get(tokens[0]!) ?? [];
    list.push({ tokens, kind, topic, sense, text });
    byFirstToken.set(tokens[0]!, list);
  };
  const byName = new Map<string, number>();
  topics.forEach((topic, index) => byName.set(topic.id, index));
  topics.forEach((topic, index) => { if (!byName.has(topic.label.toLowerCase())) byName.set(topic.label.toLowerCase(), index); });
  topics.forEach((topic, index) => {
    for (const term of topic.terms) {
      add(term, EntryKind.Term, index, -1);
      const name = term.replace(/^#/u, '');
      if (!byName.has(name)) byName.set(name, index);
    }
    topic.senses.forEach((sense, at) => {
      for (const cue of sense.cues) {
        add(cue, EntryKind.Cue, index, at);
        // A cue is evidence of a sense whether written as a word or tagged ("#mlb" shows baseball as "mlb" does).
        if (!cue.includes(' ') && !cue.startsWith('#')) add(`#${cue}`, EntryKind.Cue, index, at);
      }
    });
  });
  for (const cue of NEGATION_CUES) add(cue, EntryKind.Negation, -1, -1);
  const result = { topics, byFirstToken, byName };
  compiled.set(topics, result);
  return result;
}

const matchesAt = (tokens: readonly string[], at: number, phrase: readonly string[]) =>
  phrase.every((token, offset) => tokens[at + offset] === token);

/**
 * The topics a post names, from its text and its (lower-cased, '#'-less) hashtags. One pass over the tokens with
 * the index: O(tokens x entries sharing a first token).
 */
export function matchPost(vocabulary: CompiledVocabulary, text: string | null, hashtags: readonly string[]): TopicMention[] {
  const tokens = text ? tokenize(text) : [];
  const terms: { topic: number; start: number; text: string }[] = [];
  const negationEnds: { end: number; text: string }[] = [];
  const cues = new Map<number, string>();
  const cueKey = (entry: Entry) => entry.topic * 1024 + entry.sense;
  const record = (entry: Entry, start: number) => {
    if (entry.kind === EntryKind.Term) terms.push({ topic: entry.topic, start, text: entry.text });
    else if (entry.kind === EntryKind.Negation) negationEnds.push({ end: start + entry.tokens.length - 1, text: entry.text });
    else if (!cues.has(cueKey(entry))) cues.set(cueKey(entry), entry.text);
  };
  tokens.forEach((token, at) => {
    for (const entry of vocabulary.byFirstToken.get(token) ?? []) if (matchesAt(tokens, at, entry.tokens)) record(entry, at);
  });
  // Hashtags the text does not show (truncated retweets, entity-only tags) still name topics, at no position.
  const inText = hashtags.length > 0 ? new Set(tokens) : null;
  for (const tag of hashtags) {
    if (inText?.has(`#${tag}`)) continue;
    for (const entry of vocabulary.byFirstToken.get(`#${tag}`) ?? []) if (entry.tokens.length === 1 && entry.kind !== EntryKind.Negation) record(entry, -1);
  }
  const mentions = new Map<number, TopicMention>();
  const unnegated = new Set<number>();
  for (const term of terms) {
    const negation = term.start < 0 ? undefined
      : negationEnds.find(({ end }) => end < term.start && end >= term.start - NEGATION_WINDOW)?.text;
    if (negation === undefined) unnegated.add(term.topic);
    if (!mentions.has(term.topic)) mentions.set(term.topic, { topic: term.topic, term: term.text, negated: false, negation });
  }
  for (const mention of mentions.values()) {
    mention.negated = !unnegated.has(mention.topic);
    if (!mention.negated) delete mention.negation;
    const senses = vocabulary.topics[mention.topic]!.senses;
    const at = senses.findIndex((_, sense) => cues.has(mention.topic * 1024 + sense));
    if (at >= 0) {
      mention.conflictingSense = senses[at]!.sense;
      mention.cue = cues.get(mention.topic * 1024 + at);
    }
  }
  return [...mentions.values()].sort((a, b) => a.topic - b.topic);
}
