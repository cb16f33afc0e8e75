import { tokenize } from './tokens';
import type { Signature, Vocabulary } from './vocabulary';

/**
 * Sense from context (docs/AUDIT.md): each topic with other senses has readings, its own first; each reading's
 * signature words vote. A post naming the topic through an ambiguous term votes with the reading's context cues,
 * bio words and hashtags; the bio and every other post vote with bio words and hashtags only, since context words
 * such as "game" or "update" away from the term say nothing about it. Each distinct signature phrase a voter uses
 * is one vote ("my twins" in one post is one vote, not a verdict).
 */
export interface Reading {
  sense: string;
  /** The topic's own sense (index 0), or another. */
  own: boolean;
}

/** Who voted for a reading, with which words: the bio, or a post (index into AuditData posts). */
export interface Voter {
  source: 'bio' | number;
  words: string[];
}

export interface SenseTally extends Reading {
  votes: number;
  voters: Voter[];
}

interface Phrase { tokens: string[]; text: string; reading: number; nearTermOnly: boolean }

export interface CompiledSenses {
  readings: Reading[];
  /** Signature phrases by first token. */
  byFirstToken: Map<string, Phrase[]>;
}

const senseCache = new WeakMap<Vocabulary, (CompiledSenses | null)[]>();

/** Per topic index: its readings and signature index, or null for a topic without other senses. */
export function compileSenses(vocabulary: Vocabulary): (CompiledSenses | null)[] {
  const known = senseCache.get(vocabulary);
  if (known) return known;
  const compiled = vocabulary.map((topic) => {
    if (topic.senses.length === 0 || !topic.signature) return null;
    const signatures: [string, boolean, Signature][] = [
      [topic.label, true, topic.signature], ...topic.senses.map((s): [string, boolean, Signature] => [s.sense, false, s]),
    ];
    const byFirstToken = new Map<string, Phrase[]>();
    const add = (text: string, reading: number, nearTermOnly: boolean) => {
      const tokens = text.split(' ');
      const list = byFirstToken.get(tokens[0]!) ?? [];
      if (!list.some((p) => p.text === text && p.reading === reading)) list.push({ tokens, text, reading, nearTermOnly });
      byFirstToken.set(tokens[0]!, list);
    };
    signatures.forEach(([, , signature], reading) => {
      for (const word of [...signature.bio, ...signature.hashtags]) add(word, reading, false);
      for (const cue of signature.cues) {
        add(cue, reading, true);
        // A cue is evidence of a sense whether written as a word or tagged ("#mlb" shows baseball as "mlb" does).
        if (!cue.includes(' ') && !cue.startsWith('#')) add(`#${cue}`, reading, true);
      }
    });
    return { readings: signatures.map(([sense, own]) => ({ sense, own })), byFirstToken };
  });
  senseCache.set(vocabulary, compiled);
  return compiled;
}

/**
 * The signature words of each reading in one text (a post's tokens, or a bio's), as reading index -> words.
 * `nearTerm` is true for a post that names the topic through an ambiguous term: context cues count there only.
 */
export function signatureWords(senses: CompiledSenses, tokens: readonly string[], hashtags: readonly string[], nearTerm: boolean): Map<number, string[]> {
  const found = new Map<number, string[]>();
  const note = (phrase: Phrase) => {
    if (phrase.nearTermOnly && !nearTerm) return;
    const words = found.get(phrase.reading) ?? [];
    if (!words.includes(phrase.text)) words.push(phrase.text);
    found.set(phrase.reading, words);
  };
  tokens.forEach((token, at) => {
    for (const phrase of senses.byFirstToken.get(token) ?? []) {
      if (phrase.tokens.every((t, offset) => tokens[at + offset] === t)) note(phrase);
    }
  });
  for (const tag of hashtags) for (const phrase of senses.byFirstToken.get(`#${tag}`) ?? []) if (phrase.tokens.length === 1) note(phrase);
  // A word inside a longer phrase found too ("mother" in "mother of") is not a second vote.
  for (const [reading, list] of found) found.set(reading, list.filter((w) => !list.some((o) => o !== w && ` ${o} `.includes(` ${w} `))));
  return found;
}

/** The account's votes per reading, from its bio and its own posts; `nearTerm(post)` says which posts name the term ambiguously. */
export function tallySenses(
  senses: CompiledSenses,
  bio: string | null,
  posts: readonly { post: number; text: string | null; hashtags: readonly string[] }[],
  nearTerm: (post: number) => boolean,
): SenseTally[] {
  const tallies: SenseTally[] = senses.readings.map((reading) => ({ ...reading, votes: 0, voters: [] }));
  const vote = (source: Voter['source'], words: Map<number, string[]>) => {
    for (const [reading, found] of words) {
      tallies[reading]!.votes += found.length;
      tallies[reading]!.voters.push({ source, words: found });
    }
  };
  if (bio) vote('bio', signatureWords(senses, tokenize(bio), [], false));
  for (const { post, text, hashtags } of posts) vote(post, signatureWords(senses, text ? tokenize(text) : [], hashtags, nearTerm(post)));
  return tallies;
}

/** Thresholds of "clearly outvoted" (docs/AUDIT.md gives the reasons). */
export interface OutvotedRule {
  minVotes: number;
  ratio: number;
  /** Voters (bio, posts) for the other sense per post naming the topic only through an ambiguous term. */
  perAmbiguousPost: number;
}

/** The other reading that clearly outvotes the topic's own, if any: the one with most votes (first on a tie). */
export function outvotedBy(tallies: readonly SenseTally[], ambiguousPosts: number, rule: OutvotedRule): SenseTally | null {
  const own = tallies[0]!;
  let best: SenseTally | null = null;
  for (const tally of tallies.slice(1)) if (!best || tally.votes > best.votes) best = tally;
  // An account that names the topic in one post only, through an ambiguous word, rests the whole assignment on that
  // word: one vote for another sense against none for its own is then as clear as the evidence gets.
  const needed = Math.min(rule.minVotes, Math.max(1, ambiguousPosts));
  if (!best || best.votes < needed || best.votes < rule.ratio * own.votes - 1e-9 || best.votes <= own.votes) return null;
  return best.voters.length >= rule.perAmbiguousPost * ambiguousPosts - 1e-9 ? best : null;
}
