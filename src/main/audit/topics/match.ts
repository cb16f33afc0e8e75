import { rejectionsIn } from './reject';
import { tokenize } from './tokens';
import type { Vocabulary } from './vocabulary';

const enum EntryKind { Term, Cue }
interface Entry { tokens: string[]; kind: EntryKind; topic: number; sense: number; text: string }

/** A vocabulary with its term index: every term and sense cue filed under its first token. */
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
  /**
   * The post rejects the topic: a rejection governs one of its mentions and none is plain (labels and hashtags
   * outside the text are neither). See reject.ts and docs/AUDIT.md, "Negation with scope".
   */
  negated: boolean;
  /** When negated: the words that reject ("don't eat") and the term they govern ("bacon"). */
  negation?: string;
  governs?: string;
  /** Every term that named the topic is one of its ambiguous terms: the post's sense needs reading. */
  ambiguous: boolean;
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
  const result = { topics, byFirstToken, byName };
  compiled.set(topics, result);
  return result;
}

/**
 * "Amazon's fight", "Brexit's cost": a possessive names the thing itself, so "'s" is dropped before matching, except
 * where the possessive is part of a term ("people's vote", "women's rights").
 */
const withoutPossessive = (vocabulary: CompiledVocabulary, token: string) =>
  token.endsWith("'s") && !vocabulary.byFirstToken.has(token) ? token.slice(0, -2) : token;

const matchesAt = (tokens: readonly string[], at: number, phrase: readonly string[]) =>
  phrase.every((token, offset) => tokens[at + offset] === token);

/**
 * The topics a post names, from its text and its (lower-cased, '#'-less) hashtags. One pass over the tokens with
 * the index: O(tokens x entries sharing a first token).
 */
export function matchPost(vocabulary: CompiledVocabulary, text: string | null, hashtags: readonly string[]): TopicMention[] {
  const tokens = text ? tokenize(text).map((token) => withoutPossessive(vocabulary, token)) : [];
  const terms: { topic: number; start: number; text: string }[] = [];
  const cues = new Map<number, string>();
  const cueKey = (entry: Entry) => entry.topic * 1024 + entry.sense;
  const record = (entry: Entry, start: number) => {
    if (entry.kind === EntryKind.Term) terms.push({ topic: entry.topic, start, text: entry.text });
    else if (!cues.has(cueKey(entry))) cues.set(cueKey(entry), entry.text);
  };
  tokens.forEach((token, at) => {
    for (const entry of vocabulary.byFirstToken.get(token) ?? []) if (matchesAt(tokens, at, entry.tokens)) record(entry, at);
  });
  // Hashtags the text does not show (truncated retweets, entity-only tags) still name topics, at no position.
  const inText = hashtags.length > 0 ? new Set(tokens) : null;
  for (const tag of hashtags) {
    if (inText?.has(`#${tag}`)) continue;
    for (const entry of vocabulary.byFirstToken.get(`#${tag}`) ?? []) if (entry.tokens.length === 1) record(entry, -1);
  }
  const mentions = new Map<number, TopicMention>();
  const unambiguous = new Set<number>();
  for (const term of terms) {
    if (!vocabulary.topics[term.topic]!.ambiguous.includes(term.text)) unambiguous.add(term.topic);
    if (!mentions.has(term.topic)) mentions.set(term.topic, { topic: term.topic, term: term.text, negated: false, ambiguous: false });
  }
  const inTextTerms = terms.filter((term) => term.start >= 0);
  const rejections = text && inTextTerms.length > 0 ? rejectionsIn(text, tokens, inTextTerms) : null;
  for (const mention of mentions.values()) {
    mention.ambiguous = !unambiguous.has(mention.topic);
    const rejection = rejections?.get(mention.topic);
    if (rejection) Object.assign(mention, { negated: true, negation: rejection.phrase, governs: rejection.governs });
    const senses = vocabulary.topics[mention.topic]!.senses;
    const at = senses.findIndex((_, sense) => cues.has(mention.topic * 1024 + sense));
    if (at >= 0) {
      mention.conflictingSense = senses[at]!.sense;
      mention.cue = cues.get(mention.topic * 1024 + at);
    }
  }
  return [...mentions.values()].sort((a, b) => a.topic - b.topic);
}
